package podium.schedules;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import podium.event.Agenda;
import podium.event.CommandRejected;
import podium.event.ErrorCode;
import podium.event.Room;
import podium.event.Session;
import podium.interop.Guids;
import podium.interop.Hints;
import podium.interop.Imported;
import podium.interop.ScheduleReader;
import podium.store.EventImport;

/**
 * One import, from the file to the committed event, the same for POST /api/events/import and the
 * import command: parse off the event loop, then, under the event's lock, check a replace and
 * build the agenda with what the old event knows (guids, room names), and write it all at once.
 */
public final class ScheduleImport {

  /** file: the bytes as sent; slug: null for the file's own; replace and force as the options say. */
  public record Request(byte[] file, String slug, boolean replace, boolean force, String actor) { }

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
  /** Path words under /api/events/ that an event may not be called. */
  private static final List<String> RESERVED = List.of("import");

  private ScheduleImport() {
  }

  /**
   * Answers the summary (event, version, epoch, created, format, days, rooms, sessions, speakers,
   * warnings); fails with ScheduleRefused for a broken file, CommandRejected for a refused import.
   */
  public static Future<JsonObject> run(Vertx vertx, Pool pool, Request r, Instant now, Consumer<String> progress) {
    return vertx.executeBlocking(() -> ScheduleReader.parse(r.file()), false).compose(parsed -> {
      String slug = r.slug() != null ? r.slug() : parsed.suggestedSlug();
      if (!SLUG.matcher(slug).matches() || RESERVED.contains(slug)) {
        return Future.failedFuture(CommandRejected.invalidField("slug", "'" + slug + "' is not an event slug:"
            + " lowercase letters, digits and '-', at most 64 (and not " + RESERVED + ")"));
      }
      progress.accept("read a " + parsed.format().wire() + " file with " + parsed.sessions() + " sessions for '" + slug + "'");
      AtomicReference<Imported> made = new AtomicReference<>();
      return EventImport.importAgenda(pool, slug, r.actor(), existing -> {
        if (existing != null) {
          refuseReplace(existing.agenda(), slug, r, now);
        }
        Imported imported = ScheduleReader.build(parsed, slug, existing == null ? Hints.NONE : hints(existing, slug),
            now, (done, total) -> progress.accept("checked " + done + " of " + total + " sessions"));
        made.set(imported);
        progress.accept("writing '" + slug + "' to the database");
        return new EventImport.Plan(imported.agenda(), imported.guids(), imported.format().wire(), imported.summary());
      }).map(written -> made.get().summary().put("event", slug).put("version", written.version())
          .put("epoch", written.epoch()).put("created", written.created()));
    });
  }

  private static void refuseReplace(Agenda agenda, String slug, Request r, Instant now) {
    if (!r.replace()) {
      throw new CommandRejected(ErrorCode.EVENT_EXISTS, "an event '" + slug + "' exists already; import with"
          + " replace=true (--replace) to replace its agenda, or choose another slug");
    }
    if (!r.force() && underWay(agenda, now)) {
      throw new CommandRejected(ErrorCode.EVENT_UNDER_WAY, "'" + slug + "' is under way (a session has started,"
          + " or today is one of its days); replacing it needs force=true (--force)");
    }
  }

  /** A session is live or over, or the event's own clock (a rehearsal's may be simulated) is within its days. */
  static boolean underWay(Agenda agenda, Instant real) {
    Instant now = agenda.event().clock().at(real);
    if (agenda.sessions().stream().anyMatch(s -> s.status() == Session.Status.LIVE || s.status() == Session.Status.ENDED)) {
      return true;
    }
    List<java.time.LocalDate> days = agenda.event().days();
    return !days.isEmpty() && !now.isBefore(days.get(0).atStartOfDay(agenda.event().zone()).toInstant())
        && now.isBefore(days.get(days.size() - 1).plusDays(1).atStartOfDay(agenda.event().zone()).toInstant());
  }

  /** Every guid a session is known by (from its file, and Podium's own) and every room name, to their ids. */
  static Hints hints(EventImport.Existing existing, String slug) {
    Map<String, String> byGuid = new HashMap<>();
    for (Session s : existing.agenda().sessions()) {
      byGuid.put(Guids.session(slug, s.id()).toString(), s.id());
      String fromFile = existing.guids().get(s.id());
      if (fromFile != null) {
        byGuid.put(fromFile, s.id());
      }
    }
    Map<String, String> byName = new HashMap<>();
    for (Room room : existing.agenda().rooms()) {
      for (String name : List.of(room.name().zh(), room.name().en())) {
        if (!name.isBlank()) {
          byName.put(name.strip().toLowerCase(Locale.ROOT), room.id());
        }
      }
    }
    return new Hints(byGuid, byName, existing.agenda().event(), existing.agenda().awards());
  }
}
