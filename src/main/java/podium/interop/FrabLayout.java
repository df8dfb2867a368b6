package podium.interop;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import podium.event.Agenda;
import podium.event.Room;
import podium.event.Session;
import podium.event.Speaker;
import podium.event.Text;

/**
 * What schedule.json and schedule.xml share: days cut at midnight in the event's zone, rooms by
 * a name unique in the chosen language, each session at its actual time and room, cancelled ones
 * marked in the title, and the ids and guids frab wants. docs/FORMATS.md, "Exports".
 */
final class FrabLayout {

  /** A day from midnight to midnight, venue time, with every room and its sessions. */
  record Day(int index, LocalDate date, OffsetDateTime start, OffsetDateTime end, Map<Room, List<Session>> rooms) { }

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
  private static final java.util.regex.Pattern ZONE_NAME = java.util.regex.Pattern.compile("^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$");

  final Agenda agenda;
  final long version;
  final String lang;
  final String base;
  final ZoneId zone;
  private final Map<String, String> roomNames = new LinkedHashMap<>();
  private final Map<String, Integer> sessionNumbers;
  private final Map<String, Integer> speakerNumbers;

  /** base: the hub's public address, without a trailing slash. */
  FrabLayout(PublicAgenda view, long version, String lang, String base) {
    this.agenda = view.agenda();
    this.version = version;
    this.lang = lang;
    this.base = base;
    this.zone = agenda.event().zone();
    Set<String> used = new HashSet<>();
    for (Room r : agenda.rooms()) {
      String name = r.name().in(lang).isBlank() ? r.id() : r.name().in(lang);
      roomNames.put(r.id(), used.add(name) ? name : name + " (" + r.id() + ")");
      used.add(roomNames.get(r.id()));
    }
    String slug = slug();
    sessionNumbers = Guids.numbers(agenda.sessions().stream().map(Session::id).toList(), id -> Guids.session(slug, id));
    speakerNumbers = Guids.numbers(agenda.speakers().stream().map(Speaker::id).toList(), id -> Guids.speaker(slug, id));
  }

  String slug() {
    return agenda.event().slug();
  }

  /** frab's acronym ([a-z0-9_], at least 4): the slug with '_' for '-'. */
  String acronym() {
    StringBuilder a = new StringBuilder(slug().replace('-', '_'));
    while (a.length() < 4) {
      a.append('_');
    }
    return a.toString();
  }

  /** The zone's name where the schema allows it (an IANA region name), else null: the offsets say it all. */
  String zoneName() {
    String id = !(zone instanceof ZoneOffset) ? zone.getId() : zone.equals(ZoneOffset.UTC) ? "UTC" : null;
    return id != null && ZONE_NAME.matcher(id).find() ? id : null;
  }

  List<Day> days() {
    TreeSet<LocalDate> dates = new TreeSet<>(agenda.event().days());
    agenda.sessions().forEach(s -> dates.add(localDate(s)));
    List<Day> days = new ArrayList<>();
    for (LocalDate date : dates) {
      Map<Room, List<Session>> rooms = new LinkedHashMap<>();
      agenda.rooms().forEach(r -> rooms.put(r, new ArrayList<>()));
      for (Session s : agenda.sessions()) {
        Room room = agenda.room(s.room()).orElse(null);
        if (room != null && localDate(s).equals(date)) {
          rooms.get(room).add(s);
        }
      }
      days.add(new Day(days.size() + 1, date, date.atStartOfDay(zone).toOffsetDateTime(),
          date.plusDays(1).atStartOfDay(zone).toOffsetDateTime(), rooms));
    }
    return days;
  }

  String roomName(String roomId) {
    return roomNames.getOrDefault(roomId, roomId);
  }

  /** A cancelled session keeps its slot, marked in its title: neither schema has a state field. */
  String title(Session s) {
    String title = s.title().in(lang);
    return s.status() == Session.Status.CANCELLED ? ("zh".equals(lang) ? "[已取消] " : "[Cancelled] ") + title : title;
  }

  /** Why it was cancelled, when staff said. */
  String subtitle(Session s) {
    return s.status() == Session.Status.CANCELLED ? s.reason().in(lang) : "";
  }

  /** The language the text is actually in: the chosen one, or the other when it is missing. */
  String language(Text t) {
    return t.in(lang).equals("zh".equals(lang) ? t.zh() : t.en()) ? lang : ("zh".equals(lang) ? "en" : "zh");
  }

  String date(Session s) {
    return s.start().atZone(zone).toOffsetDateTime().format(TIME);
  }

  String startOfDay(Session s) {
    return s.start().atZone(zone).toLocalTime().format(DateTimeFormatter.ofPattern("HH:mm"));
  }

  String duration(Session s) {
    return Durations.format(Duration.between(s.start(), s.end()));
  }

  String end(Session s) {
    return s.end().atZone(zone).toOffsetDateTime().format(TIME);
  }

  /** acronym-id: voc's "slug" shape, and an import of the file gives the id back. */
  String sessionSlug(Session s) {
    return acronym() + "-" + s.id();
  }

  String url(Session s) {
    return base + "/?event=" + slug() + "#" + s.id();
  }

  String guid(Session s) {
    return Guids.session(slug(), s.id()).toString();
  }

  int number(Session s) {
    return sessionNumbers.get(s.id());
  }

  int number(Speaker p) {
    return speakerNumbers.get(p.id());
  }

  String guid(Speaker p) {
    return Guids.speaker(slug(), p.id()).toString();
  }

  String guid(Room r) {
    return Guids.room(slug(), r.id()).toString();
  }

  List<Speaker> speakers(Session s) {
    return s.speakers().stream().map(id -> agenda.speaker(id).orElse(null)).filter(p -> p != null).toList();
  }

  private LocalDate localDate(Session s) {
    return s.start().atZone(zone).toLocalDate();
  }
}
