package podium.bench;

import java.time.Instant;

/** Wall-clock time in microseconds: every bench process is on one machine, so one clock serves them all. */
final class Micros {

  private Micros() {
  }

  static long now() {
    Instant t = Instant.now();
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }
}
