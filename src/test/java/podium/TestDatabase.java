package podium;

import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import podium.store.Migrations;

/**
 * A real PostgreSQL for tests: one embedded server per test JVM, or the one that PGHOST names
 * (as CI may choose). Each test class gets its own database, copied from a migrated template.
 */
public final class TestDatabase {

  private static final AtomicInteger COUNT = new AtomicInteger();
  private static PgConnectOptions server;

  private TestDatabase() {
  }

  /** A new, migrated, empty database. */
  public static synchronized PgConnectOptions fresh() {
    PgConnectOptions base = server();
    String name = "t" + ProcessHandle.current().pid() + "_" + COUNT.incrementAndGet();
    sql(base, "create database " + name + " template podium_template");
    return new PgConnectOptions(base).setDatabase(name);
  }

  public static void sql(PgConnectOptions db, String statement) {
    String url = Migrations.jdbcUrl(db);
    try (Connection c = java.sql.DriverManager.getConnection(url, db.getUser(), db.getPassword());
        Statement s = c.createStatement()) {
      s.execute(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(statement + ": " + e.getMessage(), e);
    }
  }

  private static PgConnectOptions server() {
    if (server == null) {
      server = System.getenv("PGHOST") != null ? PgConnectOptions.fromEnv() : embedded();
      PgConnectOptions template = new PgConnectOptions(server).setDatabase("podium_template");
      sql(server, "drop database if exists podium_template");
      sql(server, "create database podium_template");
      Migrations.migrate(template);
    }
    return server;
  }

  private static PgConnectOptions embedded() {
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "300").start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          pg.close();
        } catch (IOException ignored) {
          // the JVM is going away anyway
        }
      }));
      return new PgConnectOptions().setHost("localhost").setPort(pg.getPort()).setDatabase("postgres")
          .setUser("postgres").setPassword("postgres");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
