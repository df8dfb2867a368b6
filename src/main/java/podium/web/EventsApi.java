package podium.web;

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
import podium.event.Text;
import podium.store.Credentials;
import podium.store.EventImport;
import podium.store.Holder;

/**
 * Admins create an event: its slug, title, venue, zone and days, on a real clock and with nothing
 * in it yet; rooms, speakers and sessions then come as commands, each one audited.
 */
final class EventsApi {

  private static final Logger LOG = LoggerFactory.getLogger(EventsApi.class);

  private final Pool pool;
  private final StaffAuth admin;

  EventsApi(Pool pool, Credentials credentials) {
    this.pool = pool;
    this.admin = new StaffAuth(credentials, Permission.MANAGE_EVENTS);
  }

  void mount(Router router) {
    router.post("/api/events").handler(BodyHandler.create(false).setBodyLimit(16_384)).handler(admin)
        .handler(ctx -> LoginApi.answer(ctx, create(ctx)));
  }

  private Future<Void> create(RoutingContext ctx) {
    Event event;
    try {
      event = event(Bodies.json(ctx, Set.of("slug", "title", "venue", "timeZone", "days")));
    } catch (CommandRejected e) {
      return Future.failedFuture(e);
    }
    Holder by = ctx.get(StaffAuth.HOLDER);
    Agenda empty = new Agenda(event, List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of());
    return EventImport.create(pool, empty)
        .recover(e -> Future.failedFuture(e instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? new CommandRejected(ErrorCode.DUPLICATE_ID, "there is an event '" + event.slug() + "' already") : e))
        .map(id -> {
          LOG.info("event: {} created '{}'", by.actor(), event.slug());
          ctx.response().setStatusCode(201);
          ctx.json(event.toJson());
          return null;
        });
  }

  private static Event event(JsonObject body) {
    String slug = body.getValue("slug") instanceof String s && s.matches("[a-z0-9][a-z0-9-]{0,63}") ? s : null;
    if (slug == null) {
      throw CommandRejected.invalidField("slug", "must be lowercase letters, digits and '-', at most 64");
    }
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
