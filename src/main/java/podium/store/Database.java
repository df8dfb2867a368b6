package podium.store;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

/** The connection pool every store class shares, sized and bounded on purpose. */
public final class Database {

  private Database() {
  }

  public static Pool pool(Vertx vertx, PgConnectOptions connect, int size, String name) {
    // Its own event loop: a command's round trips never queue behind a fan-out burst on a hub's loop.
    PoolOptions options = new PoolOptions().setMaxSize(size).setMaxWaitQueueSize(2_000).setEventLoopSize(1)
        .setMaxLifetime(30).setMaxLifetimeUnit(TimeUnit.MINUTES).setName(name);
    return PgBuilder.pool().with(options).connectingTo(connect).using(vertx).build();
  }

  /** Reconnects quietly after a PostgreSQL restart, instead of failing every later query. */
  public static PgConnectOptions resilient(PgConnectOptions options) {
    return new PgConnectOptions(options).setReconnectAttempts(5).setReconnectInterval(500)
        .setPipeliningLimit(256);
  }

  static OffsetDateTime at(Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }
}
