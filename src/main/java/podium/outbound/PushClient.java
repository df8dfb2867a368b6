package podium.outbound;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Instant;

/**
 * Sends push requests with the Vert.x web client and reads the answers (PushOutcome). Before each
 * request the endpoint's host is resolved and refused if any of its addresses is private (off a
 * worker thread: DNS blocks); redirects are never followed.
 */
public final class PushClient {

  public static final int TIMEOUT_MS = 10_000;

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
            : post(request).map(PushClient::outcome))
        .recover(e -> Future.succeededFuture(PushOutcome.unanswered(e.getMessage())));
  }

  private Future<HttpResponse<Buffer>> post(PushRequest request) {
    HttpRequest<Buffer> post = client.postAbs(request.endpoint()).timeout(TIMEOUT_MS);
    request.headers().forEach(post::putHeader);
    return post.sendBuffer(Buffer.buffer(request.body()));
  }

  private static PushOutcome outcome(HttpResponse<Buffer> r) {
    String body = r.body() == null ? null : r.body().getString(0, Math.min(r.body().length(), 300));
    return PushOutcome.of(r.statusCode(), r.getHeader("Retry-After"), body, Instant.now());
  }
}
