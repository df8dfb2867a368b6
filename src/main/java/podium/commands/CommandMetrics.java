package podium.commands;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import podium.event.Catalogue;

/**
 * podium_commands_total{type, result}: every command answered, by its type and how it ended (ok,
 * or the refusal code). A type not in the catalogue counts as "unknown", so a client cannot add
 * series by making up types.
 */
final class CommandMetrics {

  private static final Set<String> TYPES = Catalogue.entries().stream().map(Catalogue.Entry::type)
      .collect(Collectors.toUnmodifiableSet());

  private final MeterRegistry registry;
  private final Map<String, Counter> counters = new ConcurrentHashMap<>();

  CommandMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  static String typeOf(Object type) {
    return type instanceof String t && TYPES.contains(t) ? t : "unknown";
  }

  void count(String type, String result) {
    counters.computeIfAbsent(type + ' ' + result, k -> Counter.builder("podium.commands")
        .description("staff commands answered, by type and result").tag("type", type).tag("result", result)
        .register(registry)).increment();
  }
}
