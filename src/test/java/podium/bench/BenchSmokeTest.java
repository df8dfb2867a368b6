package podium.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * CI's short run of the whole benchmark (issue 4): 200 sockets, 1 hub process, 3 commands, storm,
 * raw baseline and floor, on the test classpath. It checks that the pipeline works and nothing is
 * lost, not how fast anything is.
 */
@Tag("faults")
class BenchSmokeTest {

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void theWholePipelineRunsAndLosesNothing() throws Exception {
    Path out = Path.of("target/bench-smoke");
    BenchOptions options = BenchOptions.parse("--subscribers", "200", "--nodes", "1", "--commands", "3",
        "--warmup", "1", "--rate", "5", "--snapshot-seconds", "1", "--window", "50", "--max-minutes", "2",
        "--base-port", String.valueOf(freePort()), "--out", out.toString(), "--work", out.resolve("work").toString(),
        // mvn verify runs the tests before it packages target/podium.jar (which may be absent or stale):
        // the hubs run from this build's classes instead, on the test classpath
        "--hub-classpath", System.getProperty("java.class.path"));

    JsonObject r = Bench.run(options, "BenchSmokeTest");

    assertThat(r.getInteger("subscribers")).isEqualTo(200);
    assertThat(r.getInteger("nodes")).isEqualTo(1);
    assertThat(r.getInteger("cores")).isPositive();
    assertThat(r.getString("date")).isNotBlank();
    assertThat(r.getDouble("floor_us_per_write")).isPositive();
    JsonObject floor = r.getJsonObject("floor");
    assertThat(floor.getJsonArray("passes")).as("floor passes").hasSize(5);
    assertThat(floor.getDouble("us_per_write_min")).isEqualTo(r.getDouble("floor_us_per_write"))
        .isLessThanOrEqualTo(floor.getDouble("us_per_write_median"));
    JsonObject podium = r.getJsonObject("podium");
    for (String key : List.of("delivery_p50_ms", "delivery_p99_ms", "delivery_max_ms", "cpu_us_per_frame",
        "heap_after_gc_idle_bytes", "heap_after_gc_with_sockets_bytes", "command_p99_ms", "snapshot_rps",
        "storm_resume_s")) {
      assertThat(podium.getDouble(key)).as(key).isPositive();
    }
    // 200 sockets hold about 1.3 MB, within what the hub's heap moves by itself between two full
    // collections (CI once read -1,377 B per socket): the per-socket figure means something at
    // 15,000 sockets, so here it is only checked to be a number.
    assertThat(podium.getDouble("heap_bytes_per_idle_socket")).as("heap per idle socket").isFinite();
    assertThat(podium.getLong("lost")).as("frames lost").isZero();
    assertThat(podium.getLong("gaps")).as("gaps").isZero();
    assertThat(podium.getLong("storm_gaps")).as("storm gaps").isZero();
    assertThat(podium.getLong("storm_behind")).as("sockets not back after the storm").isZero();
    assertThat(podium.getLong("frames")).isEqualTo(200L * 3);
    assertThat(podium.getJsonArray("cpu_us_per_frame_passes")).as("one pass per command, at most 5").hasSize(3);
    if (Files.isExecutable(NginxBaseline.BINARY)) {
      JsonObject targets = podium.getJsonObject("gets_vs_nginx").getJsonObject("targets");
      assertThat(targets.fieldNames()).containsExactly("snapshot", "snapshot_gzip", "schedule_json",
          "schedule_json_gzip");
      for (String t : targets.fieldNames()) {
        JsonObject get = targets.getJsonObject(t);
        assertThat(get.getLong("hub_rps")).as(t + " from the hub").isPositive();
        assertThat(get.getLong("nginx_rps")).as(t + " from nginx").isPositive();
        assertThat(get.getLong("errors")).as(t + " errors").isZero();
        assertThat(get.getLong("nginx_body_bytes")).as(t + ": nginx sent the bytes the hub sent")
            .isEqualTo(get.getLong("file_bytes"));
      }
    }
    JsonObject raw = r.getJsonObject("raw");
    for (String key : List.of("delivery_p99_ms", "cpu_us_per_frame", "connect_s")) {
      assertThat(raw.getDouble(key)).as("raw " + key).isPositive();
    }
    assertThat(raw.getLong("lost")).as("raw frames lost").isZero();
    assertThat(Files.size(out.resolve("latest.png"))).isPositive();
    assertThat(Files.readString(out.resolve("latest.md"))).contains("delivery p99");
  }

  /** --push, small: three fan-outs, 20 phones subscribed through the API, every notice taken once. */
  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void thePushBurstBesideTheFanOutRunsAndLosesNothing() throws Exception {
    Path out = Path.of("target/bench-smoke-push");
    BenchOptions options = BenchOptions.parse("--push", "--subscribers", "100", "--push-phones", "20", "--commands",
        "3", "--warmup", "1", "--rate", "5", "--window", "50", "--no-cds", "--max-minutes", "3",
        "--base-port", String.valueOf(freePort()), "--out", out.toString(), "--work", out.resolve("work").toString(),
        "--hub-classpath", System.getProperty("java.class.path"));

    JsonObject r = PushBench.run(options, "BenchSmokeTest");

    for (String run : List.of("without", "without_again", "with")) {
      JsonObject f = r.getJsonObject("runs").getJsonObject(run);
      assertThat(f.getLong("lost")).as(run + ": frames lost").isZero();
      assertThat(f.getLong("gaps")).as(run + ": gaps").isZero();
      assertThat(f.getDouble("command_p99_ms")).as(run).isPositive();
    }
    JsonObject push = r.getJsonObject("push");
    assertThat(push.getLong("notices_expected")).isEqualTo(20L * 12);
    assertThat(push.getLong("received")).as("every notice, once").isEqualTo(20L * 12);
    assertThat(push.getLong("refused")).as(push.getString("first_problem")).isZero();
    assertThat(push.getLong("duplicates")).isZero();
    assertThat(push.getDouble("all_after_cascade_s")).isPositive();
    assertThat(Files.readString(out.resolve("push.md"))).contains("with ÷ without");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
