package podium.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.TestDatabase;

@ExtendWith(VertxExtension.class)
@Tag("node")
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

  @Test
  void aSchemaAtTheNewestMigrationSkipsFlywayAndAnyOtherRunsIt() throws Exception {
    int newest;
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      newest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
          .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
    }
    assertThat(Migrations.LATEST).as("LATEST names the newest migration file").isEqualTo(String.valueOf(newest));

    PgConnectOptions db = TestDatabase.fresh();
    assertThat(Migrations.upToDate(db)).isTrue();
    TestDatabase.sql(db, "update flyway_schema_history set success = false where version = '1'");
    assertThat(Migrations.upToDate(db)).as("a failed migration in the history").isFalse();
    TestDatabase.sql(db, "delete from flyway_schema_history where version = '" + newest + "'");
    TestDatabase.sql(db, "update flyway_schema_history set success = true");
    assertThat(Migrations.upToDate(db)).as("an older schema").isFalse();
    TestDatabase.sql(db, "drop table flyway_schema_history");
    assertThat(Migrations.upToDate(db)).as("no history at all").isFalse();
  }
}
