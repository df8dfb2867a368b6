package podium.imports;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What following a schedule shows in GET /metrics: polls by result (on the node that polls) and,
 * per followed event on every node (read every few seconds), when it was last polled, last
 * changed something and last failed, and the failures in a row.
 */
final class FollowMetrics {

  private final MeterRegistry registry;
  private final Map<String, Counter> polls = new java.util.HashMap<>();
  private final List<MultiGauge> gauges;
  private final List<Function<FollowTable.Follow, Number>> readings = List.of(
      f -> seconds(f.lastPollAt()), f -> seconds(f.lastChangeAt()), f -> seconds(f.lastErrorAt()), f -> f.failures());

  FollowMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.gauges = List.of(
        gauge("podium.follow.last.poll.timestamp.seconds", "when the followed schedule was last read (0: never)"),
        gauge("podium.follow.last.change.timestamp.seconds", "when a release of it last changed the event (0: never)"),
        gauge("podium.follow.last.error.timestamp.seconds", "when reading or applying it last failed (0: never)"),
        gauge("podium.follow.failures", "polls or applies that failed in a row (0: the last one worked)"));
    for (String result : List.of("release", "unchanged", "not_modified", "failed")) {
      polls.put(result, Counter.builder("podium.follow.polls").tag("result", result)
          .description("polls of followed schedules by this node, by what they found").register(registry));
    }
  }

  private MultiGauge gauge(String name, String description) {
    return MultiGauge.builder(name).description(description).register(registry);
  }

  /** result: release (a new one), unchanged (the same bytes), not_modified (304), failed. */
  void polled(String result) {
    polls.get(result).increment();
  }

  /** The follows as they stand: one series per event. */
  void show(List<FollowTable.Follow> follows) {
    for (int i = 0; i < gauges.size(); i++) {
      Function<FollowTable.Follow, Number> reading = readings.get(i);
      gauges.get(i).register(follows.stream().map(f -> MultiGauge.Row.of(Tags.of("event", f.slug()), reading.apply(f)))
          .toList(), true);
    }
  }

  private static long seconds(Instant at) {
    return at == null ? 0 : at.getEpochSecond();
  }
}
