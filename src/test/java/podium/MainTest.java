package podium;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The hub as a newcomer runs it: embedded database, demo forum, env config, SIGTERM, restart. */
@ExtendWith(VertxExtension.class)
@Tag("faults")
class MainTest {

  @Test
  void theHubServesTheDemoForumStopsCleanlyAndKeepsItsData(Vertx vertx, @TempDir Path dir) throws Exception {
    int port = TestNode.freePort();
    Path out = dir.resolve("hub.log");
    Process first = FreshHub.start(dir, port, out);
    try (Api api = new Api(vertx, port)) {
      JsonObject demo = api.snapshot();
      assertThat(demo.getJsonObject("event").getJsonObject("title").getString("zh")).contains("包头");
      assertThat(demo.getJsonArray("sessions")).hasSizeGreaterThan(10);
      FreshHub.awaitLine(out, "database: embedded PostgreSQL 17");
      var delayed = api.command(new JsonObject().put("type", "session.delay").put("session", "keynote-gan-yong")
          .put("minutes", 10));
      assertThat(delayed.statusCode()).isEqualTo(200);
      // The node's memory follows the commit through LISTEN, a few ms after the answer: wait for it.
      long before = Await.version("the hub's snapshot", () -> api.snapshot().getLong("version"),
          delayed.bodyAsJsonObject().getLong("version"));
      assertThat(before).as("the demo's run of show opened the doors on its clock, then the delay")
          .isGreaterThanOrEqualTo(delayed.bodyAsJsonObject().getLong("version"));
      stop(first);
      FreshHub.awaitLine(out, "podium.Main - stopped");

      Process second = FreshHub.start(dir, port, out);
      try {
        assertThat(api.snapshot().getLong("version")).as("the delay survived the restart").isGreaterThanOrEqualTo(before);
        assertThat(podium.Api.session(api.snapshot(), "keynote-gan-yong").getInteger("delayMinutes"))
            .isEqualTo(10);
        assertThat(java.nio.file.Files.readString(out)).as("seeded once only")
            .containsOnlyOnce("created the demo event");
      } finally {
        stop(second);
      }
    } finally {
      first.destroyForcibly();
    }
  }

  /** A PODIUM_WEBROOT that is not a folder would serve 404 for every page: the hub refuses to start instead. */
  @Test
  void aHubWhoseWebrootIsNoFolderStopsAtTheStartAndSaysWhy(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("hub.log");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
    pb.environment().put("PODIUM_WEBROOT", dir.resolve("no-such-folder").toString());
    pb.environment().put("PODIUM_DATA_DIR", dir.toString());
    pb.environment().put("PODIUM_HTTP_PORT", String.valueOf(TestNode.freePort()));
    Process hub = pb.start();
    try {
      assertThat(hub.waitFor(60, TimeUnit.SECONDS)).as("it exits").isTrue();
      assertThat(hub.exitValue()).isEqualTo(1);
      assertThat(java.nio.file.Files.readString(out)).contains("could not start: PODIUM_WEBROOT is '" + dir.resolve("no-such-folder"))
          .contains("is not a folder").doesNotContain("database:");
    } finally {
      hub.destroyForcibly();
    }
  }

  /** It listens before it loads; if it then cannot load, it must exit and let go of the port. */
  @Test
  void aHubThatCannotReachItsDatabaseExitsAndFreesItsPort(@TempDir Path dir) throws Exception {
    int port = TestNode.freePort();
    int nothing = TestNode.freePort();
    Path out = dir.resolve("hub.log");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
    pb.environment().put("PGHOST", "127.0.0.1");
    pb.environment().put("PGPORT", String.valueOf(nothing));
    pb.environment().put("PODIUM_HTTP_PORT", String.valueOf(port));
    pb.environment().put("PODIUM_ADMIN_TOKEN", TestNode.ADMIN_TOKEN);
    Process hub = pb.start();
    try {
      assertThat(hub.waitFor(60, TimeUnit.SECONDS)).as("it exits instead of holding clients forever").isTrue();
      assertThat(hub.exitValue()).isEqualTo(1);
      assertThat(java.nio.file.Files.readString(out)).contains("could not start");
      try (java.net.ServerSocket again = new java.net.ServerSocket(port)) {
        assertThat(again.getLocalPort()).as("the port is free again").isEqualTo(port);
      }
    } finally {
      hub.destroyForcibly();
    }
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("SIGTERM ends the hub within 20 s").isTrue();
  }
}
