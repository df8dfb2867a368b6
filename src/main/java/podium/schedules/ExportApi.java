package podium.schedules;

import podium.web.Errors;
import podium.web.Headers;
import podium.web.Negotiation;
import podium.web.OwnLoop;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import podium.event.ErrorCode;
import podium.interop.CalendarExport;
import podium.interop.PublicAgenda;
import podium.interop.ScheduleJson;
import podium.interop.ScheduleXml;
import podium.live.EventState;
import podium.live.EventStates;
import podium.store.Hashes;

/**
 * The public exports, live: schedule.json, schedule.xml and iCalendar, built from the public
 * projection once per version (and gzipped once) and served from memory, for any origin (CORS *),
 * with ETag ("epoch-version-…", weak for the gzip copy) and Last-Modified so pollers mostly get 304.
 */
final class ExportApi {

  static final int MAX_STARRED = 100;
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  private static final String PATH = "/api/events/:slug/";
  private static final CharSequence EXPOSED = HttpHeaders.createOptimized("ETag, Last-Modified");

  private final Vertx vertx;
  private final EventStates states;
  private final Interop interop;
  private final String base;

  ExportApi(Vertx vertx, EventStates states, Interop interop, int port) {
    this.vertx = vertx;
    this.states = states;
    this.interop = interop;
    this.base = interop.publicUrl.base(port);
  }

  void mount(Router router) {
    router.get(PATH + "schedule.json").handler(ctx -> serve(ctx, "json", null));
    router.get(PATH + "schedule.xml").handler(ctx -> serve(ctx, "xml", null));
    router.get(PATH + "schedule.ics").handler(ctx -> serve(ctx, "ics", starred(ctx)));
    router.get(PATH + "sessions/:file").handler(this::session);
    router.get(PATH + "calendar").handler(ctx -> CalendarLinks.answer(ctx, states, interop.publicUrl));
    for (String p : List.of("schedule.json", "schedule.xml", "schedule.ics", "sessions/:file", "calendar")) {
      router.options(PATH + p).handler(ExportApi::preflight);
    }
  }

  private void session(RoutingContext ctx) {
    String file = ctx.pathParam("file");
    String id = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : "";
    EventState state = states.bySlug(ctx.pathParam("slug"));
    if (state != null && (!ID.matcher(id).matches() || state.view().agenda().session(id).isEmpty())) {
      Errors.send(ctx, ErrorCode.NOT_FOUND, "no session calendar '" + (id.isEmpty() ? "?" : id) + ".ics' in this event");
      return;
    }
    serve(ctx, "ics", List.of(id));
  }

  /** ?sessions=a,b,c: an attendee's starred sessions; null for all; an empty list when refused (answered). */
  private static List<String> starred(RoutingContext ctx) {
    String list = ctx.queryParams().get("sessions");
    if (list == null) {
      return null;
    }
    List<String> ids = Arrays.stream(list.split(",", -1)).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
    if (ids.size() > MAX_STARRED || !ids.stream().allMatch(s -> ID.matcher(s).matches())) {
      Errors.send(ctx, ErrorCode.INVALID_FIELD, "'sessions' must be at most " + MAX_STARRED + " session ids, comma-separated");
    }
    return ids.stream().sorted().toList();
  }

  private void serve(RoutingContext ctx, String format, List<String> only) {
    if (ctx.response().ended()) {
      return;
    }
    String lang = ctx.queryParams().get("lang") == null ? "en" : ctx.queryParams().get("lang");
    if (!lang.equals("en") && !lang.equals("zh")) {
      Errors.send(ctx, ErrorCode.INVALID_FIELD, "'lang' must be en or zh");
      return;
    }
    EventState state = Errors.eventOf(ctx, states);
    if (state == null) {
      return;
    }
    EventState.View view = state.view();
    String selection = only == null ? "" : "-" + Hashes.sha256(String.join(",", only)).substring(0, 16);
    String tag = "\"" + view.epoch() + "-" + view.version() + "-" + lang + selection + "\"";
    boolean gzip = Negotiation.acceptsGzip(ctx.request().getHeader("Accept-Encoding"));
    HttpServerResponse response = ctx.response();
    // The gzip bytes are another representation of the same document: a weak ETag, as for the snapshot.
    cors(response).putHeader(HttpHeaders.ETAG, gzip ? "W/" + tag : tag)
        .putHeader(HttpHeaders.CACHE_CONTROL, Headers.NO_CACHE)
        .putHeader(HttpHeaders.VARY, Headers.ACCEPT_ENCODING);
    if (Negotiation.matches(ctx.request().getHeader("If-None-Match"), tag)) {
      response.setStatusCode(304).end();
      return;
    }
    String key = format + ":" + lang + ":" + (only == null ? "*" : String.join(",", only));
    // Shared by the requests of every loop: its outcome comes back to this request's loop to be written.
    OwnLoop.back(interop.cache.get(state.id(), view, key, () -> build(state.id(), view, format, lang, only)))
        .onComplete(built -> answer(ctx, built, format, gzip, state.slug(), only));
  }

  private static void answer(RoutingContext ctx, AsyncResult<ExportCache.Export> built, String format, boolean gzip,
      String slug, List<String> only) {
    if (built.failed()) {
      Errors.send(ctx, ErrorCode.UNAVAILABLE, "the export could not be made; try again");
      return;
    }
    HttpServerResponse response = ctx.response();
    response.putHeader(HttpHeaders.LAST_MODIFIED, built.result().lastModified());
    if (ctx.request().getHeader("If-None-Match") == null && notModifiedSince(ctx, built.result())) {
      response.setStatusCode(304).end();
      return;
    }
    response.putHeader(HttpHeaders.CONTENT_TYPE, switch (format) {
      case "json" -> Headers.JSON;
      case "xml" -> Headers.XML;
      default -> Headers.CALENDAR;
    });
    if (format.equals("ics")) {
      response.putHeader("Content-Disposition", "inline; filename=\"" + fileName(slug, only) + "\"");
    }
    // Either encoding was made once, where the export was built; "identity" keeps the server's compressor off it.
    response.putHeader(HttpHeaders.CONTENT_ENCODING, gzip ? Headers.GZIP : HttpHeaders.IDENTITY)
        .end(gzip ? built.result().gzip() : built.result().body());
  }

  private Future<ExportCache.Export> build(long eventId, EventState.View view, String format, String lang,
      Collection<String> only) {
    PublicAgenda shown = PublicAgenda.of(view.agenda());
    return interop.revisions.at(eventId, view.epoch(), view.version()).compose(rev -> vertx.executeBlocking(() -> {
      String text = switch (format) {
        case "json" -> ScheduleJson.write(shown, view.version(), lang, base, podium.interop.Product.VERSION);
        case "xml" -> ScheduleXml.write(shown, view.version(), lang, base, podium.interop.Product.VERSION);
        default -> CalendarExport.write(shown, rev, lang, base, only);
      };
      return new ExportCache.Export(Buffer.buffer(text.getBytes(StandardCharsets.UTF_8)), rev.modified());
    }, false));
  }

  private static boolean notModifiedSince(RoutingContext ctx, ExportCache.Export export) {
    String since = ctx.request().getHeader("If-Modified-Since");
    try {
      return since != null && !export.modified().isAfter(
          ZonedDateTime.parse(since, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().plusMillis(999));
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Only [a-z0-9-] from ids reach the header; anything else is dropped. */
  static String fileName(String slug, List<String> only) {
    String name = only != null && only.size() == 1 ? slug + "-" + only.get(0) : slug;
    return name.replaceAll("[^a-z0-9-]", "") + ".ics";
  }

  static HttpServerResponse cors(HttpServerResponse response) {
    return response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, Headers.ANY_ORIGIN)
        .putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
  }

  private static void preflight(RoutingContext ctx) {
    cors(ctx.response()).putHeader("Access-Control-Allow-Methods", "GET, OPTIONS")
        .putHeader("Access-Control-Allow-Headers", "If-None-Match, If-Modified-Since")
        .putHeader("Access-Control-Max-Age", "86400").setStatusCode(204).end();
  }
}
