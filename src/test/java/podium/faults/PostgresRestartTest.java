package podium.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.pgclient.PgConnectOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import podium.Api;
import podium.LiveClient;
import podium.Node;
import podium.TestDatabase;
import podium.TestNode;
import podium.store.Migrations;

/**
 * PostgreSQL (its own embedded server here) stops for two seconds and starts again while staff
 * post a stream of commands to node A and two nodes fan out to their clients. Commands in the
 * outage are answered 503 unavailable; staff retry each with its Idempotency-Key; every command is
 * applied exactly once; readiness says DOWN meanwhile; every client ends at the last version with
 * no gap; and what the nodes hold in memory is what a node loading the tables afresh holds.
 */
@Tag("faults")
class PostgresRestartTest {

  private static final int COMMANDS = 60;
  private static final int PHONES_PER_NODE = 100;
  private static final java.util.concurrent.atomic.AtomicLong SLOWEST_MS = new java.util.concurrent.atomic.AtomicLong();

  @Test
  void commandsInAnOutageAre503AndApplyOnceOnRetryAndEveryClientConverges(@TempDir Path dir) throws Exception {
    int pgPort = TestNode.freePort();
    EmbeddedPostgres[] pg = {start(dir, pgPort)};
    PgConnectOptions server = new PgConnectOptions().setHost("localhost").setPort(pgPort).setDatabase("postgres")
        .setUser("postgres").setPassword("postgres");
    Migrations.migrate(server);
    TestDatabase.sql(server, "create database restarted template postgres");
    PgConnectOptions db = new PgConnectOptions(server).setDatabase("restarted");
    Vertx vertxA = Vertx.vertx();
    Vertx vertxB = Vertx.vertx();
    TestNode.seed(vertxA, db);
    int portA = TestNode.freePort();
    int portB = TestNode.freePort();
    Node a = TestNode.start(vertxA, db, portA, "pg-a");
    Node b = TestNode.start(vertxB, db, portB, "pg-b");
    Vertx clients = Vertx.vertx();
    try (Api api = new Api(clients, portA);
        Phones onA = new Phones(clients, portA, List.of("127.0.0.1"), PHONES_PER_NODE, 250);
        Phones onB = new Phones(clients, portB, List.of("127.0.0.1"), PHONES_PER_NODE, 250);
        LiveClient watcher = LiveClient.connect(clients, portB)) {
      onA.connectAll(50, Duration.ofSeconds(30));
      onB.connectAll(50, Duration.ofSeconds(30));
      watcher.hello();
      watcher.awaitType("snapshot");

      AtomicInteger refused = new AtomicInteger();
      AtomicInteger replayed = new AtomicInteger();
      CompletableFuture<Long> staff = CompletableFuture.supplyAsync(() -> {
        long last = 0;
        for (int i = 0; i < COMMANDS; i++) {
          last = untilAnswered(api, command(i), "pg-" + i, refused, replayed);
          podium.LiveClient.sleep(50);
        }
        return last;
      });
      podium.LiveClient.sleep(1_000);
      pg[0].close();
      long stopped = System.nanoTime();
      HttpResponse<Buffer> ready = api.get("/health/ready");
      podium.LiveClient.sleep(2_000);
      pg[0] = start(dir, pgPort);
      double outageS = (System.nanoTime() - stopped) / 1e9;
      long last = staff.get();

      assertThat(ready.statusCode()).as("not ready while the database is down").isEqualTo(503);
      assertThat(ready.bodyAsString()).contains("\"id\":\"database\",\"status\":\"DOWN\"");
      assertThat(refused.get()).as("answers 503 unavailable in the outage").isPositive();
      assertThat(last).as("each of the commands applied exactly once, retries and all").isEqualTo(COMMANDS);
      assertThat(count(db, "select count(*) from changes")).isEqualTo(COMMANDS);
      assertThat(count(db, "select count(distinct key) from command_keys")).isEqualTo(COMMANDS);

      for (Phones phones : List.of(onA, onB)) {
        phones.await(p -> p.last == last, Duration.ofSeconds(30), "version " + last);
        assertThat(phones.gaps.sum()).as("gaps").isZero();
        assertThat(phones.duplicates.sum()).as("duplicates").isZero();
      }
      watcher.awaitVersion(last, Duration.ofSeconds(20));
      assertThat(watcher.problems).isEmpty();
      // A retry whose first answer was lost: the key's answer again, nothing applied.
      for (int i = 0; i < 5; i++) {
        HttpResponse<Buffer> again = api.command(command(i), "Idempotency-Key", "pg-" + i);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.getHeader("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.bodyAsJsonObject().getLong("version")).isEqualTo(i + 1);
      }
      assertThat(api.snapshot().getLong("version")).isEqualTo(last);
      // Nothing half-applied: memory (built from the change log) equals the tables, read afresh.
      int fresh = TestNode.freePort();
      Node reader = TestNode.start(vertxA, db, fresh, "pg-fresh");
      try (Api readerApi = new Api(clients, fresh)) {
        JsonObject fromTables = readerApi.snapshot();
        assertThat(fromTables.getLong("version")).isEqualTo(last);
        assertThat(api.snapshot()).isEqualTo(fromTables);
        assertThat(new Api(clients, portB).snapshot()).isEqualTo(fromTables);
      } finally {
        reader.stop().await();
      }
      assertThat(api.get("/health/ready").statusCode()).isEqualTo(200);
      System.out.printf("postgres restart: down %.1f s; %d answers 503 unavailable to %d commands (the slowest answer"
              + " %d ms), %d retries answered from the key; all %d applied once, 5 retried again after: replayed;"
              + " %d phones and a LiveClient on 2 nodes at version %d with no gap; memory equals the tables%n", outageS,
          refused.get(), COMMANDS, SLOWEST_MS.get(), replayed.get(), COMMANDS, 2 * PHONES_PER_NODE, last);
    } finally {
      b.stop().await();
      a.stop().await();
      vertxB.close().await();
      vertxA.close().await();
      clients.close().await();
      pg[0].close();
    }
  }

  private static JsonObject command(int i) {
    return i % 2 == 0 ? Direct.delay("academic-conference-1", i % 4 == 0 ? 1 : -1)
        : new JsonObject().put("type", "announcement.post").put("announcement", "pg-" + i).put("text", "Note " + i);
  }

  /** What staff do: send; on 503 or no answer, the same command with the same key again. */
  private static long untilAnswered(Api api, JsonObject body, String key, AtomicInteger refused,
      AtomicInteger replayed) {
    boolean first = true;
    long until = System.currentTimeMillis() + 60_000;
    while (System.currentTimeMillis() < until) {
      try {
        long sent = System.nanoTime();
        HttpResponse<Buffer> r = api.command(body, "Idempotency-Key", key);
        SLOWEST_MS.accumulateAndGet((System.nanoTime() - sent) / 1_000_000, Math::max);
        if (r.statusCode() == 200) {
          if (!first && "true".equals(r.getHeader("Idempotent-Replayed"))) {
            replayed.incrementAndGet();
          }
          return r.bodyAsJsonObject().getLong("version");
        }
        assertThat(r.statusCode()).as(r.bodyAsString()).isEqualTo(503);
        assertThat(r.bodyAsJsonObject().getJsonObject("error").getString("code")).isEqualTo("unavailable");
        refused.incrementAndGet();
      } catch (RuntimeException noAnswer) {
        // no answer at all: the same again
      }
      first = false;
      podium.LiveClient.sleep(100);
    }
    throw new AssertionError("command " + key + " never applied");
  }

  private static long count(PgConnectOptions db, String sql) throws Exception {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(Migrations.jdbcUrl(db), db.getUser(),
        db.getPassword()); java.sql.ResultSet r = c.createStatement().executeQuery(sql)) {
      r.next();
      return r.getLong(1);
    }
  }

  private static EmbeddedPostgres start(Path dir, int port) throws IOException {
    return EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(false)
        .setPort(port).start();
  }
}
