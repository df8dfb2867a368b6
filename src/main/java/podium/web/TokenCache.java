package podium.web;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import podium.store.ApiTokens;
import podium.store.Hashes;

/**
 * Remembers valid staff tokens for a few seconds, so a burst of commands costs one token lookup,
 * not one per command. A revoked token therefore works for at most TTL_MS more. Unknown tokens
 * are never cached: a guessed token always costs a lookup and always fails.
 */
final class TokenCache {

  static final long TTL_MS = 5_000;
  private static final int MAX = 1_000;

  private record Entry(ApiTokens.Holder holder, long until) { }

  private final Pool pool;
  private final Map<String, Entry> known = new ConcurrentHashMap<>();

  TokenCache(Pool pool) {
    this.pool = pool;
  }

  Future<ApiTokens.Holder> holder(String token) {
    String key = Hashes.sha256(token);
    Entry e = known.get(key);
    long now = System.currentTimeMillis();
    if (e != null && e.until() > now) {
      return Future.succeededFuture(e.holder());
    }
    return ApiTokens.holder(pool, token).onSuccess(h -> {
      if (h != null) {
        if (known.size() >= MAX) {
          known.clear();
        }
        known.put(key, new Entry(h, now + TTL_MS));
      }
    });
  }
}
