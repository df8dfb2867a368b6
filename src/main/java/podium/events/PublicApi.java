package podium.events;

import podium.web.Errors;
import podium.web.Headers;
import podium.web.Negotiation;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import podium.event.Audience;
import podium.live.EventState;
import podium.live.EventStates;

/** The public read API, served from memory: no database read per request. ETag = version. */
final class PublicApi {

  private static final CharSequence VARY = HttpHeaders.createOptimized(
      "Authorization, Cookie, Accept-Encoding");

  private final EventStates states;

  PublicApi(EventStates states) {
    this.states = states;
  }

  void mount(Router router) {
    router.get("/api/events").handler(this::list);
    router.get("/api/events/:slug").handler(ctx -> snapshot(ctx, Audience.PUBLIC));
  }

  void list(RoutingContext ctx) {
    JsonArray events = new JsonArray();
    for (EventState state : states.all()) {
      EventState.View view = state.view();
      events.add(view.agenda().event().toJson().put("version", view.version()));
    }
    ctx.response().putHeader("Cache-Control", "no-cache");
    ctx.json(new JsonObject().put("events", events));
  }

  void snapshot(RoutingContext ctx, Audience audience) {
    EventState state = Errors.eventOf(ctx, states);
    if (state == null) {
      return;
    }
    EventState.View view = state.view();
    boolean gzip = Negotiation.acceptsGzip(ctx.request().getHeader("Accept-Encoding"));
    String tag = "\"" + view.epoch() + "-" + view.version()
        + (audience == Audience.PUBLIC ? "" : "-" + audience.wire().charAt(0)) + "\"";
    // The gzip bytes are another representation of the same document: a weak ETag, as nginx gives.
    String etag = gzip ? "W/" + tag : tag;
    ctx.response().putHeader(HttpHeaders.ETAG, etag)
        .putHeader(HttpHeaders.CACHE_CONTROL,
            audience == Audience.PUBLIC ? Headers.NO_CACHE : Headers.PRIVATE_NO_CACHE)
        .putHeader(HttpHeaders.VARY, VARY);
    if (Negotiation.matches(ctx.request().getHeader("If-None-Match"), tag)) {
      ctx.response().setStatusCode(304).end();
      return;
    }
    // Either encoding is made once per version; "identity" keeps the server's compressor off it.
    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, Headers.JSON)
        .putHeader(HttpHeaders.CONTENT_ENCODING, gzip ? Headers.GZIP : HttpHeaders.IDENTITY)
        .end(gzip ? view.gzipFor(audience) : view.bodyFor(audience));
  }
}
