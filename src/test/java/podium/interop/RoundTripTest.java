package podium.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.DemoEvent;
import podium.event.Agenda;
import podium.event.Room;
import podium.event.Session;
import podium.event.Speaker;

/** The demo, exported as schedule.json or schedule.xml and imported again, has the same agenda. */
@Tag("unit")
class RoundTripTest {

  /** When the imports happen (a Podium document's simulated clock starts then). */
  static final java.time.Instant AT = java.time.Instant.parse("2024-01-01T00:00:00Z");

  private static final String BASE = "https://podium.example.org";

  @Test
  void scheduleJsonGivesBackTheSameRoomsSessionsSpeakersAndTimes() {
    Agenda demo = DemoEvent.agenda();
    String json = ScheduleJson.write(PublicAgenda.of(demo), 7, "en", BASE, "test");
    Imported back = ScheduleReader.read(json.getBytes(StandardCharsets.UTF_8), "copy", AT);
    assertThat(back.format()).isEqualTo(ScheduleFormat.FRAB_JSON);
    assertSame(demo, back.agenda(), true);
    assertThat(back.agenda().rooms()).extracting(Room::id).containsExactlyElementsOf(
        demo.rooms().stream().map(Room::id).toList());
    assertThat(back.agenda().rooms()).extracting(Room::kind).containsExactlyElementsOf(
        demo.rooms().stream().map(Room::kind).toList());
  }

  @Test
  void scheduleXmlGivesBackTheSameRoomsSessionsSpeakersAndTimes() {
    Agenda demo = DemoEvent.agenda();
    String xml = ScheduleXml.write(PublicAgenda.of(demo), 7, "en", BASE, "test");
    Imported back = ScheduleReader.read(xml.getBytes(StandardCharsets.UTF_8), "copy", AT);
    assertThat(back.format()).isEqualTo(ScheduleFormat.FRAB_XML);
    assertSame(demo, back.agenda(), false);
  }

  /** roomIds: whether room ids survive (schedule.xml carries room names and guids only). */
  private static void assertSame(Agenda demo, Agenda back, boolean roomIds) {
    assertThat(back.event().zone()).isEqualTo(demo.event().zone());
    assertThat(back.event().days()).isEqualTo(demo.event().days());
    assertThat(back.event().title().en()).isEqualTo(demo.event().title().en());
    assertThat(names(back.rooms())).isEqualTo(names(demo.rooms()));
    assertThat(back.speakers()).extracting(Speaker::id, s -> s.name().en())
        .containsExactlyInAnyOrderElementsOf(demo.speakers().stream()
            .map(s -> org.assertj.core.groups.Tuple.tuple(s.id(), s.name().en())).toList());
    assertThat(back.sessions()).hasSameSizeAs(demo.sessions());
    for (Session s : demo.sessions()) {
      Session b = back.session(s.id()).orElseThrow(() -> new AssertionError("no session " + s.id()));
      assertThat(b.start()).as(s.id()).isEqualTo(s.start());
      assertThat(b.end()).as(s.id()).isEqualTo(s.end());
      assertThat(b.title().en()).as(s.id()).isEqualTo(s.title().en());
      assertThat(b.description().en()).as(s.id()).isEqualTo(s.description().en());
      assertThat(b.type()).as(s.id()).isEqualTo(s.type());
      assertThat(b.speakers()).as(s.id()).isEqualTo(s.speakers());
      String room = demo.room(s.room()).orElseThrow().name().en();
      assertThat(back.room(b.room()).orElseThrow().name().en()).as(s.id()).isEqualTo(room);
      if (roomIds) {
        assertThat(b.room()).isEqualTo(s.room());
      }
    }
  }

  private static List<String> names(List<Room> rooms) {
    return rooms.stream().map(r -> r.name().en()).toList();
  }
}
