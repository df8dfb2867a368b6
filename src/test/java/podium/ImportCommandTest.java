package podium;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The import command end to end, in child JVMs: attached to a running hub, and on its own. */
@ExtendWith(VertxExtension.class)
@Tag("faults")
class ImportCommandTest {

  private static final Path FIXTURES = Path.of("src/test/resources/imports").toAbsolutePath();

  @Test
  void anImportAttachesToTheRunningHubWhichServesTheEventAndKeepsRunning(Vertx vertx, @TempDir Path dir)
      throws Exception {
    int port = TestNode.freePort();
    Path hubLog = dir.resolve("hub.log");
    Process hub = child(dir, hubLog, List.of("PODIUM_HTTP_PORT=" + port));
    try (Api api = new Api(vertx, port)) {
      awaitLine(hubLog, "serving on http://localhost:" + port);
      long postmaster = Long.parseLong(Files.readAllLines(dir.resolve("pg/postmaster.pid")).get(0).trim());

      Path out = dir.resolve("import.log");
      Process imported = child(dir, out, List.of(), "import", FIXTURES.resolve("frab-offsets.xml").toString(),
          "--slug", "offsets");
      assertThat(imported.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String printed = Files.readString(out);
      assertThat(imported.exitValue()).as(printed).isZero();
      assertThat(printed).contains("the running hub's PostgreSQL")
          .contains("imported 'offsets' at version 0: 1 days, 2 rooms, 2 sessions, 2 speakers");

      long until = System.currentTimeMillis() + 10_000;
      while (api.get("/api/events/offsets").statusCode() != 200 && System.currentTimeMillis() < until) {
        LiveClient.sleep(50);
      }
      assertThat(api.get("/api/events/offsets").statusCode()).as("the hub picked it up by itself").isEqualTo(200);
      assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive)).as("its PostgreSQL runs on").hasValue(true);

      Path broken = dir.resolve("broken.log");
      Process refused = child(dir, broken, List.of(), "import", FIXTURES.resolve("broken.json").toString());
      assertThat(refused.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(refused.exitValue()).isEqualTo(2);
      assertThat(Files.readString(broken)).contains("nothing was imported")
          .contains("session 'Bad duration' (guid b-1): 'duration'");

      Path second = dir.resolve("second.log");
      Process other = child(dir, second, List.of("PODIUM_HTTP_PORT=" + TestNode.freePort()));
      assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(other.exitValue()).isEqualTo(1);
      assertThat(Files.readString(second)).contains("another hub uses this data directory");
      assertThat(api.get("/api/events/offsets").statusCode()).as("the first hub still serves").isEqualTo(200);
    } finally {
      hub.destroy();
      hub.waitFor(20, TimeUnit.SECONDS);
      hub.destroyForcibly();
    }
  }

  @Test
  void withNoHubTheImportStartsItsOwnDatabaseAndAHubStartedLaterServesTheEvent(Vertx vertx, @TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("import.log");
    Process imported = child(dir, out, List.of(), "import", FIXTURES.resolve("pretalx-quirks.json").toString());
    assertThat(imported.waitFor(90, TimeUnit.SECONDS)).isTrue();
    assertThat(imported.exitValue()).as(Files.readString(out)).isZero();
    assertThat(Files.readString(out)).contains("(no hub is running there)").contains("imported 'quirkcon-2024'");
    int port = TestNode.freePort();
    Path hubLog = dir.resolve("hub.log");
    Process hub = child(dir, hubLog, List.of("PODIUM_HTTP_PORT=" + port));
    try (Api api = new Api(vertx, port)) {
      awaitLine(hubLog, "serving on http://localhost:" + port);
      assertThat(api.get("/api/events/quirkcon-2024").statusCode()).isEqualTo(200);
    } finally {
      hub.destroy();
      hub.waitFor(20, TimeUnit.SECONDS);
      hub.destroyForcibly();
    }
  }

  /** A child JVM running Main with args, on dir's embedded database; output goes to log. */
  private static Process child(Path dir, Path log, List<String> env, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    pb.environment().remove("PGHOST");
    pb.environment().put("PODIUM_DATA_DIR", dir.toString());
    pb.environment().put("PODIUM_ADMIN_TOKEN", TestNode.ADMIN_TOKEN);
    for (String e : env) {
      pb.environment().put(e.substring(0, e.indexOf('=')), e.substring(e.indexOf('=') + 1));
    }
    return pb.start();
  }

  private static void awaitLine(Path log, String text) throws Exception {
    long until = System.currentTimeMillis() + 60_000;
    while ((!Files.exists(log) || !Files.readString(log).contains(text)) && System.currentTimeMillis() < until) {
      Thread.sleep(50);
    }
    assertThat(Files.readString(log)).contains(text);
  }
}
