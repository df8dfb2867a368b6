package podium.outbound;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.codec.BodyCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Sends push requests with the Vert.x web client and reads the answers (PushOutcome). Before each
 * request the endpoint's host is resolved and refused if any of its addresses is private (off a
 * worker thread: DNS blocks); redirects are never followed. An endpoint is any https URL a phone
 * gave, so an answer is not trusted to be short or quick: only its first bytes are kept, and the
 * outcome comes within TIMEOUT_MS of the request whatever the endpoint does.
 */
public final class PushClient {

  public static final int TIMEOUT_MS = 10_000;
  private static final int KEPT = 300;

  private final Vertx vertx;
  private final WebClient client;
  private final boolean privateEndpoints;

  /** client: one made with options(), owned (and closed) by the caller. */
  public PushClient(Vertx vertx, WebClient client, boolean privateEndpoints) {
    this.vertx = vertx;
    this.client = client;
    this.privateEndpoints = privateEndpoints;
  }

  /** No redirects (an endpoint could send us anywhere), a bounded connect. */
  public static WebClientOptions options() {
    return new WebClientOptions().setFollowRedirects(false).setConnectTimeout(5_000).setUserAgent("Podium-Push");
  }

  /** Never fails: every way it can go is an outcome. */
  public Future<PushOutcome> send(PushRequest request) {
    return vertx.executeBlocking(() -> PushEndpoints.addressRefusal(request.endpoint(), privateEndpoints), false)
        .compose(refused -> refused != null ? Future.succeededFuture(PushOutcome.refused(refused.message()))
            : post(request))
        .recover(e -> Future.succeededFuture(PushOutcome.unanswered(e.getMessage())));
  }

  private Future<PushOutcome> post(PushRequest request) {
    Head head = new Head();
    HttpRequest<Void> post = client.postAbs(request.endpoint()).timeout(TIMEOUT_MS).as(BodyCodec.pipe(head, false));
    request.headers().forEach(post::putHeader);
    return post.sendBuffer(Buffer.buffer(request.body())).timeout(TIMEOUT_MS, TimeUnit.MILLISECONDS)
        .map(r -> PushOutcome.of(r.statusCode(), r.getHeader("Retry-After"), head.text(), Instant.now()));
  }

  /** The first KEPT bytes of an answer's body (a push service's reason); the rest is dropped as it comes. */
  private static final class Head implements WriteStream<Buffer> {
    private final Buffer kept = Buffer.buffer();

    @Override
    public Future<Void> write(Buffer data) {
      int room = KEPT - kept.length();
      if (room > 0) {
        kept.appendBuffer(data, 0, Math.min(room, data.length()));
      }
      return Future.succeededFuture();
    }

    String text() {
      return kept.toString(StandardCharsets.UTF_8);
    }

    @Override
    public Future<Void> end() {
      return Future.succeededFuture();
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
      return this;
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
      return this;
    }

    @Override
    public boolean writeQueueFull() {
      return false;
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
      return this;
    }
  }
}
