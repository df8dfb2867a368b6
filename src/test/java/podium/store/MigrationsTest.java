package podium.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.TestDatabase;

@ExtendWith(VertxExtension.class)
class MigrationsTest {

  @Test
  void migrationsCreateEveryTableOnceAndAreIdempotent(Vertx vertx) {
    PgConnectOptions db = TestDatabase.fresh();
    assertThat(Migrations.migrate(db)).as("the template is already migrated").isZero();
    Pool pool = Database.pool(vertx, db, 1, "migrations");
    List<String> tables = new ArrayList<>();
    for (Row r : pool.query("select table_name from information_schema.tables where table_schema = 'public'")
        .execute().await()) {
      tables.add(r.getString(0));
    }
    assertThat(tables).contains("events", "rooms", "sessions", "speakers", "announcements", "notices",
        "award_categories", "nominees", "award_results", "changes", "command_keys", "api_tokens",
        "flyway_schema_history");
    pool.close().await();
  }
}
