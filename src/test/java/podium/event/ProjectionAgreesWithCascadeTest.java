package podium.event;

import static org.assertj.core.api.Assertions.assertThat;
import static podium.event.ProjectionTest.at;
import static podium.event.ProjectionTest.run;
import static podium.event.ProjectionTest.start;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import podium.DemoEvent;

/**
 * The session.delay cascade and the projection share one walk: delaying a session by N minutes with
 * cascade puts every later session of its room where the projection expects it when that session
 * runs N minutes over, or starts N minutes late. Sessions in front of a gap, a long break and a
 * short one; overruns the break absorbs, just fills, and cannot.
 */
@Tag("unit")
class ProjectionAgreesWithCascadeTest {

  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final Agenda DEMO = DemoEvent.agenda().withoutCues();

  static Stream<Arguments> overruns() {
    return Stream.of("keynote-gan-yong", "keynote-wang-haizhou", "awards-ceremony", "academic-conference-1",
        "matchmaking-meeting-1").flatMap(s -> Stream.of(1, 5, 10, 15, 16, 20, 45).map(n -> Arguments.of(s, n)));
  }

  @ParameterizedTest(name = "{0} {1} min over")
  @MethodSource("overruns")
  void delayingARunningSessionWithCascadeIsWhereItsOverrunIsProjected(String id, int minutes) {
    Session planned = DEMO.session(id).orElseThrow();
    Agenda live = start(DEMO, local(planned.start()), id);
    Agenda cascaded = delay(live, id, minutes);
    RunningLate projected = RunningLate.at(live, planned.end().plus(Duration.ofMinutes(minutes)));
    assertThat(expected(live, projected, planned)).isEqualTo(times(cascaded, planned));
  }

  @ParameterizedTest(name = "{0} started {1} min late")
  @MethodSource("overruns")
  void delayingAScheduledSessionWithCascadeIsWhereItsLateStartIsProjected(String id, int minutes) {
    Session planned = DEMO.session(id).orElseThrow();
    Instant lateStart = planned.start().plus(Duration.ofMinutes(minutes));
    Agenda startedLate = start(DEMO, local(lateStart), id);
    Agenda cascaded = delay(DEMO, id, minutes);
    RunningLate projected = RunningLate.at(startedLate, lateStart);
    assertThat(expected(startedLate, projected, planned)).isEqualTo(times(cascaded, planned));
  }

  private static Agenda delay(Agenda agenda, String id, int minutes) {
    return run(agenda, "08:00", "{\"type\":\"session.delay\",\"session\":\"" + id + "\",\"minutes\":" + minutes
        + ",\"cascade\":true}");
  }

  /** The other scheduled sessions of x's room at their expected times: the projection's, or their own when not listed. */
  private static Map<String, String> expected(Agenda agenda, RunningLate projected, Session x) {
    Map<String, RunningLate.Expected> late = new TreeMap<>();
    projected.room(x.room()).forEach(e -> late.put(e.session(), e));
    Map<String, String> times = new TreeMap<>();
    for (Session s : agenda.sessions()) {
      if (s.room().equals(x.room()) && !s.id().equals(x.id()) && s.status() == Session.Status.SCHEDULED) {
        RunningLate.Expected e = late.get(s.id());
        times.put(s.id(), e == null ? span(s.start(), s.end()) : span(e.start(), e.end()));
      }
    }
    return times;
  }

  private static Map<String, String> times(Agenda agenda, Session x) {
    Map<String, String> times = new TreeMap<>();
    for (Session s : agenda.sessions()) {
      if (s.room().equals(x.room()) && !s.id().equals(x.id()) && s.status() == Session.Status.SCHEDULED) {
        times.put(s.id(), span(s.start(), s.end()));
      }
    }
    return times;
  }

  private static String span(Instant start, Instant end) {
    return local(start) + "-" + local(end);
  }

  private static String local(Instant at) {
    return at.atZone(ZONE).toLocalTime().toString();
  }
}
