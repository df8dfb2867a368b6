package podium.events;

import podium.web.Errors;
import podium.web.Bodies;
import podium.web.StaffAuth;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import podium.event.Agenda;
import podium.event.CommandRejected;
import podium.event.ErrorCode;
import podium.event.Event;
import podium.event.EventClock;
import podium.event.Permission;
import podium.event.Rehearsal;
import podium.event.Text;
import podium.store.Credentials;
import podium.store.EventImport;
import podium.store.Holder;
import podium.live.EventState;
import podium.live.EventStates;

/**
 * Admins create an event: its slug, title, venue, zone and days, on a real clock and with nothing
 * in it yet; rooms, speakers and sessions then come as commands, each one audited.
 */
final class EventsApi {

  private static final Logger LOG = LoggerFactory.getLogger(EventsApi.class);

  private final Pool pool;
  private final EventStates states;
  private final StaffAuth admin;

  EventsApi(Pool pool, EventStates states, Credentials credentials) {
    this.pool = pool;
    this.states = states;
    this.admin = new StaffAuth(credentials, Permission.MANAGE_EVENTS);
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(16_384);
    router.post("/api/events").handler(body).handler(admin).handler(ctx -> Errors.answer(ctx, create(ctx)));
    router.post("/api/events/:slug/rehearsal").handler(body).handler(admin)
        .handler(ctx -> Errors.answer(ctx, rehearse(ctx)));
  }

  /** A rehearsal copy: its own slug, clock and audience, so nothing reaches the real event's. */
  private Future<Void> rehearse(RoutingContext ctx) {
    EventState real = Errors.eventOf(ctx, states);
    if (real == null) {
      return Future.succeededFuture();
    }
    String slug;
    try {
      JsonObject body = ctx.body().length() <= 0 ? new JsonObject() : Bodies.json(ctx, Set.of("slug"));
      slug = body.containsKey("slug") ? slug(body.getValue("slug")) : real.slug() + "-rehearsal";
    } catch (CommandRejected e) {
      return Future.failedFuture(e);
    }
    Agenda copy = Rehearsal.of(real.view().agenda(), slug, java.time.Instant.now());
    Holder by = ctx.get(StaffAuth.HOLDER);
    return created(ctx, copy, by, "rehearsal of '" + real.slug() + "'");
  }

  private Future<Void> created(RoutingContext ctx, Agenda agenda, Holder by, String what) {
    Event event = agenda.event();
    return EventImport.create(pool, agenda)
        .recover(e -> Future.failedFuture(e instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? new CommandRejected(ErrorCode.DUPLICATE_ID, "there is an event '" + event.slug() + "' already") : e))
        .map(id -> {
          LOG.info("event: {} created '{}' ({})", by.actor(), event.slug(), what);
          ctx.response().setStatusCode(201);
          ctx.json(event.toJson());
          return null;
        });
  }

  private Future<Void> create(RoutingContext ctx) {
    Event event;
    try {
      event = event(Bodies.json(ctx, Set.of("slug", "title", "venue", "timeZone", "days")));
    } catch (CommandRejected e) {
      return Future.failedFuture(e);
    }
    Holder by = ctx.get(StaffAuth.HOLDER);
    return created(ctx, new Agenda(event, List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of()), by,
        "empty");
  }

  private static String slug(Object value) {
    if (value instanceof String s && s.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      return s;
    }
    throw CommandRejected.invalidField("slug", "must be lowercase letters, digits and '-', at most 64");
  }

  private static Event event(JsonObject body) {
    String slug = slug(body.getValue("slug"));
    Text title = Text.parse(body.getValue("title"), "title");
    if (title.isBlank()) {
      throw CommandRejected.invalidField("title", "is required");
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(Bodies.string(body, "timeZone", 64, true));
    } catch (DateTimeException e) {
      throw CommandRejected.invalidField("timeZone", "must be an IANA time zone such as Asia/Shanghai");
    }
    return new Event(slug, title, Text.parse(body.getValue("venue"), "venue"), zone, days(body), EventClock.REAL,
        null);
  }

  private static List<LocalDate> days(JsonObject body) {
    Object v = body.getValue("days");
    try {
      List<LocalDate> days = v instanceof JsonArray a && !a.isEmpty() && a.size() <= 31
          ? a.stream().map(o -> LocalDate.parse(String.valueOf(o))).toList() : List.of();
      if (!days.isEmpty() && days.equals(days.stream().distinct().sorted().toList())) {
        return days;
      }
    } catch (DateTimeException e) {
      // answered below
    }
    throw CommandRejected.invalidField("days", "must be 1 to 31 distinct days in order, e.g. [\"2026-05-01\"]");
  }
}
