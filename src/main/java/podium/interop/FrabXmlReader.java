package podium.interop;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXParseException;
import podium.event.Text;

/** Reads a frab schedule.xml (frab, pretalx, Podium's own export) into a Draft. */
final class FrabXmlReader {

  private final Problems problems;

  FrabXmlReader(Problems problems) {
    this.problems = problems;
  }

  Draft read(byte[] file) {
    Element schedule = parse(file).getDocumentElement();
    if (!"schedule".equals(schedule.getTagName())) {
      throw ScheduleRefused.of("file", schedule.getTagName(), "is not a frab <schedule> document");
    }
    Element conf = child(schedule, "conference");
    if (conf == null) {
      throw ScheduleRefused.of("schedule", "conference", "is missing");
    }
    Element generator = child(schedule, "generator");
    String made = generator == null ? null : (generator.getAttribute("name") + " " + generator.getAttribute("version")).strip();
    Map<String, Draft.Room> rooms = new LinkedHashMap<>();
    List<Draft.Day> days = new ArrayList<>();
    List<Draft.Item> sessions = new ArrayList<>();
    for (Element d : children(schedule, "day")) {
      Draft.Day day = new Draft.Day(days.size() + 1, date(d.getAttribute("date"), "day " + (days.size() + 1)),
          FrabJsonReader.begins(blankToNull(d.getAttribute("start"))));
      days.add(day);
      for (Element r : children(d, "room")) {
        String key = r.getAttribute("name").strip();
        rooms.putIfAbsent(key, new Draft.Room(key, Bilingual.of(key, null), null, null));
        for (Element e : children(r, "event")) {
          sessions.add(item(e, day, key, sessions.size() + 1));
        }
      }
    }
    return new Draft(made == null || made.isEmpty() ? null : made, text(conf, "acronym"),
        Bilingual.of(text(conf, "title"), null), text(conf, "time_zone_name"), days, List.copyOf(rooms.values()),
        sessions);
  }

  private Draft.Item item(Element e, Draft.Day day, String roomKey, int n) {
    String language = text(e, "language");
    Text title = Bilingual.of(text(e, "title"), language);
    String guid = blankToNull(e.getAttribute("guid"));
    List<Draft.Person> persons = new ArrayList<>();
    Element list = child(e, "persons");
    for (Element p : list == null ? List.<Element>of() : children(list, "person")) {
      Text name = Bilingual.of(p.getTextContent(), null);
      if (!name.isBlank()) {
        String key = blankToNull(p.getAttribute("guid"));
        key = key != null ? key : blankToNull(p.getAttribute("code"));
        key = key != null ? key : blankToNull(p.getAttribute("id"));
        persons.add(new Draft.Person(key == null ? "name:" + name.in("en") : key, name));
      }
    }
    String room = text(e, "room");
    Text about = Where.join(Bilingual.of(text(e, "abstract"), language), Bilingual.of(text(e, "description"), language));
    return new Draft.Item(Where.session(title, guid, n), guid, blankToNull(e.getAttribute("id")), text(e, "slug"),
        blankToNull(e.getAttribute("code")), title, about,
        text(e, "type"), room == null ? roomKey : room, text(e, "date"), text(e, "start"), day, text(e, "duration"),
        null, persons);
  }

  /** DOCTYPEs are refused: no external entities, no entity expansion bombs. */
  private static Document parse(byte[] file) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      f.setNamespaceAware(false);
      DocumentBuilder builder = f.newDocumentBuilder();
      builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
      return builder.parse(new ByteArrayInputStream(file));
    } catch (SAXParseException e) {
      throw ScheduleRefused.of("file", "xml", "is not well-formed XML (line " + e.getLineNumber() + "): "
          + e.getMessage());
    } catch (Exception e) {
      throw ScheduleRefused.of("file", "xml", "could not be read: " + e.getMessage());
    }
  }

  private LocalDate date(String text, String where) {
    try {
      return text.isBlank() ? null : LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      problems.add(where, "date", "'" + text + "' is not a date such as 2023-08-16");
      return null;
    }
  }

  private static Element child(Element parent, String tag) {
    List<Element> all = children(parent, tag);
    return all.isEmpty() ? null : all.get(0);
  }

  private static List<Element> children(Element parent, String tag) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element el && el.getTagName().equals(tag)) {
        out.add(el);
      }
    }
    return out;
  }

  private static String text(Element parent, String tag) {
    Element el = child(parent, tag);
    return el == null ? null : blankToNull(el.getTextContent());
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
