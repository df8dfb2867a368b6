package podium.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.atomic.AtomicLong;

/** Keep-alive GETs of the event snapshot from a fixed number of connections, for a fixed time. */
final class SnapshotLoad {

  private SnapshotLoad() {
  }

  static Future<JsonObject> run(Vertx vertx, int port, String path, int connections, long millis) {
    HttpClient http = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setLocalAddress("127.0.0.1")
        .setDefaultHost("127.0.0.1").setDefaultPort(port), new PoolOptions().setHttp1MaxSize(connections));
    AtomicLong ok = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long start = System.nanoTime();
    long deadline = start + millis * 1_000_000L;
    Promise<JsonObject> done = Promise.promise();
    AtomicLong running = new AtomicLong(connections);
    for (int i = 0; i < connections; i++) {
      next(http, path, deadline, ok, failed, () -> {
        if (running.decrementAndGet() == 0) {
          double seconds = (System.nanoTime() - start) / 1e9;
          http.close();
          done.complete(new JsonObject().put("requests", ok.get()).put("errors", failed.get())
              .put("seconds", seconds).put("rps", ok.get() / seconds));
        }
      });
    }
    return done.future();
  }

  /** One worker: the next request goes out as soon as the last body has arrived, until the deadline. */
  private static void next(HttpClient http, String path, long deadline, AtomicLong ok, AtomicLong failed,
      Runnable finished) {
    if (System.nanoTime() >= deadline) {
      finished.run();
      return;
    }
    http.request(HttpMethod.GET, path)
        .compose(req -> req.send().compose(res -> res.body().map(b -> res.statusCode())))
        .onComplete(r -> {
          if (r.succeeded() && r.result() == 200) {
            ok.incrementAndGet();
          } else {
            failed.incrementAndGet();
          }
          next(http, path, deadline, ok, failed, finished);
        });
  }
}
