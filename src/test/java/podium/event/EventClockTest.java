package podium.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.DemoEvent;

/** The event clock: the demo's simulated one, jumps, speed, pause, and what start records by it. */
@Tag("unit")
class EventClockTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Instant SEEDED = Instant.parse("2026-12-01T09:00:00Z");

  private static Instant local(String t) {
    return LocalDateTime.parse(t).atZone(ZONE).toInstant();
  }

  private static Change run(Agenda agenda, String json, Instant real) {
    return Catalogue.parse(new JsonObject(json)).decide(agenda, Facts.on(agenda, real, "t", "test:admin", Role.ADMIN, null, null));
  }

  @Test
  void theDemoStartsTwoMinutesBeforeTheOpeningAndRunsInRealTime() {
    EventClock clock = DemoEvent.agenda(SEEDED).event().clock();
    assertThat(clock.at(SEEDED)).isEqualTo(local("2023-08-16T08:28"));
    assertThat(clock.at(SEEDED.plus(Duration.ofMinutes(7)))).isEqualTo(local("2023-08-16T08:35"));
  }

  @Test
  void aClockJumpsRunsFasterPausesAndReturnsToRealTime() {
    Agenda demo = DemoEvent.agenda(SEEDED);
    Instant later = SEEDED.plus(Duration.ofMinutes(1));
    Agenda fast = demo.apply(run(demo, "{\"type\":\"clock.set\",\"at\":\"2023-08-16T11:15\",\"speed\":10}", later));
    assertThat(fast.event().clock().at(later.plusSeconds(60))).isEqualTo(local("2023-08-16T11:25"));
    Agenda paused = fast.apply(run(fast, "{\"type\":\"clock.set\",\"paused\":true}", later.plusSeconds(60)));
    assertThat(paused.event().clock().at(later.plusSeconds(3600))).as("paused where it was")
        .isEqualTo(local("2023-08-16T11:25"));
    Agenda real = paused.apply(run(paused, "{\"type\":\"clock.set\",\"mode\":\"real\"}", later));
    assertThat(real.event().clock()).isEqualTo(EventClock.REAL);
    assertThatThrownBy(() -> run(real, "{\"type\":\"clock.set\",\"mode\":\"real\"}", later))
        .extracting(e -> ((CommandRejected) e).code()).isEqualTo(ErrorCode.INVALID_STATE);
    for (String bad : new String[] {"{\"type\":\"clock.set\",\"speed\":100}", "{\"type\":\"clock.set\",\"speed\":0.1}",
        "{\"type\":\"clock.set\",\"mode\":\"lunar\"}", "{\"type\":\"clock.set\",\"mode\":\"real\",\"speed\":2}",
        "{\"type\":\"clock.set\",\"at\":\"soon\"}"}) {
      assertThatThrownBy(() -> run(demo, bad, later)).as(bad)
          .extracting(e -> ((CommandRejected) e).code()).isEqualTo(ErrorCode.INVALID_FIELD);
    }
  }

  @Test
  void startRecordsTheEventsTimeOnASimulatedClock() {
    Agenda demo = DemoEvent.agenda(SEEDED);
    Instant real = SEEDED.plus(Duration.ofMinutes(42)); // 09:10 on the demo's clock
    Agenda started = demo.apply(run(demo, "{\"type\":\"session.start\",\"session\":\"keynote-gan-yong\"}", real));
    assertThat(started.session("keynote-gan-yong").orElseThrow().start()).isEqualTo(local("2023-08-16T09:10"));
  }
}
