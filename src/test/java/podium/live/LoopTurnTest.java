package podium.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.TestNode;

/** A long job cut into parts with LoopTurn lets the loop's own sockets be served between the parts. */
@Tag("unit")
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

      HttpClientAgent http = client.createHttpClient();
      // Connected first, so that the request below is only a read and a write on the busy loop.
      assertThat(get(http, port)).isEqualTo("ok");

      // One second of work on the server's only loop, in parts of 2.5 ms.
      AtomicInteger done = new AtomicInteger();
      loop.runOnContext(v -> part(loop, done));
      while (done.get() == 0) {
        Thread.onSpinWait(); // under way before the request goes out
      }
      String body = get(http, port);
      int partsDone = done.get();

      assertThat(body).isEqualTo("ok");
      // Re-queued with runOnContext, the parts hold the loop for Netty's task quantum (1 s, some
      // 384 parts) before it reads its sockets again. No clock here: the machine may be busy.
      System.out.printf("answered after %d of %d parts%n", partsDone, PARTS);
      assertThat(partsDone).as("answered between two parts, early in the job").isLessThan(PARTS / 2);
    } finally {
      client.close().await();
      vertx.close().await();
    }
  }

  private static String get(HttpClientAgent http, int port) {
    return http.request(HttpMethod.GET, port, "localhost", "/")
        .compose(req -> req.send().compose(res -> res.body())).await().toString();
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
