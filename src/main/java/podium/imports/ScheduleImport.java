package podium.imports;

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
import podium.event.SourcePlan;
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
      String slug = slug(r, parsed);
      progress.accept("read a " + parsed.format().wire() + " file with " + parsed.sessions() + " sessions for '" + slug + "'");
      AtomicReference<Imported> made = new AtomicReference<>();
      return EventImport.importAgenda(pool, slug, r.actor(), existing -> {
        if (existing != null) {
          refuseReplace(existing.agenda(), slug, r, now);
        }
        Imported imported = ScheduleReader.build(parsed, slug, existing == null ? Hints.NONE
            : Hints.replacing(existing.agenda(), existing.guids()),
            now, (done, total) -> progress.accept("checked " + done + " of " + total + " sessions"));
        made.set(imported);
        progress.accept("writing '" + slug + "' to the database");
        return new EventImport.Plan(imported.agenda(), imported.guids(), imported.format().wire(), imported.summary());
      }).map(written -> made.get().summary().put("event", slug).put("version", written.version())
          .put("epoch", written.epoch()).put("created", written.created()));
    });
  }

  /**
   * What the import would do, and nothing written: the summary as run answers it (without version
   * and epoch), whether the event exists and is under way, and for an existing event what replacing
   * its agenda would do to each session (SourcePlan.replace).
   */
  public static Future<JsonObject> preview(Vertx vertx, Pool pool, Request r, Instant now) {
    return vertx.executeBlocking(() -> ScheduleReader.parse(r.file()), false).compose(parsed -> {
      String slug = slug(r, parsed);
      return EventImport.existing(pool, slug).compose(found -> vertx.executeBlocking(() -> {
        Agenda old = found == null ? null : found.existing().agenda();
        Imported imported = ScheduleReader.build(parsed, slug, old == null ? Hints.NONE
            : Hints.replacing(old, found.existing().guids()), now, (done, total) -> { });
        JsonObject summary = imported.summary().put("event", slug).put("dryRun", true).put("exists", old != null);
        return old == null ? summary : summary.put("underWay", underWay(old, now))
            .put("diff", SourcePlan.replace(old, imported.agenda()).toJson());
      }, false));
    });
  }

  /** The slug asked for, or the file's own; refused unless it is one. */
  private static String slug(Request r, ScheduleReader.Parsed parsed) {
    String slug = r.slug() != null ? r.slug() : parsed.suggestedSlug();
    if (!SLUG.matcher(slug).matches() || RESERVED.contains(slug)) {
      throw CommandRejected.invalidField("slug", "'" + slug + "' is not an event slug:"
          + " lowercase letters, digits and '-', at most 64 (and not " + RESERVED + ")");
    }
    return slug;
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
}
