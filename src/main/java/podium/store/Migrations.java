package podium.store;

import io.vertx.pgclient.PgConnectOptions;
import org.flywaydb.core.Flyway;

/** Brings the schema up to date with Flyway (over JDBC, once, at start-up, off the event loop). */
public final class Migrations {

  private Migrations() {
  }

  public static int migrate(PgConnectOptions db) {
    String url = "jdbc:postgresql://" + db.getHost() + ":" + db.getPort() + "/" + db.getDatabase();
    return Flyway.configure().dataSource(url, db.getUser(), db.getPassword())
        .locations("classpath:db/migration").load().migrate().migrationsExecuted;
  }
}
