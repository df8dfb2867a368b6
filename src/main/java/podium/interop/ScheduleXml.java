package podium.interop;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import podium.event.Room;
import podium.event.Session;
import podium.event.Speaker;

/** Writes the live agenda as a frab schedule.xml (C3VOC's schedule.xml.xsd). */
public final class ScheduleXml {

  /** voc's slug shape; an event's slug is left out where the id is too short for it. */
  private static final Pattern VOC_SLUG = Pattern.compile("[a-z0-9_]{4,}-[a-z0-9\\-_]{4,}");
  /** Characters XML 1.0 cannot hold at all. */
  private static final Pattern NOT_XML = Pattern.compile("[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]");

  private ScheduleXml() {
  }

  public static String write(PublicAgenda view, long version, String lang, String base, String generatorVersion) {
    FrabLayout l = new FrabLayout(view, version, lang, base);
    List<FrabLayout.Day> days = l.days();
    StringWriter out = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("schedule");
      x.writeEmptyElement("generator");
      x.writeAttribute("name", "Podium");
      x.writeAttribute("version", generatorVersion);
      element(x, "url", base + "/api/events/" + l.slug() + "/schedule.xml");
      element(x, "version", String.valueOf(version));
      x.writeStartElement("conference");
      element(x, "acronym", l.acronym());
      element(x, "title", l.agenda.event().title().in(lang));
      if (!days.isEmpty()) {
        element(x, "start", days.get(0).date().toString());
        element(x, "end", days.get(days.size() - 1).date().toString());
      }
      element(x, "days", String.valueOf(days.size()));
      element(x, "timeslot_duration", "00:05");
      element(x, "base_url", base + "/");
      if (l.zoneName() != null) {
        element(x, "time_zone_name", l.zoneName());
      }
      x.writeEndElement();
      for (FrabLayout.Day d : days) {
        day(x, l, d);
      }
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("writing schedule.xml", e);
    }
    return out.toString();
  }

  private static void day(XMLStreamWriter x, FrabLayout l, FrabLayout.Day d) throws XMLStreamException {
    x.writeStartElement("day");
    x.writeAttribute("index", String.valueOf(d.index()));
    x.writeAttribute("date", d.date().toString());
    x.writeAttribute("start", d.start().format(FrabLayout.TIME));
    x.writeAttribute("end", d.end().format(FrabLayout.TIME));
    for (Map.Entry<Room, List<Session>> e : d.rooms().entrySet()) {
      x.writeStartElement("room");
      x.writeAttribute("name", clean(l.roomName(e.getKey().id())));
      x.writeAttribute("guid", l.guid(e.getKey()));
      for (Session s : e.getValue()) {
        event(x, l, s);
      }
      x.writeEndElement();
    }
    x.writeEndElement();
  }

  private static void event(XMLStreamWriter x, FrabLayout l, Session s) throws XMLStreamException {
    x.writeStartElement("event");
    x.writeAttribute("guid", l.guid(s));
    x.writeAttribute("id", String.valueOf(l.number(s)));
    element(x, "date", l.date(s));
    element(x, "start", l.startOfDay(s));
    element(x, "duration", l.duration(s));
    element(x, "room", l.roomName(s.room()));
    if (VOC_SLUG.matcher(l.sessionSlug(s)).matches()) {
      element(x, "slug", l.sessionSlug(s));
    }
    element(x, "url", l.url(s));
    element(x, "title", l.title(s));
    element(x, "subtitle", l.subtitle(s));
    element(x, "track", "");
    element(x, "type", ScheduleJson.spelling(s));
    element(x, "language", l.language(s.title()));
    element(x, "abstract", s.description().in(l.lang));
    x.writeStartElement("persons");
    for (Speaker p : l.speakers(s)) {
      x.writeStartElement("person");
      x.writeAttribute("id", String.valueOf(l.number(p)));
      x.writeAttribute("guid", l.guid(p));
      x.writeCharacters(clean(p.name().in(l.lang)));
      x.writeEndElement();
    }
    x.writeEndElement();
    x.writeEmptyElement("links");
    x.writeEndElement();
  }

  private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(clean(text));
    x.writeEndElement();
  }

  private static String clean(String text) {
    return NOT_XML.matcher(text).replaceAll("");
  }
}
