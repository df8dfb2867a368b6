package podium.interop;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiConsumer;
import podium.event.Agenda;

/**
 * Reads a schedule file in two steps: parse (the format from the content, and the file's shape)
 * before anything is locked, then build the agenda under a slug, with what the event it replaces
 * knows. Both throw ScheduleRefused, naming every problem.
 */
public final class ScheduleReader {

  /** A file parsed, not yet an agenda. */
  public static final class Parsed {
    private final ScheduleFormat format;
    private final Draft draft;
    private final JsonObject podium;

    private Parsed(ScheduleFormat format, Draft draft, JsonObject podium) {
      this.format = format;
      this.draft = draft;
      this.podium = podium;
    }

    public ScheduleFormat format() {
      return format;
    }

    /** How many sessions the file holds, before any is checked. */
    public int sessions() {
      return draft != null ? draft.sessions().size() : podium.getJsonArray("sessions", new JsonArray()).size();
    }

    /** The slug the file suggests: a Podium document's own, or one made from the acronym or title. */
    public String suggestedSlug() {
      if (podium != null) {
        return podium.getValue("slug") instanceof String s ? s : "";
      }
      String fromAcronym = Ids.slug(draft.acronym());
      return fromAcronym.isEmpty() ? Ids.slug(draft.title().in("en")) : fromAcronym;
    }
  }

  private ScheduleReader() {
  }

  public static Parsed parse(byte[] file) {
    JsonObject json = null;
    if (ScheduleFormat.looksLikeJson(file)) {
      try {
        json = new JsonObject(new String(file, StandardCharsets.UTF_8).replaceFirst("^\uFEFF", ""));
      } catch (DecodeException e) {
        throw ScheduleRefused.of("file", "json", "is not valid JSON: " + e.getMessage());
      }
    }
    ScheduleFormat format = ScheduleFormat.detect(file, json);
    Problems problems = new Problems();
    Parsed parsed = switch (format) {
      case PODIUM -> new Parsed(format, null, json);
      case FRAB_JSON -> new Parsed(format, new FrabJsonReader(problems).read(json), null);
      case FRAB_XML -> new Parsed(format, new FrabXmlReader(problems).read(file), null);
    };
    problems.refuseIfAny();
    return parsed;
  }

  /**
   * now: the time of the import (a simulated clock in a Podium document starts then); progress:
   * told (done, total) now and then while the sessions are checked.
   */
  public static Imported build(Parsed parsed, String slug, Hints hints, Instant now,
      BiConsumer<Integer, Integer> progress) {
    if (parsed.podium != null) {
      PodiumDocument doc = new PodiumDocument();
      Agenda agenda = doc.read(parsed.podium, slug, now);
      return new Imported(parsed.format, "podium", agenda, Map.of(), doc.warnings(), 0);
    }
    return new AgendaBuilder(parsed.draft, hints).build(slug, parsed.format, progress::accept);
  }

  /** Parses and builds a new event's agenda at once. */
  public static Imported read(byte[] file, String slug, Instant now) {
    return build(parse(file), slug, Hints.NONE, now, (done, total) -> { });
  }
}
