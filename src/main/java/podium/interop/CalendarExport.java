package podium.interop;

import biweekly.ICalVersion;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.TimezoneAssignment;
import biweekly.io.text.ICalWriter;
import biweekly.property.Method;
import biweekly.property.Status;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.stream.Collectors;
import podium.event.Agenda;
import podium.event.Room;
import podium.event.Session;
import podium.event.Speaker;
import podium.event.Spelling;

/**
 * The live agenda as iCalendar (RFC 5545): one VEVENT per session at its actual time and room,
 * UID its guid, SEQUENCE and DTSTAMP from the change log (Revisions), STATUS:CANCELLED when
 * cancelled, in the event's VTIMEZONE. For a subscription (webcal://) as for one download.
 */
public final class CalendarExport {

  private CalendarExport() {
  }

  /** only: the session ids to include (an attendee's stars, or one session), or null for all. */
  public static String write(PublicAgenda view, Revisions revisions, String lang, String base,
      Collection<String> only) {
    Agenda agenda = view.agenda();
    ICalendar ical = new ICalendar();
    ical.setProductId("-//Podium//Podium//EN");
    ical.setMethod(Method.publish());
    String name = agenda.event().title().in(lang);
    ical.setName(name);
    ical.setExperimentalProperty("X-WR-CALNAME", name);
    ical.setExperimentalProperty("X-WR-TIMEZONE", agenda.event().zone().getId());
    // Times move during the event: ask subscribers to look again every few minutes.
    ical.setRefreshInterval(biweekly.util.Duration.builder().minutes(5).build());
    ical.setExperimentalProperty("X-PUBLISHED-TTL", "PT5M");
    ical.getTimezoneInfo().setDefaultTimezone(new TimezoneAssignment(
        TimeZone.getTimeZone(agenda.event().zone()), CalendarZone.of(agenda.event().zone(), from(agenda), to(agenda))));
    for (Session s : agenda.sessions()) {
      if (only == null || only.contains(s.id())) {
        ical.addEvent(event(agenda, revisions, s, lang, base));
      }
    }
    return CalendarLines.fold(unfolded(ical));
  }

  /** The calendar with no line folded: CalendarLines folds it by octets, as biweekly cannot. */
  private static String unfolded(ICalendar ical) {
    StringWriter out = new StringWriter();
    try (ICalWriter writer = new ICalWriter(out, ICalVersion.V2_0)) {
      writer.getVObjectWriter().getFoldedLineWriter().setLineLength(null);
      writer.write(ical);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    return out.toString();
  }

  private static VEvent event(Agenda agenda, Revisions revisions, Session s, String lang, String base) {
    VEvent e = new VEvent();
    e.setUid(Guids.session(agenda.event().slug(), s.id()).toString());
    e.setSequence(revisions.sequence(s.id()));
    Date stamp = Date.from(revisions.stamp(s.id()));
    e.setDateTimeStamp(stamp);
    e.setLastModified(stamp);
    e.setDateStart(Date.from(s.start()));
    e.setDateEnd(Date.from(s.end()));
    boolean cancelled = s.status() == Session.Status.CANCELLED;
    e.setStatus(cancelled ? Status.cancelled() : Status.confirmed());
    String title = s.title().in(lang);
    e.setSummary(cancelled ? ("zh".equals(lang) ? "[已取消] " : "[Cancelled] ") + title : title);
    e.setDescription(description(agenda, s, lang));
    e.setLocation(agenda.room(s.room()).map(Room::name).map(t -> t.in(lang)).orElse(s.room()));
    e.addCategories(Spelling.of(s.type()));
    e.setUrl(base + "/?event=" + agenda.event().slug() + "#" + s.id());
    return e;
  }

  private static String description(Agenda agenda, Session s, String lang) {
    String who = s.speakers().stream().map(agenda::speaker).flatMap(java.util.Optional::stream)
        .map(Speaker::name).map(t -> t.in(lang)).collect(Collectors.joining(", "));
    String text = s.description().in(lang);
    if (s.status() == Session.Status.CANCELLED && !s.reason().in(lang).isBlank()) {
      text = s.reason().in(lang) + (text.isBlank() ? "" : "\n\n" + text);
    }
    String speakers = ("zh".equals(lang) ? "嘉宾：" : "Speakers: ") + who;
    return who.isEmpty() ? text : text.isBlank() ? speakers : text + "\n\n" + speakers;
  }

  private static Instant from(Agenda a) {
    List<java.time.LocalDate> days = a.event().days();
    Instant min = days.isEmpty() ? null : days.get(0).atStartOfDay(a.event().zone()).toInstant();
    for (Session s : a.sessions()) {
      min = min == null || s.start().isBefore(min) ? s.start() : min;
    }
    return min == null ? Instant.EPOCH : min;
  }

  private static Instant to(Agenda a) {
    List<java.time.LocalDate> days = a.event().days();
    Instant max = days.isEmpty() ? Instant.EPOCH
        : days.get(days.size() - 1).plusDays(1).atStartOfDay(a.event().zone()).toInstant();
    for (Session s : a.sessions()) {
      max = s.end().isAfter(max) ? s.end() : max;
    }
    return max;
  }
}
