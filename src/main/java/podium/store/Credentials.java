package podium.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who a session id or an API token belongs to, remembered for a minute so that a burst of commands
 * costs one lookup. A withdrawal reaches every node on the LISTEN connection (see Revocations) and
 * is forgotten here at once; after a re-LISTEN, when one may have been missed, everything is.
 * Unknown secrets are never remembered: a guess always costs a lookup and always fails.
 */
public final class Credentials {

  static final long TTL_MS = 60_000;
  private static final int MAX = 10_000;

  private record Entry(Holder holder, long until) { }

  /**
   * Tokens and logins are remembered apart: keyed by the hash alone, a token sent as the login
   * cookie (or a login's id sent as a bearer token) was taken for what it had been looked up as.
   */
  private static final String TOKEN = "token:";
  private static final String SESSION = "session:";

  private final Pool pool;
  private final Map<String, Entry> known = new ConcurrentHashMap<>();
  private final List<Consumer<String>> revokedListeners = new CopyOnWriteArrayList<>();

  public Credentials(Pool pool) {
    this.pool = pool;
  }

  public Future<Holder> byToken(String token) {
    return token == null ? Future.succeededFuture(null)
        : cached(TOKEN + Hashes.sha256(token), () -> ApiTokens.holder(pool, token));
  }

  public Future<Holder> bySession(String sessionId) {
    return sessionId == null ? Future.succeededFuture(null)
        : cached(SESSION + Hashes.sha256(sessionId), () -> StaffSessions.holder(pool, sessionId));
  }

  private Future<Holder> cached(String hash, java.util.function.Supplier<Future<Holder>> lookup) {
    Entry e = known.get(hash);
    long now = System.currentTimeMillis();
    if (e != null && e.until() > now) {
      return Future.succeededFuture(e.holder());
    }
    return lookup.get().onSuccess(h -> {
      if (h != null) {
        if (known.size() >= MAX) {
          known.clear();
        }
        // Remembered for a minute, but never past the moment a login ends by itself.
        known.put(hash, new Entry(h, Math.min(now + TTL_MS, h.endsAtMs())));
      }
    });
  }

  /** A session or token was withdrawn (the hash of its secret): forget it and tell the hubs. */
  public void revoked(String secretHash) {
    known.remove(TOKEN + secretHash);
    known.remove(SESSION + secretHash);
    revokedListeners.forEach(l -> l.accept(secretHash));
  }

  /** After a re-LISTEN: a withdrawal may have gone unheard meanwhile. */
  public void forgetAll() {
    known.clear();
  }

  /** Called with the hash of every withdrawn secret; the hubs close the sockets it opened. */
  public Runnable onRevoked(Consumer<String> listener) {
    revokedListeners.add(listener);
    return () -> revokedListeners.remove(listener);
  }
}
