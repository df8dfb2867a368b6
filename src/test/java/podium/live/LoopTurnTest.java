package podium.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import podium.TestNode;

/** A long job cut into parts with LoopTurn lets the loop's own sockets be served between the parts. */
class LoopTurnTest {

  private static final int PARTS = 400;
  private static final long PART_NANOS = 2_500_000;

  @Test
  void aRequestOnTheSameLoopIsAnsweredWhileALongJobRuns() {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    Vertx client = Vertx.vertx();
    try {
      // One event loop thread: the server and the job below share it.
      int port = TestNode.freePort();
      vertx.createHttpServer().requestHandler(r -> r.response().end("ok")).listen(port).await();
      Context loop = vertx.getOrCreateContext();

      // One second of work on the server's only loop, in parts of 2.5 ms.
      AtomicInteger done = new AtomicInteger();
      loop.runOnContext(v -> part(loop, done));

      HttpClientAgent http = client.createHttpClient();
      long sent = System.nanoTime();
      String body = http.request(HttpMethod.GET, port, "localhost", "/")
          .compose(req -> req.send().compose(res -> res.body())).await().toString();
      long tookMs = (System.nanoTime() - sent) / 1_000_000;
      int partsDone = done.get();

      assertThat(body).isEqualTo("ok");
      assertThat(partsDone).as("the job was still running when the answer came").isLessThan(PARTS);
      assertThat(tookMs).as("answered between two parts, not after the whole second").isLessThan(300);
    } finally {
      client.close().await();
      vertx.close().await();
    }
  }

  private static void part(Context loop, AtomicInteger done) {
    long until = System.nanoTime() + PART_NANOS;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    if (done.incrementAndGet() < PARTS) {
      LoopTurn.next(loop, () -> part(loop, done));
    }
  }
}
