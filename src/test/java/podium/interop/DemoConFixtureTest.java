package podium.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.event.SourcePlan;

/**
 * The DemoCon fixtures the console's import and follow tests upload (src/test/resources/imports):
 * democon.json, a pretalx export of a three-day conference, and democon-edited.json, its next
 * release with one talk moved to another room, one retimed, one retitled, one removed and one
 * added. Both are valid C3VOC schedule.json files, and they differ by exactly those five.
 */
@Tag("unit")
class DemoConFixtureTest {

  private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

  private static byte[] fixture(String name) throws IOException {
    return Files.readAllBytes(Path.of("src/test/resources/imports", name));
  }

  @Test
  void bothReleasesAreValidAgainstTheC3vocSchema() throws IOException {
    for (String name : new String[] {"democon.json", "democon-edited.json"}) {
      assertThat(Schemas.jsonErrors(new String(fixture(name), StandardCharsets.UTF_8))).as(name).isEmpty();
    }
  }

  @Test
  void theFirstReleaseIsAPretalxConferenceOfThreeDaysFourRoomsAndTwentyFiveSessions() throws IOException {
    Imported imported = ScheduleReader.read(fixture("democon.json"), "democon", AT);
    JsonObject summary = imported.summary();
    assertThat(imported.generator()).isEqualTo("pretalx 2024.3.1");
    assertThat(ScheduleReader.parse(fixture("democon.json")).suggestedSlug()).isEqualTo("democon");
    assertThat(imported.agenda().event().zone().getId()).isEqualTo("Europe/Berlin");
    assertThat(summary.getInteger("days")).isEqualTo(3);
    assertThat(summary.getInteger("rooms")).isEqualTo(4);
    assertThat(summary.getInteger("sessions")).isEqualTo(25);
    assertThat(summary.getInteger("speakers")).isEqualTo(18);
    assertThat(imported.warnings()).isEmpty();
    // pretalx's slugs are the acronym, the talk's number and its title's slug: the id is the last.
    assertThat(imported.agenda().session("accessible-venue-signage")).isPresent();
    assertThat(imported.guids()).hasSize(25);
  }

  @Test
  void theEditedReleaseMovesRetimesRetitlesRemovesAndAddsOneTalkEach() throws IOException {
    Imported first = ScheduleReader.read(fixture("democon.json"), "democon", AT);
    Imported next = ScheduleReader.build(ScheduleReader.parse(fixture("democon-edited.json")), "democon",
        Hints.replacing(first.agenda(), first.guids()), AT, (done, total) -> { });
    JsonObject counts = SourcePlan.replace(first.agenda(), next.agenda()).toJson().getJsonObject("counts");
    assertThat(counts.getLong("moved")).isEqualTo(1);
    assertThat(counts.getLong("retimed")).isEqualTo(1);
    assertThat(counts.getLong("updated")).isEqualTo(1);
    assertThat(counts.getLong("removed")).isEqualTo(1);
    assertThat(counts.getLong("added")).isEqualTo(1);
    assertThat(counts.getLong("unchanged")).isEqualTo(21);
  }
}
