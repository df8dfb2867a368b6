package podium.interop;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import podium.event.Text;

/**
 * A frab or pretalx schedule as read from its JSON or XML, before ids, zones and times are
 * settled: both readers make one, and AgendaBuilder turns it into an Agenda.
 */
record Draft(String generator, String acronym, Text title, String zoneName, List<Day> days, List<Room> rooms,
    List<Item> sessions) {

  /** A conference day; begins: the local time the file's day starts (frab's day_change), or null. */
  record Day(int index, LocalDate date, LocalTime begins) { }

  /** key: the name sessions use for it; slug and type as the file gives them, or null. */
  record Room(String key, Text name, String slug, String type) { }

  /** A person on a session; key tells one person from another (guid, code, id or name). */
  record Person(String key, Text name) { }

  /**
   * One session ("event" in frab). Times stay text until the zone is known: date (ISO, with or
   * without an offset), or start ("HH:MM") on its day; then duration ("0:45", "01:30:00") or end.
   * number: frab's integer id, which its slugs repeat after the acronym.
   */
  record Item(String where, String guid, String number, String slug, String code, Text title, Text description, String type,
      String room, String date, String start, Day day, String duration, String end, List<Person> persons) { }
}
