package podium.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The 38C3-shaped fixture is what it says: valid against the C3VOC schema, and read whole. */
@Tag("unit")
class CongressScheduleTest {

  @Test
  void theFirstReleaseAndAnEditedOneAreValidSchedulesOfAThousandAndSevenTalks() {
    CongressSchedule first = CongressSchedule.first();
    CongressSchedule next = first.with(3, t -> null).with(10, t -> t.at("Saal 1", t.start().plusHours(2)));
    for (CongressSchedule release : java.util.List.of(first, next)) {
      assertThat(Schemas.jsonErrors(new String(release.json(), StandardCharsets.UTF_8))).isEmpty();
    }
    Imported read = ScheduleReader.read(first.json(), "38c3", Instant.parse("2024-12-01T00:00:00Z"));
    assertThat(read.agenda().sessions()).hasSize(CongressSchedule.TALKS);
    assertThat(read.agenda().rooms()).hasSize(20);
    assertThat(read.agenda().event().days()).hasSize(4);
    assertThat(read.warnings()).isEmpty();
    assertThat(ScheduleReader.read(next.json(), "38c3", Instant.parse("2024-12-01T00:00:00Z")).agenda().sessions())
        .hasSize(CongressSchedule.TALKS - 1);
  }
}
