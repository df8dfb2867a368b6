package podium.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;

/**
 * Which node does a job that one node at a time must do (fire scheduled cues, publish running-late
 * projections, poll a followed schedule): the one holding a PostgreSQL advisory lock on a
 * connection of its own. When that node dies its connection closes, the lock is free, and another
 * node takes it within a few seconds. (What the job does must still be safe twice: a cue fires at
 * most once whoever tries, a projection is refused when nothing moved.)
 */
public final class Leader {

  /** The jobs, each with its own lock: the key is its name in ASCII. */
  public enum Job {
    CUES(0x63756573L), STAGE(0x7374616765L), FOLLOW(0x666f6c6c6f77L);

    final long lock;

    Job(long lock) {
      this.lock = lock;
    }

    /** What PostgreSQL shows as the lock holder's application_name, before the node's name. */
    public String application() {
      return "podium-" + name().toLowerCase(java.util.Locale.ROOT) + "-";
    }
  }

  private static final long RETRY_MS = 2_000;

  private final Vertx vertx;
  private final PgConnectOptions connect;
  private final long lock;
  private PgConnection connection;
  private boolean leading;
  private boolean trying;
  private long lastTry;

  /** node: this node's name, which PostgreSQL shows as the lock holder's application_name. */
  public Leader(Vertx vertx, PgConnectOptions connect, String node, Job job) {
    this.vertx = vertx;
    this.connect = new PgConnectOptions(connect).addProperty("application_name", job.application() + node);
    this.lock = job.lock;
  }

  /** Runs job every ms on the caller's context while this node leads; answers the timer. */
  public long every(long ms, Runnable job) {
    return vertx.setPeriodic(ms, t -> leads().onSuccess(leads -> {
      if (leads) {
        job.run();
      }
    }));
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
    return open.compose(c -> c.query("select pg_try_advisory_lock(" + lock + ")").execute())
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
