package podium.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.AsyncResult;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import podium.event.CommandRejected;
import podium.event.ErrorCode;
import podium.event.Press;

/**
 * The meters of presses. podium_presses_total{source, action, result}: each press by where it came
 * from, its action and how it ended (ok, repeat: inside another press's window, or the refusal
 * code). Each also counts in podium_commands_total{type, result} as its catalogue command, beside
 * the commands sent to the command API (Micrometer shares a series by name and tags), so a
 * button's command is counted like any other. Every tag value comes from a fixed set.
 */
final class DeskMetrics {

  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  DeskMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void pressed(StageDesk.Source source, Press.Action action, AsyncResult<StageDesk.Pressed> done) {
    String code = done.succeeded() ? null : done.cause() instanceof CommandRejected r ? r.code().wire()
        : ErrorCode.UNAVAILABLE.wire();
    String press = code != null ? code : done.result().repeat() ? "repeat" : "ok";
    String command = code != null ? code : done.result().replayed() ? "replayed" : "ok";
    count("podium.presses", "presses of stage buttons and desks, by source, action and result",
        "source", source.name().toLowerCase(Locale.ROOT), "action", action.wire(), press);
    count("podium.commands", "staff commands answered, by type and result", "type", action.type(), null, null, command);
  }

  private void count(String name, String description, String k1, String v1, String k2, String v2, String result) {
    counters.computeIfAbsent(name + ' ' + v1 + ' ' + v2 + ' ' + result, k -> {
      Counter.Builder b = Counter.builder(name).description(description).tag(k1, v1).tag("result", result);
      return (k2 == null ? b : b.tag(k2, v2)).register(registry);
    }).increment();
  }
}
