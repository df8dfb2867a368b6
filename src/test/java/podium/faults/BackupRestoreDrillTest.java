package podium.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.Api;
import podium.Await;
import podium.LiveClient;
import podium.Main;
import podium.Node;
import podium.TestNode;
import podium.store.Migrations;

/**
 * The drill of docs/OPERATIONS.md, "Back up and restore": pg_dump of a running event, five more
 * changes that the backup misses, the nodes stopped, pg_restore into a fresh database, then the
 * documented step (java -jar podium.jar new-epoch). Every client that comes back takes a
 * snapshot of the restored state and none resumes across the two histories. Without the step, a
 * client would silently skip the restored history's new versions: the test shows that too.
 */
@Tag("faults")
class BackupRestoreDrillTest {

  private static final int PHONES = 50;

  @Test
  void afterARestoreAndANewEpochEveryClientTakesASnapshotAndNoneResumesAcrossHistories() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (SystemPostgres pg = SystemPostgres.start(TestNode.freePort())) {
      pg.run("createdb", concat(pg.server(), "event"));
      PgConnectOptions live = pg.database("event");
      Migrations.migrate(live);
      TestNode.seed(vertx, live);
      int port = TestNode.freePort();
      Node node = TestNode.start(vertx, live, port, "drill-1");
      Phones phones = new Phones(vertx, port, List.of("127.0.0.1"), PHONES, 250);
      LiveClient behind;
      String oldEpoch;
      JsonObject atBackup;
      Path dump = pg.home.resolve("event.dump");
      try (Api api = new Api(vertx, port)) {
        phones.connectAll(50, Duration.ofSeconds(30));
        long v = 0;
        for (int i = 0; i < 5; i++) {
          v = command(api, Direct.delay("keynote-gan-yong", 1));
        }
        awaitVersion(api, v);
        atBackup = api.snapshot();
        oldEpoch = atBackup.getString("epoch");
        // Taken while the node runs and clients are connected: pg_dump reads one consistent snapshot.
        pg.run("pg_dump", concat(pg.connection("event"), "-Fc", "-f", dump.toString()));
        for (int i = 0; i < 5; i++) {
          v = command(api, new JsonObject().put("type", "announcement.post").put("text", "lost " + i));
        }
        long lost = v;
        phones.await(p -> p.last == lost, Duration.ofSeconds(20), "version " + lost);
        behind = LiveClient.connect(vertx, port);
        behind.hello();
        behind.awaitType("snapshot");
      } finally {
        node.stop().await();
      }
      assertThat(Files.size(dump)).isPositive();

      pg.run("createdb", concat(pg.server(), "restored"));
      pg.run("pg_restore", concat(pg.connection("restored"), "--no-owner", dump.toString()));
      // The unsafe counterfactual first: the same restore without the epoch step.
      pg.run("createdb", concat(pg.server(), "unsafe"));
      pg.run("pg_restore", concat(pg.connection("unsafe"), "--no-owner", dump.toString()));
      String said = newEpoch(pg.database("restored"));
      assertThat(said).contains("event " + TestNode.SLUG + " at version 5: new epoch ");

      Node restored = TestNode.start(vertx, pg.database("restored"), port, "drill-2");
      try (Api api = new Api(vertx, port); LiveClient midway = LiveClient.connect(vertx, port)) {
        JsonObject now = api.snapshot();
        assertThat(now.getLong("version")).isEqualTo(5);
        assertThat(now.getString("epoch")).isNotEqualTo(oldEpoch);
        assertThat(without(now, "epoch")).as("the state the backup holds").isEqualTo(without(atBackup, "epoch"));
        // A phone that had seen version 3 of the old history, and the 50 at version 10.
        midway.resume(oldEpoch, 3);
        JsonObject first = midway.await(f -> "snapshot".equals(f.getString("type"))
            || "change".equals(f.getString("type")), Duration.ofSeconds(10));
        assertThat(first.getString("type")).as("a snapshot, not the old history's changes").isEqualTo("snapshot");
        phones.await(p -> now.getString("epoch").equals(p.epoch) && p.last == 5, Duration.ofSeconds(30),
            "the restored state under the new epoch");
        long next = command(api, Direct.delay("academic-conference-1", 2));
        phones.await(p -> p.last == next, Duration.ofSeconds(10), "version " + next);
        assertThat(phones.snapshots.sum()).as("one snapshot each on coming back").isEqualTo(PHONES);
        assertThat(phones.gaps.sum()).as("gaps").isZero();
        assertThat(midway.problems).isEmpty();
      } finally {
        phones.close();
        behind.close();
        restored.stop().await();
      }

      Node unsafe = TestNode.start(vertx, pg.database("unsafe"), port, "drill-unsafe");
      try (Api api = new Api(vertx, port); LiveClient stale = LiveClient.connect(vertx, port)) {
        long v = 0;
        for (int i = 0; i < 3; i++) {
          v = command(api, Direct.delay("academic-conference-1", 1));
        }
        awaitVersion(api, v);
        // Version 7 of the old history is not version 7 of this one, but the epoch says they are the same.
        stale.resume(oldEpoch, 7);
        JsonObject got = stale.await(f -> f.containsKey("version") && !"welcome".equals(f.getString("type")),
            Duration.ofSeconds(10));
        assertThat(got.getString("type")).as("without the step: resumed across histories").isEqualTo("change");
        assertThat(got.getLong("version")).isEqualTo(8);
      } finally {
        unsafe.stop().await();
      }
      System.out.printf("backup drill: pg_dump at version 5 of a running event (%d bytes), 5 changes after it lost;"
          + " pg_restore, new-epoch (\"%s\"); %d phones at version 10 and one at 3 all took one snapshot of version 5"
          + " under the new epoch, then followed version 6 with no gap; without the step a phone at old version 7"
          + " was sent version 8 of the new history as if it followed%n", Files.size(dump), said.trim(), PHONES);
    } finally {
      vertx.close().await();
    }
  }

  /** The documented command, as an operator runs it: podium.Main new-epoch, configured by PG* variables. */
  private static String newEpoch(PgConnectOptions db) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), Main.class.getName(), "new-epoch").redirectErrorStream(true);
    pb.environment().put("PGHOST", db.getHost());
    pb.environment().put("PGPORT", String.valueOf(db.getPort()));
    pb.environment().put("PGDATABASE", db.getDatabase());
    pb.environment().put("PGUSER", db.getUser());
    pb.environment().put("PGPASSWORD", "");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }

  private static long command(Api api, JsonObject body) {
    var r = api.command(body);
    assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(200);
    return r.bodyAsJsonObject().getLong("version");
  }

  private static void awaitVersion(Api api, long version) {
    Await.version("the node's snapshot", () -> api.snapshot().getLong("version"), version);
  }

  private static JsonObject without(JsonObject o, String key) {
    JsonObject copy = o.copy();
    copy.remove(key);
    return copy;
  }

  private static String[] concat(List<String> head, String... tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(List.of(tail));
    return all.toArray(String[]::new);
  }
}
