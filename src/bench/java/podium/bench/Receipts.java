package podium.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/** When each socket received each measured version; filled from every event loop of a generator. */
final class Receipts {

  /** The receipt times of one version, one slot per socket. */
  private static final class Version {
    final AtomicInteger count = new AtomicInteger();
    final long[] micros;

    Version(int sockets) {
      micros = new long[sockets];
    }
  }

  private final Map<Long, Version> versions = new ConcurrentHashMap<>();
  private final int capacity;

  Receipts(int capacity) {
    this.capacity = capacity;
  }

  void record(long version, long micros) {
    Version v = versions.computeIfAbsent(version, k -> new Version(capacity));
    int slot = v.count.getAndIncrement();
    if (slot < capacity) {
      v.micros[slot] = micros;
    }
  }

  int count(long version) {
    Version v = versions.get(version);
    return v == null ? 0 : Math.min(v.count.get(), capacity);
  }

  /** Delivery latency of every receipt of the given versions, from each version's send time. */
  Histogram latencies(Map<Long, Long> sentMicros) {
    Histogram h = new Histogram(120_000_000L, 3);
    sentMicros.forEach((version, sent) -> {
      Version v = versions.get(version);
      if (v != null) {
        for (int i = 0, n = Math.min(v.count.get(), capacity); i < n; i++) {
          h.recordValue(Math.max(0, v.micros[i] - sent));
        }
      }
    });
    return h;
  }

  /** The last receipt of a version, in µs since the epoch, or 0 when nobody got it. */
  long lastReceipt(long version) {
    Version v = versions.get(version);
    long last = 0;
    if (v != null) {
      for (int i = 0, n = Math.min(v.count.get(), capacity); i < n; i++) {
        last = Math.max(last, v.micros[i]);
      }
    }
    return last;
  }
}
