package podium.cues;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import podium.Api;
import podium.Await;
import podium.Main;
import podium.Node;
import podium.TestNode;
import podium.store.Leader;

/** Cues fired by hand from two consoles on two nodes, and on the clock from the node that leads. */
@ExtendWith(VertxExtension.class)
@Tag("node")
class CueFiringTest {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
      .withZone(ZoneId.of("Asia/Shanghai"));

  private static long count(Node node, String kind) {
    return node.pool().preparedQuery("select count(*) from changes where kind = $1")
        .execute(io.vertx.sqlclient.Tuple.of(kind)).await().iterator().next().getLong(0);
  }

  /** The application name of the session that holds the cue lock. */
  private static String lockHolder(Node node) {
    var rows = node.pool().query("select a.application_name from pg_locks l join pg_stat_activity a on a.pid = l.pid"
        + " where l.locktype = 'advisory' and l.granted and a.application_name like 'podium-cues-%'").execute().await();
    return rows.size() == 0 ? null : rows.iterator().next().getString(0);
  }

  /** Now on the demo's clock, read from a node's state. */
  private static Instant eventNow(Node node) {
    return node.states().bySlug(TestNode.SLUG).view().agenda().event().clock().at(Instant.now());
  }

  private static void save(Api api, String cue, String extra) {
    HttpResponse<Buffer> saved = api.command(new JsonObject("{\"type\":\"cue.save\",\"cue\":\"" + cue + "\","
        + "\"name\":\"Keynote 1 on stage\"" + extra + ",\"commands\":["
        + "{\"type\":\"session.start\",\"session\":\"keynote-gan-yong\"},"
        + "{\"type\":\"speaker.on_stage\",\"session\":\"keynote-gan-yong\",\"speaker\":\"gan-yong\"},"
        + "{\"type\":\"announcement.post\",\"text\":\"Keynote 1 has begun\"}]}"));
    assertThat(saved.statusCode()).as(saved.bodyAsString()).isEqualTo(200);
  }

  @Test
  void aCueFiredFromTwoConsolesOnTwoNodesAppliesOnce(Vertx vertx) {
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    int portA = TestNode.freePort();
    int portB = TestNode.freePort();
    Node a = TestNode.start(vertx, db, portA, "cue-a");
    Node b = TestNode.start(vertx, db, portB, "cue-b");
    try (Api consoleA = new Api(vertx, portA); Api consoleB = new Api(vertx, portB)) {
      save(consoleA, "k1", "");
      JsonObject fire = new JsonObject().put("type", "cue.fire").put("cue", "k1");
      for (int round = 0; round < 3; round++) {
        List<Future<HttpResponse<Buffer>>> both = List.of(consoleA.commandAsync(fire), consoleB.commandAsync(fire));
        Future.join(both).await();
        long ok = both.stream().filter(f -> f.result().statusCode() == 200).count();
        assertThat(ok).as("round %d: at most one fires", round).isLessThanOrEqualTo(1);
        both.stream().filter(f -> f.result().statusCode() != 200).forEach(f ->
            assertThat(f.result().bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("invalid_state"));
      }
      assertThat(count(a, "cue.fired")).isEqualTo(1);
      assertThat(count(a, "session.started")).isEqualTo(1);
      assertThat(count(a, "announcement.posted")).isEqualTo(1);
    } finally {
      a.stop().await();
      b.stop().await();
    }
  }

  @Test
  void aRemovedCueIsGoneFromTheTableAndFromEveryNode(Vertx vertx) {
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    int port = TestNode.freePort();
    Node node = TestNode.start(vertx, db, port, "cue-remove");
    try (Api console = new Api(vertx, port)) {
      save(console, "k1", "");
      save(console, "k2", "");
      HttpResponse<Buffer> removed = console.command(new JsonObject().put("type", "cue.remove").put("cue", "k1"));
      assertThat(removed.statusCode()).as(removed.bodyAsString()).isEqualTo(200);
      long rows = node.pool().query("select count(*) from cues where id = 'k1'").execute().await().iterator().next()
          .getLong(0);
      assertThat(rows).isZero();
      long version = removed.bodyAsJsonObject().getLong("version");
      Await.version("the node's memory", () -> node.states().bySlug(TestNode.SLUG).view().version(), version);
      assertThat(node.states().bySlug(TestNode.SLUG).view().agenda().cue("k1")).isEmpty();
      assertThat(node.states().bySlug(TestNode.SLUG).view().agenda().cue("k2")).isPresent();
    } finally {
      node.stop().await();
    }
  }

  /** Runs its leader as a child process and kills it. */
  @Test
  @Tag("faults")
  void aScheduledCueFiresOnceWhenTheNodeThatLeadsIsKilledJustBeforeItsTime(Vertx vertx, @TempDir Path dir)
      throws Exception {
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    int leaderPort = TestNode.freePort();
    Path out = dir.resolve("leader.log");
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName()).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()));
    pb.environment().put("PGHOST", db.getHost());
    pb.environment().put("PGPORT", String.valueOf(db.getPort()));
    pb.environment().put("PGDATABASE", db.getDatabase());
    pb.environment().put("PGUSER", db.getUser());
    pb.environment().put("PGPASSWORD", db.getPassword());
    pb.environment().put("PODIUM_HTTP_PORT", String.valueOf(leaderPort));
    pb.environment().put("PODIUM_ADMIN_TOKEN", TestNode.ADMIN_TOKEN);
    Process leader = pb.start();
    Node survivor = null;
    try {
      long until = System.currentTimeMillis() + 60_000;
      while (!Files.readString(out).contains("serving on") && System.currentTimeMillis() < until) {
        Thread.sleep(50);
      }
      Thread.sleep(500); // its cue clock has taken the lock by now
      int port = TestNode.freePort();
      survivor = TestNode.start(vertx, db, port, "survivor");
      try (Api api = new Api(vertx, port)) {
        Instant due = eventNow(survivor).plusSeconds(6).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        save(api, "k1", ",\"at\":\"" + LOCAL.format(due) + "\"");
        Thread.sleep(3_000);
        assertThat(count(survivor, "cue.fired")).as("not yet due").isZero();
        assertThat(lockHolder(survivor)).as("the child leads").isEqualTo(Leader.Job.CUES.application() + "node-" + leader.pid());
        leader.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        Node heir = survivor;
        Await.until("a cue.fired change after the leader was killed", () -> count(heir, "cue.fired"), n -> n > 0);
        assertThat(count(survivor, "cue.fired")).as("the survivor fired it").isEqualTo(1);
        assertThat(lockHolder(survivor)).isEqualTo(Leader.Job.CUES.application() + "survivor");
        Thread.sleep(1_500);
        assertThat(count(survivor, "cue.fired")).as("once").isEqualTo(1);
        assertThat(count(survivor, "session.started")).isEqualTo(1);
        Instant firedAt = Instant.parse(api.get("/api/staff/events/" + TestNode.SLUG, "Authorization",
            "Bearer " + TestNode.ADMIN_TOKEN).bodyAsJsonObject().getJsonArray("cues").getJsonObject(0).getString("firedAt"));
        assertThat(firedAt).as("at its time on the event clock, not before").isAfterOrEqualTo(due.minusMillis(1));
      }
    } finally {
      leader.destroyForcibly();
      if (survivor != null) {
        survivor.stop().await();
      }
    }
  }
}
