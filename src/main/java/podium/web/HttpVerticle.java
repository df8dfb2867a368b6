package podium.web;

import podium.event.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.AllowForwardHeaders;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import java.util.List;
import podium.live.Hub;

/**
 * One HTTP server instance on one event loop: the plumbing every route meets (security headers,
 * limits, request ids, errors), each feature's routes, health, metrics and the pages, and a Hub
 * for its WebSockets.
 */
public final class HttpVerticle extends VerticleBase {

  /** The request line (method, path and query) and all headers together, at most: 414 and 431 past them. */
  public static final int MAX_REQUEST_LINE = 8_192;
  public static final int MAX_HEADERS = 8_192;
  /** Bodies over this many bytes are refused (413) unless a route sets its own limit. */
  public static final int MAX_BODY_BYTES = 65_536;

  private final Shared shared;
  private final List<Feature> features;
  private Hub hub;
  private HttpServer server;
  private Router router;

  public HttpVerticle(Shared shared, List<Feature> features) {
    this.shared = shared;
    this.features = features;
  }

  @Override
  public Future<?> start() {
    hub = new Hub(vertx, shared.live());
    hub.start();
    router = Router.router(vertx);
    if (shared.behindProxy()) {
      // Only behind a proxy that sets X-Forwarded-For itself (conf/nginx): a client could name any address otherwise.
      router.allowForward(AllowForwardHeaders.X_FORWARD);
    }
    router.route().handler(HttpVerticle::securityHeaders);
    router.route().handler(NulCharacters::refuseInUri);
    router.route("/api/*").handler(HttpVerticle::asBuilt).handler(this::refuseWhileStarting);
    router.route("/api/*").handler(HttpVerticle::refuseFormBodies);
    features.forEach(f -> f.mount(router, vertx));
    Health.mount(router, vertx, shared);
    router.get("/metrics").handler(PrometheusScrapingHandler.create(shared.registry()));
    PageFiles.mount(router, shared.webroot());
    router.errorHandler(404, ctx -> Errors.send(ctx, ErrorCode.NOT_FOUND, "no such resource"));
    router.errorHandler(405, ctx -> Errors.send(ctx, ErrorCode.METHOD_NOT_ALLOWED, "that method is not allowed here"));
    router.errorHandler(413, ctx -> Errors.send(ctx, ErrorCode.BODY_TOO_LARGE,
        "the body is over " + MAX_BODY_BYTES + " bytes"));
    router.errorHandler(500, ctx -> Errors.send(ctx, ErrorCode.UNAVAILABLE, "something went wrong; nothing was changed"));
    // Upgrades skip the router: a reconnect storm is thousands of them at once.
    server = vertx.createHttpServer(serverOptions(shared.port(), shared.live())).requestHandler(router)
        .webSocketHandshakeHandler(h -> {
          if ("/live".equals(h.path())) {
            h.accept();
          } else {
            h.reject(404);
          }
        })
        .webSocketHandler(hub::accept);
    return server.listen();
  }

  static HttpServerOptions serverOptions(int port, Hub.Shared hub) {
    // Compression per socket would re-deflate every broadcast: off, as docs/BENCHMARKS.md explains.
    // The pages' files are gzipped for clients that ask; API answers are not (asBuilt), and the
    // snapshot comes gzipped once per version from memory (PublicApi). No size threshold: Netty
    // would read a sendFile's head, which has no body, as too small to compress.
    return new HttpServerOptions().setPort(port).setHost("0.0.0.0")
        .setCompressionSupported(true)
        .setPerMessageWebSocketCompressionSupported(false).setPerFrameWebSocketCompressionSupported(false)
        .setMaxWebSocketFrameSize(65_536).setMaxWebSocketMessageSize(65_536)
        .setMaxInitialLineLength(MAX_REQUEST_LINE).setMaxHeaderSize(MAX_HEADERS)
        .setReadIdleTimeout(60).setTcpNoDelay(true)
        // Every response is written on its request's loop: no cross-thread write queue (4 KiB of
        // slots each) per connection, which a WebSocket would keep for its lifetime.
        .setStrictThreadMode(true)
        // A fixed kernel send buffer bounds what a stalled phone pins of the host's TCP memory
        // (autotuning allows 4 MiB): docs/SCALING.md, "Slow phones".
        .setSendBufferSize(hub.backpressure().sendBuffer())
        // Without the internals a cut waits behind the backlog: then a socket no write completed on
        // for a minute is closed by Vert.x's idle handler, which closes at once.
        .setWriteIdleTimeout(hub.wire().cutsAtOnce() ? 0 : 60);
  }

  /** Every route this instance serves, in order (the fuzz tests go through all of them). */
  public List<Route> routes() {
    return router == null ? List.of() : router.getRoutes();
  }

  /** The node listens before its events are loaded (see Hub.hold); until then the API says so. */
  private void refuseWhileStarting(RoutingContext ctx) {
    if (shared.states().loaded()) {
      ctx.next();
    } else {
      ctx.response().putHeader("Retry-After", "1");
      Errors.send(ctx, ErrorCode.STARTING, "the hub is starting; try again in a second");
    }
  }

  /**
   * The API takes JSON, never forms: BodyHandler would decode a form body before a route could
   * refuse it, and a field over Netty's form limit threw inside the router, leaving the request
   * unanswered on a kept-alive connection.
   */
  private static void refuseFormBodies(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String lower = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT).trim();
    if (lower.startsWith("application/x-www-form-urlencoded") || lower.startsWith("multipart/")) {
      Errors.send(ctx, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
    } else {
      ctx.next();
    }
  }

  /**
   * API answers go out as they were built: the snapshot and the exports are one shared buffer per
   * version, and the server's compressor would deflate them again for every request (the snapshot
   * sets its own gzip copy over this).
   */
  private static void asBuilt(RoutingContext ctx) {
    ctx.response().putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
    ctx.next();
  }

  /**
   * No inline script or style anywhere; only this hub's own pages may frame one (the console shows a
   * screen's live preview so), never another site's.
   */
  private static void securityHeaders(RoutingContext ctx) {
    try {
      ctx.normalizedPath();
    } catch (IllegalArgumentException badEscape) {
      // "/%zz" names nothing; left to the router, it threw while matching routes (logged as an error).
      Errors.send(ctx, ErrorCode.NOT_FOUND, "no such resource");
      return;
    }
    ctx.response().putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Referrer-Policy", "no-referrer")
        .putHeader("X-Frame-Options", "SAMEORIGIN")
        .putHeader("Content-Security-Policy", "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:;"
            + " style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-src 'self';"
            + " frame-ancestors 'self'; form-action 'self'");
    ctx.next();
  }

  @Override
  public Future<?> stop() {
    return hub.drain(5_000).eventually(() -> server.shutdown(5, java.util.concurrent.TimeUnit.SECONDS));
  }
}
