package podium.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;

/**
 * Which node fires scheduled cues: the one holding a PostgreSQL advisory lock on a connection of
 * its own. When that node dies its connection closes, the lock is free, and another node takes it
 * within a few seconds. (A cue still fires at most once whoever tries: see the cue.fire rule.)
 */
public final class CueLeader {

  /** The advisory lock's key: "cues" in ASCII. */
  static final long LOCK = 0x63756573L;
  private static final long RETRY_MS = 2_000;
  public static final String APPLICATION = "podium-cues-";

  private final Vertx vertx;
  private final PgConnectOptions connect;
  private PgConnection connection;
  private boolean leading;
  private boolean trying;
  private long lastTry;

  /** node: this node's name, which PostgreSQL shows as the lock holder's application_name. */
  public CueLeader(Vertx vertx, PgConnectOptions connect, String node) {
    this.vertx = vertx;
    this.connect = new PgConnectOptions(connect).addProperty("application_name", APPLICATION + node);
  }

  /** True while this node holds the lock; tries to take it now and then. Call on one context. */
  public Future<Boolean> leads() {
    if (leading && connection != null) {
      return Future.succeededFuture(true);
    }
    long now = System.currentTimeMillis();
    if (trying || now - lastTry < RETRY_MS) {
      return Future.succeededFuture(false);
    }
    trying = true;
    lastTry = now;
    Future<PgConnection> open = connection != null ? Future.succeededFuture(connection)
        : PgConnection.connect(vertx, connect).onSuccess(c -> {
          connection = c;
          c.closeHandler(v -> {
            connection = null;
            leading = false;
          });
        });
    return open.compose(c -> c.query("select pg_try_advisory_lock(" + LOCK + ")").execute())
        .map(rows -> leading = rows.iterator().next().getBoolean(0))
        .otherwise(false)
        .eventually(() -> {
          trying = false;
          return Future.succeededFuture();
        });
  }

  public Future<Void> close() {
    leading = false;
    return connection == null ? Future.succeededFuture() : connection.close();
  }
}
