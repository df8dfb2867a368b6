package podium.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.pgclient.PgConnectOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import podium.Api;
import podium.TestNode;

/**
 * A hub process with 5,000 phones is killed (kill -9) and started again on its port, as a
 * supervisor would; staff commit two changes while it is down. Every phone comes back on its own,
 * resumes from the restarted node's ring (no snapshot), and has every version once, in order.
 */
@Tag("faults")
class ReconnectStormTest {

  private static final int PHONES = 5_000;

  @Test
  void everyPhoneResumesAfterTheNodeIsKilledAndRestarted(@TempDir Path dir) {
    Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    int port = TestNode.freePort();
    HubProcess first = HubProcess.start(db, port, "storm-1", dir, Map.of()).awaitReady(Duration.ofSeconds(60));
    HubProcess second = null;
    try (Api api = new Api(vertx, port);
        Phones phones = new Phones(vertx, port, List.of("127.0.0.2", "127.0.0.3"), PHONES, 250)) {
      long t0 = System.nanoTime();
      phones.connectAll(200, Duration.ofSeconds(90));
      double connectS = (System.nanoTime() - t0) / 1e9;
      long version = 0;
      for (int i = 0; i < 3; i++) {
        HttpResponse<Buffer> r = api.command(Direct.delay("keynote-gan-yong", i % 2 == 0 ? 1 : -1));
        assertThat(r.statusCode()).isEqualTo(200);
        version = r.bodyAsJsonObject().getLong("version");
      }
      long settled = version;
      phones.await(p -> p.last == settled, Duration.ofSeconds(30), "version " + settled);

      long killed = System.nanoTime();
      first.kill();
      Direct.command(vertx, db, Direct.delay("academic-conference-1", 5));
      long last = Direct.command(vertx, db, Direct.delay("academic-conference-1", -5));
      second = HubProcess.start(db, port, "storm-2", dir, Map.of()).awaitReady(Duration.ofSeconds(60));
      double readyS = (System.nanoTime() - killed) / 1e9;
      phones.await(p -> p.last == last && "storm-2".equals(p.node), Duration.ofSeconds(90),
          "resumed on storm-2 at version " + last);
      double backS = (System.nanoTime() - killed) / 1e9;

      assertThat(phones.gaps.sum()).as("gaps").isZero();
      assertThat(phones.duplicates.sum()).as("duplicates").isZero();
      assertThat(phones.snapshots.sum()).as("snapshots after the first: each resumed from the ring").isZero();
      assertThat(phones.resumes.sum()).as("resumes").isGreaterThanOrEqualTo(PHONES);
      System.out.printf("reconnect storm: %d phones connected in %.1f s; node killed, restarted and ready in %.1f s;"
              + " all %d resumed at version %d %.1f s after the kill; gaps %d, duplicates %d, snapshots %d,"
              + " refused connects while it was down %d%n", PHONES, connectS, readyS, PHONES, last, backS,
          phones.gaps.sum(), phones.duplicates.sum(), phones.snapshots.sum(), phones.connectFailures.sum());
    } finally {
      first.close();
      if (second != null) {
        second.close();
      }
      vertx.close().await();
    }
  }
}
