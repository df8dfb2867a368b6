package podium.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import podium.DemoEvent;
import podium.EmbeddedDatabase;
import podium.store.ApiTokens;
import podium.event.Catalogue;
import podium.event.Role;
import podium.store.CommandStore;
import podium.store.Database;
import podium.store.Hashes;
import podium.store.Migrations;

/**
 * The hubs' PostgreSQL: embedded PG 17 in a throw-away directory, or a throw-away database
 * (created here, dropped on close) on the loopback server given with --pg, so a benchmark never
 * touches real events or tokens. Migrated and seeded by the same code as podium.Main, before any hub starts, so that
 * several hubs never race to migrate.
 */
final class BenchDatabase implements AutoCloseable {

  static final String TOKEN = "bench-admin-token";

  private final EmbeddedDatabase embedded;
  private final Path dir;
  private final PgConnectOptions connect;
  private final Pool pool;
  private PgConnectOptions server;

  private BenchDatabase(EmbeddedDatabase embedded, Path dir, PgConnectOptions connect, Pool pool) {
    this.embedded = embedded;
    this.dir = dir;
    this.connect = connect;
    this.pool = pool;
  }

  static BenchDatabase start(Vertx vertx, String hostPort) throws IOException {
    EmbeddedDatabase embedded = null;
    Path dir = null;
    PgConnectOptions connect;
    if (hostPort == null) {
      dir = Files.createTempDirectory("podium-bench-pg");
      embedded = EmbeddedDatabase.start(dir.resolve("pg"));
      connect = embedded.connectOptions().setHost("127.0.0.1");
    } else {
      String[] hp = hostPort.split(":");
      if (!InetAddress.getByName(hp[0]).isLoopbackAddress()) {
        throw new IllegalArgumentException("--pg must be a loopback address, not " + hp[0]);
      }
      PgConnectOptions server = PgConnectOptions.fromEnv().setHost(hp[0]).setPort(Integer.parseInt(hp[1]));
      connect = new PgConnectOptions(server).setDatabase("podium_bench_" + ProcessHandle.current().pid());
      sql(server, "create database " + connect.getDatabase());
    }
    Migrations.migrate(connect);
    Pool pool = Database.pool(vertx, connect, 2, "bench");
    DemoEvent.seedIfEmpty(pool).await();
    ApiTokens.ensureAdmin(pool, TOKEN).await();
    BenchDatabase db = new BenchDatabase(embedded, dir, connect, pool);
    db.server = hostPort == null ? null : PgConnectOptions.fromEnv().setHost(connect.getHost()).setPort(connect.getPort());
    return db;
  }

  private static void sql(PgConnectOptions db, String statement) {
    String url = Migrations.jdbcUrl(db);
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, db.getUser(), db.getPassword());
        java.sql.Statement s = c.createStatement()) {
      s.execute(statement);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(statement + ": " + e.getMessage(), e);
    }
  }

  private java.util.Optional<ProcessHandle> postmaster() {
    try {
      Path pid = dir == null ? null : dir.resolve("pg").resolve("postmaster.pid");
      if (pid == null || !Files.exists(pid)) {
        return java.util.Optional.empty();
      }
      return ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim()));
    } catch (IOException | RuntimeException e) {
      return java.util.Optional.empty();
    }
  }

  /**
   * CPU used so far by the embedded PostgreSQL: the postmaster with its ended backends, and the
   * processes alive under it, in µs; -1 with --pg (a server the bench did not start).
   */
  long cpuMicros() {
    return postmaster().map(p -> ProcStat.cpuMicrosWithEndedChildren(p.pid())
        + p.descendants().mapToLong(d -> ProcStat.cpuMicros(d.pid())).sum()).orElse(-1L);
  }

  /** The environment that points podium.Main at this database. */
  Map<String, String> env() {
    return Map.of("PGHOST", connect.getHost(), "PGPORT", String.valueOf(connect.getPort()),
        "PGUSER", connect.getUser(), "PGPASSWORD", connect.getPassword() == null ? "" : connect.getPassword(),
        "PGDATABASE", connect.getDatabase(), "PODIUM_ADMIN_TOKEN", TOKEN, "PODIUM_SEED_DEMO", "true");
  }

  /** Commits a staff command through the hub's own write path, for when no hub is up to take it. */
  long command(JsonObject body) {
    CommandStore store = new CommandStore(pool, Clock.systemUTC());
    return store.execute(new CommandStore.Request(DemoEvent.SLUG, Catalogue.parse(body), Hashes.sha256(body.encode()),
        "bench", Role.ADMIN, null, null, false)).await().version();
  }

  @Override
  public void close() {
    pool.close().await();
    if (server != null) {
      try {
        sql(server, "drop database if exists " + connect.getDatabase() + " with (force)");
      } catch (IllegalStateException e) {
        System.err.println("bench: could not drop " + connect.getDatabase() + ": " + e.getMessage());
      }
    }
    java.util.Optional<ProcessHandle> postmaster = postmaster();
    try {
      if (embedded != null) {
        embedded.close();
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("bench: embedded PostgreSQL did not stop cleanly: " + e);
    }
    // zonky stops PostgreSQL through a child process; if that fails, stop the postmaster ourselves.
    postmaster.filter(ProcessHandle::isAlive).ifPresent(p -> {
      p.destroy();
      p.onExit().orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> null).join();
    });
    try {
      if (dir != null) {
        try (Stream<Path> files = Files.walk(dir)) {
          files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    } catch (IOException e) {
      System.err.println("bench: could not remove the database: " + e);
    }
  }
}
