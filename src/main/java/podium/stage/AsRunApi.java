package podium.stage;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import podium.event.Agenda;
import podium.event.AsRunCsv;
import podium.event.AsRunReport;
import podium.event.Change;
import podium.event.ChangeKind;
import podium.event.ErrorCode;
import podium.event.Session;
import podium.live.EventState;
import podium.live.EventStates;
import podium.store.ChangeLog;
import podium.web.Errors;
import podium.web.StaffAuth;

/**
 * The as-run report of a day, for staff: GET /api/events/{slug}/as-run?day=… as JSON, and
 * as-run.csv as a spreadsheet. The sessions come from memory; who started and ended each comes
 * from the change log: the session.started and session.ended changes' actors, where a start also
 * ends whatever was live in its room (that change's sessions say which), so the one who started
 * the next session ended the one before.
 */
final class AsRunApi {

  private static final Logger LOG = LoggerFactory.getLogger(AsRunApi.class);
  /** Excel reads a CSV without it in the machine's ANSI code page, which garbles the Chinese titles. */
  private static final String BOM = "\uFEFF";

  private final Pool pool;
  private final EventStates states;

  AsRunApi(Pool pool, EventStates states) {
    this.pool = pool;
    this.states = states;
  }

  void mount(Router router, StaffAuth auth) {
    router.get("/api/events/:slug/as-run").handler(auth).handler(ctx -> report(ctx, false));
    router.get("/api/events/:slug/as-run.csv").handler(auth).handler(ctx -> report(ctx, true));
  }

  private void report(RoutingContext ctx, boolean csv) {
    EventState state = Errors.eventOf(ctx, states);
    if (state == null) {
      return;
    }
    Agenda agenda = state.view().agenda();
    LocalDate day = day(ctx, agenda);
    if (day == null) {
      return;
    }
    ChangeLog.ofKinds(pool, state.id(), List.of(ChangeKind.SESSION_STARTED, ChangeKind.SESSION_ENDED))
        .onFailure(e -> {
          LOG.warn("as-run report of {}: the change log did not answer: {}", state.slug(), e.toString());
          Errors.unavailable(ctx);
        })
        .onSuccess(log -> {
          AsRunReport report = AsRunReport.of(agenda, day, actors(agenda, log));
          ctx.response().putHeader("Cache-Control", "private, no-cache");
          if (!csv) {
            ctx.json(report.toJson().put("event", state.slug()));
            return;
          }
          ctx.response().putHeader("Content-Type", "text/csv; charset=utf-8").putHeader("Content-Disposition",
              "attachment; filename=\"" + state.slug() + "-as-run-" + day + ".csv\"")
              .end(Buffer.buffer((BOM + AsRunCsv.write(report)).getBytes(StandardCharsets.UTF_8)));
        });
  }

  /** ?day=YYYY-MM-DD, one of the event's days; by default the event clock's today, or its first day. */
  private static LocalDate day(RoutingContext ctx, Agenda agenda) {
    String given = ctx.queryParams().get("day");
    List<LocalDate> days = agenda.event().days();
    LocalDate today = agenda.event().clock().at(Instant.now()).atZone(agenda.event().zone()).toLocalDate();
    try {
      LocalDate day = given == null ? (days.contains(today) || days.isEmpty() ? today : days.get(0))
          : LocalDate.parse(given);
      if (given == null || days.contains(day)) {
        return day;
      }
    } catch (DateTimeException e) {
      // answered below
    }
    Errors.send(ctx, ErrorCode.INVALID_FIELD, "'day' must be one of the event's days (YYYY-MM-DD): " + days);
    return null;
  }

  /**
   * Who last started and last ended each session, oldest change first, kept only where the agenda
   * still says so: an undone start leaves a session scheduled, and names nobody.
   */
  static Map<String, AsRunReport.Actors> actors(Agenda agenda, List<ChangeLog.Entry> log) {
    Map<String, String> started = new HashMap<>();
    Map<String, String> ended = new HashMap<>();
    for (ChangeLog.Entry e : log) {
      if (!(e.change() instanceof Change.SessionChanged c)) {
        continue;
      }
      if (c.kind() == ChangeKind.SESSION_ENDED) {
        ended.put(c.session(), e.actor());
        continue;
      }
      started.put(c.session(), e.actor());
      // The sessions a start ended: those it touched besides the one it started.
      c.sessions().stream().filter(s -> !s.id().equals(c.session()) && s.status() == Session.Status.ENDED)
          .forEach(s -> ended.put(s.id(), e.actor()));
    }
    Map<String, AsRunReport.Actors> actors = new HashMap<>();
    for (Session s : agenda.sessions()) {
      boolean ran = s.status() == Session.Status.LIVE || s.status() == Session.Status.ENDED;
      String by = ran ? started.get(s.id()) : null;
      String endedBy = s.status() == Session.Status.ENDED ? ended.get(s.id()) : null;
      if (by != null || endedBy != null) {
        actors.put(s.id(), new AsRunReport.Actors(by, endedBy));
      }
    }
    return actors;
  }
}
