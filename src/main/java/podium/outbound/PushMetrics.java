package podium.outbound;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** What Web Push counts for GET /metrics: sends by result, and notices waiting in the outbox. */
public final class PushMetrics {

  private final Map<PushOutcome.Result, Counter> sent = new EnumMap<>(PushOutcome.Result.class);
  private final AtomicLong depth = new AtomicLong();

  public PushMetrics(MeterRegistry registry) {
    for (PushOutcome.Result r : PushOutcome.Result.values()) {
      sent.put(r, Counter.builder("podium.push.sent").tag("result", r.name().toLowerCase(java.util.Locale.ROOT))
          .description("pushes sent, by what the push service answered (retry: tried again later)").register(registry));
    }
    Gauge.builder("podium.push.outbox.depth", depth, AtomicLong::get)
        .description("notices waiting to be sent to phones, on every node (counted every few seconds)")
        .register(registry);
  }

  void sent(PushOutcome.Result result) {
    sent.get(result).increment();
  }

  void depth(long notices) {
    depth.set(notices);
  }
}
