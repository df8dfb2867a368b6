package podium.bench;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** Opens all sockets through the generators and reports progress every 2 s; bounded in time. */
final class Connect {

  static final long LIMIT_MS = 300_000;

  private Connect() {
  }

  /** Seconds until every socket had its first snapshot. */
  static double all(String label, Generators gens, List<Integer> ports, int total, int window) {
    return all(label, gens, ports, total, window, 0);
  }

  static double all(String label, Generators gens, List<Integer> ports, int total, int window, int slowEvery) {
    long t0 = System.nanoTime();
    gens.connect(ports, window, slowEvery);
    long nextReport = t0 + 2_000_000_000L;
    long deadline = t0 + LIMIT_MS * 1_000_000L;
    JsonObject s = gens.status();
    while (s.getLong("ready", 0L) < total) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(label + ": only " + s.getLong("ready") + " of " + total
            + " sockets ready after " + LIMIT_MS / 1000 + " s: " + s.encode());
      }
      if (System.nanoTime() >= nextReport) {
        System.out.printf("  %s: %d/%d connected (open %d, connect failures %d)%n", label, s.getLong("ready"),
            total, s.getLong("open"), s.getLong("failures"));
        nextReport += 2_000_000_000L;
      }
      Sleep.millis(100);
      s = gens.status();
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("  %s: %d/%d connected in %.1f s (connect failures %d)%n", label, total, total, seconds,
        s.getLong("failures"));
    return seconds;
  }
}
