package podium.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import podium.Api;
import podium.LiveClient;
import podium.Node;
import podium.TestDatabase;
import podium.TestNode;
import podium.store.Migrations;

/**
 * PostgreSQL drops the LISTEN connections, or restarts, while staff keep committing. Staff retry
 * with the same Idempotency-Key until they get an answer; every client of every node still ends
 * at the same final version, having seen every version once.
 */
@ExtendWith(VertxExtension.class)
@Tag("faults")
class ConnectionLossTest {

  @Test
  void listenBackendsKilledMidStream(Vertx vertx) {
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    runWithTrouble(vertx, db, () -> TestDatabase.sql(db,
        "select pg_terminate_backend(pid) from pg_stat_activity where query ilike 'listen%'"));
  }

  @Test
  void postgresRestartedMidStream(Vertx vertx, @TempDir Path dir) throws Exception {
    int pgPort = TestNode.freePort();
    EmbeddedPostgres[] pg = {start(dir, pgPort)};
    PgConnectOptions server = new PgConnectOptions().setHost("localhost").setPort(pgPort).setDatabase("postgres")
        .setUser("postgres").setPassword("postgres");
    Migrations.migrate(server);
    TestDatabase.sql(server, "create database seeded template postgres");
    PgConnectOptions db = new PgConnectOptions(server).setDatabase("seeded");
    TestNode.seed(vertx, db);
    try {
      runWithTrouble(vertx, db, () -> {
        try {
          pg[0].close();
          pg[0] = start(dir, pgPort);
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
    } finally {
      pg[0].close();
    }
  }

  private static EmbeddedPostgres start(Path dir, int port) throws java.io.IOException {
    return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(false)
        .setPort(port).start();
  }

  private void runWithTrouble(Vertx vertxA, PgConnectOptions db, Runnable trouble) {
    Vertx vertxB = Vertx.vertx();
    int portA = TestNode.freePort();
    int portB = TestNode.freePort();
    Node a = TestNode.start(vertxA, db, portA, "loss-a");
    Node b = TestNode.start(vertxB, db, portB, "loss-b");
    try (Api api = new Api(vertxA, portA); LiveClient onA = LiveClient.connect(vertxA, portA);
        LiveClient onB = LiveClient.connect(vertxB, portB)) {
      onA.hello();
      onB.hello();
      onA.awaitType("snapshot");
      onB.awaitType("snapshot");
      long last = 0;
      for (int i = 0; i < 30; i++) {
        if (i == 10) {
          trouble.run();
        }
        last = commandUntilAnswered(api, i);
      }
      for (LiveClient c : List.of(onA, onB)) {
        c.awaitVersion(last, Duration.ofSeconds(20));
        assertThat(c.version()).isEqualTo(last);
        assertThat(c.problems).isEmpty();
      }
      assertThat(last).as("30 commands, each applied once despite retries").isEqualTo(30);
    } finally {
      b.stop().await();
      a.stop().await();
      vertxB.close().await();
    }
  }

  /** What staff do: send, and on no answer send the same command with the same key again. */
  private static long commandUntilAnswered(Api api, int i) {
    JsonObject body = new JsonObject().put("type", "session.delay").put("session", "academic-conference-1")
        .put("minutes", i % 2 == 0 ? 1 : -1);
    long until = System.currentTimeMillis() + 30_000;
    while (System.currentTimeMillis() < until) {
      try {
        HttpResponse<Buffer> r = api.command(body, "Idempotency-Key", "loss-" + i);
        if (r.statusCode() == 200) {
          return r.bodyAsJsonObject().getLong("version");
        }
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(503);
      } catch (RuntimeException connectionTrouble) {
        // the node answered nothing: retry
      }
      podium.LiveClient.sleep(100);
    }
    throw new AssertionError("command " + i + " never went through");
  }
}
