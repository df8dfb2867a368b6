package podium.store;

import io.vertx.pgclient.PgConnectOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.Flyway;

/** Brings the schema up to date with Flyway (over JDBC, once, at start-up, off the event loop). */
public final class Migrations {

  /** The newest file in db/migration; MigrationsTest holds the two together. */
  static final String LATEST = "18";

  private Migrations() {
  }

  /** Runs Flyway unless the schema is already at LATEST; answers how many migrations ran. */
  public static int migrate(PgConnectOptions db) {
    if (upToDate(db)) {
      return 0;
    }
    return Flyway.configure().dataSource(jdbcUrl(db), db.getUser(), db.getPassword())
        .locations("classpath:db/migration").load().migrate().migrationsExecuted;
  }

  /**
   * One query instead of starting Flyway, which takes about a second on the fat jar: that second is
   * part of every restart, when a hall of screens waits for the node. Any doubt (no history yet, a
   * failed migration, an older schema) leaves it to Flyway, which also checks the checksums; every
   * test database is made by Flyway itself.
   */
  static boolean upToDate(PgConnectOptions db) {
    String sql = "select bool_or(success and version = ?) and bool_and(success) from flyway_schema_history";
    try (Connection c = DriverManager.getConnection(jdbcUrl(db), db.getUser(), db.getPassword());
        PreparedStatement query = c.prepareStatement(sql)) {
      query.setString(1, LATEST);
      try (ResultSet row = query.executeQuery()) {
        return row.next() && row.getBoolean(1);
      }
    } catch (SQLException e) {
      return false;
    }
  }

  /** The JDBC address of a database the pool reaches with these options. */
  public static String jdbcUrl(PgConnectOptions db) {
    return "jdbc:postgresql://" + db.getHost() + ":" + db.getPort() + "/" + db.getDatabase();
  }
}
