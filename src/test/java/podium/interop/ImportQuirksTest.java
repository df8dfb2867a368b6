package podium.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.event.Agenda;
import podium.event.Session;

/** Real exports' shapes are read (fixtures in src/test/resources/imports), and broken files refused. */
@Tag("unit")
class ImportQuirksTest {

  /** When the imports happen (a Podium document's simulated clock starts then). */
  static final java.time.Instant AT = java.time.Instant.parse("2024-01-01T00:00:00Z");

  static byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(Path.of("src/test/resources/imports", name));
  }

  @Test
  void aPretalxExportWithEveryQuirkIsRead() throws IOException {
    Imported imported = ScheduleReader.read(fixture("pretalx-quirks.json"), "quirkcon", AT);
    Agenda a = imported.agenda();
    assertThat(imported.generator()).isEqualTo("pretalx 2024.3.1");
    assertThat(a.event().zone().getId()).isEqualTo("Europe/Berlin");
    assertThat(a.event().title().en()).isEqualTo("QuirkCon 2024");
    assertThat(a.event().days()).as("a day without sessions stays").containsExactly(
        LocalDate.parse("2024-03-09"), LocalDate.parse("2024-03-10"), LocalDate.parse("2024-03-11"));
    assertThat(a.rooms()).extracting(r -> r.id()).containsExactly("saal-1", "workshop-room", "foyer");
    assertThat(imported.warnings()).anyMatch(w -> w.contains("'Foyer' is used by sessions but not in the room list"));

    Session opening = a.session("opening").orElseThrow();
    assertThat(opening.end()).isEqualTo(Instant.parse("2024-03-09T09:45:00Z"));
    assertThat(opening.description().en()).as("HTML kept as text").isEqualTo("<p>Welcome, <b>everyone</b> &amp; friends</p>");
    assertThat(imported.guids()).containsEntry("opening", "talk-17");

    Session compilers = a.session("compilers-deep").orElseThrow();
    assertThat(compilers.title().en()).as("English from a multilingual object").isEqualTo("Compilers, deep");
    assertThat(compilers.type()).isEqualTo(Session.Type.MEETING);
    assertThat(compilers.end().toString()).isEqualTo("2024-03-09T11:30:00Z");
    assertThat(compilers.speakers()).containsExactly("grace-hopper", "ada-lovelace");
    assertThat(a.speakers()).hasSize(3);

    Session late = a.session("late-night-lightning-talks").orElseThrow();
    assertThat(late.start()).as("01:30 on a day that begins at 04:00 is the next date")
        .isEqualTo(Instant.parse("2024-03-10T00:30:00Z"));

    Session chinese = a.sessions().stream().filter(s -> s.title().zh().equals("稀土材料研讨")).findFirst().orElseThrow();
    assertThat(chinese.title().en()).as("a Chinese-only title goes to zh").isEmpty();
    assertThat(a.speaker(chinese.speakers().get(0)).orElseThrow().name().zh()).isEqualTo("王海舟");
    assertThat(a.session("lunch-break").orElseThrow().type()).isEqualTo(Session.Type.BREAK);
  }

  @Test
  void aFrabXmlWithOnlyOffsetsAndShortDurationsIsRead() throws IOException {
    Imported imported = ScheduleReader.read(fixture("frab-offsets.xml"), "offsetcamp", AT);
    Agenda a = imported.agenda();
    assertThat(a.event().zone()).isEqualTo(ZoneOffset.ofHours(8));
    assertThat(imported.warnings()).anyMatch(w -> w.contains("no time_zone_name"));
    Session keynote = a.session("keynote").orElseThrow();
    assertThat(keynote.title().en()).isEqualTo("Keynote: <Offsets> & zones");
    assertThat(keynote.description().en()).isEqualTo("<p>Why <i>+08:00</i> is not a zone</p>");
    Session tent = a.session("workshop-in-the-tent").orElseThrow();
    assertThat(tent.start()).isEqualTo(Instant.parse("2024-06-01T02:00:00Z"));
    assertThat(tent.end()).isEqualTo(Instant.parse("2024-06-01T03:15:00Z"));
    assertThat(a.room(tent.room()).orElseThrow().name().en()).as("a room only its sessions name").isEqualTo("Tent");
    assertThat(tent.speakers()).containsExactly("lin-wei", "ana-souza");
    // And its exports validate: a zone given only as an offset is written as offsets.
    String json = ScheduleJson.write(PublicAgenda.of(a), 1, "en", "https://x.example", "t");
    assertThat(Schemas.jsonErrors(json)).isEmpty();
    assertThat(Schemas.xmlError(ScheduleXml.write(PublicAgenda.of(a), 1, "en", "https://x.example", "t"))).isNull();
    String ics = CalendarExport.write(PublicAgenda.of(a), new Revisions(Map.of(), Map.of(), 0, null, Instant.EPOCH),
        "en", "https://x.example", null);
    assertThat(biweekly.Biweekly.parse(ics).first().getEvents().get(0).getDateStart().getValue().toInstant())
        .isEqualTo(keynote.start());
  }

  @Test
  void aBrokenFileIsRefusedWithEveryProblemNamed() throws IOException {
    assertThatThrownBy(() -> ScheduleReader.read(fixture("broken.json"), "broken", AT))
        .isInstanceOfSatisfying(ScheduleRefused.class, r -> assertThat(r.problems()).extracting(Object::toString)
            .containsExactly(
                "session 'Bad duration' (guid b-1): 'duration' '1h' is not a duration such as 0:45, 00:45 or 01:30:00",
                "session #2 (guid b-2): 'title' is missing",
                "session 'Bad date' (guid b-3): 'date' 'May 1st, noon' is not a time such as 2023-08-16T09:00:00+08:00",
                "session 'No time' (guid b-4): 'duration' must be more than 0"));
  }

  @Test
  void thePodiumDocumentIsReadAsTheSeedAndABrokenOneIsRefusedByField() throws IOException {
    byte[] seed = Files.readAllBytes(Path.of("src/main/resources/seed/baotou-2023.json"));
    Imported imported = ScheduleReader.read(seed, "baotou-copy", AT);
    assertThat(imported.format()).isEqualTo(ScheduleFormat.PODIUM);
    Agenda demo = podium.DemoEvent.agenda();
    assertThat(imported.agenda().event().slug()).isEqualTo("baotou-copy");
    assertThat(imported.agenda().sessions()).isEqualTo(demo.sessions());
    assertThat(imported.agenda().awards()).isEqualTo(demo.awards());

    io.vertx.core.json.JsonObject doc = new io.vertx.core.json.JsonObject(new String(seed, StandardCharsets.UTF_8));
    doc.getJsonArray("sessions").getJsonObject(0).put("type", "party").put("room", "roof");
    doc.getJsonArray("sessions").getJsonObject(1).put("end", "2023-08-16T08:00");
    doc.remove("days");
    assertThatThrownBy(() -> ScheduleReader.read(doc.encode().getBytes(StandardCharsets.UTF_8), "x", AT))
        .isInstanceOfSatisfying(ScheduleRefused.class, r -> assertThat(r.problems()).extracting(Object::toString)
            .contains("event: 'days' is required, as a list",
                "session 'opening-ceremony': 'room' names no room of the document",
                "session 'welcome-speech': 'end' must be after start")
            .anyMatch(p -> p.startsWith("session 'opening-ceremony': 'type' must be one of")));
  }

  @Test
  void whatIsNotAScheduleIsRefusedByItsContentNotItsName() {
    assertThatThrownBy(() -> ScheduleReader.read("{\"hello\": 1}".getBytes(StandardCharsets.UTF_8), "x", AT))
        .isInstanceOf(ScheduleRefused.class).hasMessageContaining("neither a frab/pretalx schedule.json");
    assertThatThrownBy(() -> ScheduleReader.read("<schedule><conference>".getBytes(StandardCharsets.UTF_8), "x", AT))
        .isInstanceOf(ScheduleRefused.class).hasMessageContaining("not well-formed XML");
    assertThatThrownBy(() -> ScheduleReader.read(("<?xml version=\"1.0\"?><!DOCTYPE schedule [<!ENTITY x SYSTEM"
        + " \"file:///etc/passwd\">]><schedule>&x;</schedule>").getBytes(StandardCharsets.UTF_8), "x", AT))
        .as("no DOCTYPE, so no external entity").isInstanceOf(ScheduleRefused.class);
    assertThatThrownBy(() -> ScheduleReader.read("%PDF-1.4".getBytes(StandardCharsets.UTF_8), "x", AT))
        .isInstanceOf(ScheduleRefused.class).hasMessageContaining("not a schedule");
  }

  @Test
  void durationsIdsAndGuidsAreReadTheWayRealFilesWriteThem() {
    assertThat(Durations.parse("0:45")).hasMinutes(45);
    assertThat(Durations.parse("00:45")).hasMinutes(45);
    assertThat(Durations.parse("01:30:00")).hasMinutes(90);
    assertThat(Durations.parse("1h")).isNull();
    assertThat(Ids.slug("Sub-forum Ä, 2nd")).isEqualTo("sub-forum-a-2nd");
    assertThat(Ids.slug("稀土")).isEmpty();
    assertThat(Guids.v5(java.util.UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"))
        .as("RFC 9562's example").hasToString("886313e1-3b8a-5372-9b90-0c9aee199e5d");
  }
}
