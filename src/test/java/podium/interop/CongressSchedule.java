package podium.interop;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A schedule.json shaped like the 38th Chaos Communication Congress's (frab/C3VOC, as pretalx
 * exports it): 4 days, 20 rooms, 1,007 talks with guids, codes, persons and links, in
 * Europe/Berlin. The real file cannot be fetched here, so its shape is rebuilt, the same every
 * time; releases are made by moving, removing and adding talks, as a programme team would.
 */
public final class CongressSchedule {

  public static final String ACRONYM = "38c3";
  public static final int TALKS = 1_007;
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  private static final LocalDate FIRST = LocalDate.of(2024, 12, 27);
  private static final List<String> ROOMS = List.of("Saal 1", "Saal GLITCH", "Saal ZIGZAG", "Stage HUFF",
      "Stage YELL", "Saal 4", "Stage GROUND", "Hall 3", "Room 1.2", "Room 3.5", "Workshop A", "Workshop B",
      "Workshop C", "Lightning Corner", "Assembly Hall", "CCL Seminar", "CCL Lab", "Outside Tent", "Hangar",
      "Online");

  /** One talk: its guid stays with it through releases. */
  public record Talk(UUID guid, int id, String title, String room, ZonedDateTime start, Duration length,
      List<String> persons) {

    public Talk at(String newRoom, ZonedDateTime newStart) {
      return new Talk(guid, id, title, newRoom, newStart, length, persons);
    }
  }

  private final List<Talk> talks;
  private final String version;

  private CongressSchedule(List<Talk> talks, String version) {
    this.talks = List.copyOf(talks);
    this.version = version;
  }

  /** The first release: 1,007 talks, every room from 11:00 in hourly slots (40 minutes, some 60). */
  public static CongressSchedule first() {
    List<Talk> talks = new ArrayList<>();
    int n = 0;
    for (int day = 0; day < 4 && n < TALKS; day++) {
      for (int slot = 0; slot < 13 && n < TALKS; slot++) {
        for (int r = 0; r < ROOMS.size() && n < TALKS; r++) {
          n++;
          ZonedDateTime start = FIRST.plusDays(day).atTime(11, 0).atZone(ZONE).plusHours(slot);
          Duration length = Duration.ofMinutes(n % 7 == 0 ? 60 : 40);
          talks.add(new Talk(UUID.nameUUIDFromBytes(("38c3-talk-" + n).getBytes(StandardCharsets.UTF_8)), 1000 + n,
              "Talk " + n + ": " + topic(n), ROOMS.get(r), start, length, List.of("Speaker " + (n % 400 + 1))));
        }
      }
    }
    return new CongressSchedule(talks, "1.0");
  }

  public List<Talk> talks() {
    return talks;
  }

  public Talk talk(int index) {
    return talks.get(index);
  }

  /** The next release with one talk changed (null removes it). */
  public CongressSchedule with(int index, java.util.function.UnaryOperator<Talk> change) {
    List<Talk> next = new ArrayList<>();
    for (int i = 0; i < talks.size(); i++) {
      Talk t = i == index ? change.apply(talks.get(i)) : talks.get(i);
      if (t != null) {
        next.add(t);
      }
    }
    return new CongressSchedule(next, bump());
  }

  /** The next release with one more talk. */
  public CongressSchedule plus(Talk talk) {
    List<Talk> next = new ArrayList<>(talks);
    next.add(talk);
    return new CongressSchedule(next, bump());
  }

  private String bump() {
    return "1." + (Integer.parseInt(version.substring(2)) + 1);
  }

  public byte[] json() {
    JsonArray days = new JsonArray();
    for (int d = 0; d < 4; d++) {
      LocalDate date = FIRST.plusDays(d);
      Map<String, JsonArray> byRoom = new LinkedHashMap<>();
      for (Talk t : talks) {
        if (t.start().toLocalDate().equals(date)) {
          byRoom.computeIfAbsent(t.room(), k -> new JsonArray()).add(event(t));
        }
      }
      JsonObject rooms = new JsonObject();
      byRoom.forEach(rooms::put);
      days.add(new JsonObject().put("index", d + 1).put("date", date.toString())
          .put("day_start", iso(date.atTime(10, 0).atZone(ZONE).toOffsetDateTime()))
          .put("day_end", iso(date.plusDays(1).atTime(3, 0).atZone(ZONE).toOffsetDateTime()))
          .put("rooms", rooms));
    }
    JsonArray rooms = new JsonArray();
    for (String r : ROOMS) {
      rooms.add(new JsonObject().put("name", r).put("slug", slug(r))
          .put("guid", UUID.nameUUIDFromBytes(("38c3-room-" + r).getBytes(StandardCharsets.UTF_8)).toString()));
    }
    JsonObject conference = new JsonObject().put("acronym", ACRONYM).put("title", "38th Chaos Communication Congress")
        .put("start", FIRST.toString()).put("end", FIRST.plusDays(3).toString()).put("daysCount", 4)
        .put("timeslot_duration", "00:05").put("time_zone_name", ZONE.getId()).put("rooms", rooms).put("days", days);
    JsonObject doc = new JsonObject().put("$schema", "https://c3voc.de/schedule/schema.json")
        .put("generator", new JsonObject().put("name", "pretalx").put("version", "2024.3.0"))
        .put("schedule", new JsonObject().put("url", "https://fahrplan.events.ccc.de/congress/2024/fahrplan/schedule.json")
            .put("version", version).put("base_url", "https://fahrplan.events.ccc.de/congress/2024/fahrplan/")
            .put("conference", conference));
    return doc.encodePrettily().getBytes(StandardCharsets.UTF_8);
  }

  private static JsonObject event(Talk t) {
    OffsetDateTime date = t.start().toOffsetDateTime();
    String code = Integer.toString(t.id(), 36).toUpperCase(Locale.ROOT);
    return new JsonObject().put("guid", t.guid().toString()).put("code", code).put("id", t.id())
        .put("logo", null).put("date", iso(date)).put("start", String.format("%02d:%02d", date.getHour(), date.getMinute()))
        .put("duration", String.format("%02d:%02d", t.length().toHours(), t.length().toMinutesPart()))
        .put("room", t.room()).put("slug", ACRONYM + "-" + t.id() + "-" + slug(t.title()))
        .put("url", "https://fahrplan.events.ccc.de/congress/2024/fahrplan/talk/" + code + "/")
        .put("title", t.title()).put("subtitle", "").put("track", "Hardware & Making").put("type", "Talk")
        .put("language", "en").put("abstract", "What " + t.title() + " is about.").put("description", "")
        .put("recording_license", "").put("do_not_record", false)
        .put("persons", new JsonArray(t.persons().stream().map(p -> new JsonObject().put("code", slug(p)
            .replace("-", "").toUpperCase(Locale.ROOT)).put("name", p).put("public_name", p).put("biography", null))
            .toList()))
        .put("links", new JsonArray()).put("attachments", new JsonArray());
  }

  private static String iso(OffsetDateTime t) {
    return t.format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static String topic(int n) {
    List<String> topics = List.of("Breaking rare-earth magnets", "Trains, again", "A year of e-voting",
        "Satellites on a budget", "Open firmware for everyone", "Why the printer knows", "Fuzzing the kernel");
    return topics.get(n % topics.size());
  }

  private static String slug(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
  }
}
