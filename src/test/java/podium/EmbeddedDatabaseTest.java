package podium;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.pgclient.PgConnectOptions;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import podium.store.Migrations;

/** The default database keeps its data across restarts, after a run that was killed with -9, and on disk. */
@Tag("faults")
class EmbeddedDatabaseTest {

  /** Runs in a child JVM: starts the database, writes a row, says "ready", and waits to be killed. */
  public static final class KilledRun {
    public static void main(String[] args) throws Exception {
      EmbeddedDatabase db = EmbeddedDatabase.start(Path.of(args[0]));
      Migrations.migrate(db.connectOptions());
      TestDatabase.sql(db.connectOptions(), "insert into api_tokens (name, role, token_hash) values ('kept', 'admin', 'h1')");
      System.out.println("ready");
      System.out.flush();
      Thread.sleep(120_000);
    }
  }

  @Test
  void dataSurvivesAKilledRunAndARestart(@TempDir Path dir) throws Exception {
    Path data = dir.resolve("pg");
    Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), KilledRun.class.getName(), data.toString())
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(run.getInputStream()))) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("ready")) {
        // skip the child's log lines
      }
      assertThat(line).as("the child run started its database").isEqualTo("ready");
    }
    run.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    assertThat(Files.exists(data.resolve("postmaster.pid"))).as("the killed run left its postmaster").isTrue();

    EmbeddedDatabase second = EmbeddedDatabase.start(data);
    try {
      PgConnectOptions again = second.connectOptions();
      assertThat(Migrations.migrate(again)).isZero();
      assertThat(count(again)).isEqualTo(1);
    } finally {
      second.close();
    }
    EmbeddedDatabase third = EmbeddedDatabase.start(data);
    try {
      assertThat(count(third.connectOptions())).isEqualTo(1);
      assertThat(setting(third.connectOptions(), "fsync")).as("a commit reaches the disk").isEqualTo("on");
      assertThat(setting(third.connectOptions(), "synchronous_commit")).isEqualTo("on");
      assertThat(setting(third.connectOptions(), "full_page_writes")).isEqualTo("on");
    } finally {
      third.close();
    }
  }

  private static String setting(PgConnectOptions db, String name) throws Exception {
    return first(db, "show " + name);
  }

  private static long count(PgConnectOptions db) throws Exception {
    return Long.parseLong(first(db, "select count(*) from api_tokens where name = 'kept'"));
  }

  private static String first(PgConnectOptions db, String query) throws Exception {
    String url = Migrations.jdbcUrl(db);
    try (var c = java.sql.DriverManager.getConnection(url, db.getUser(), db.getPassword());
        var rs = c.createStatement().executeQuery(query)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
