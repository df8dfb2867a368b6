package podium.hostile;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The heap in use after a full collection: what a node in this JVM keeps, not its garbage. */
final class Heap {

  private Heap() {
  }

  static long usedAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    long least = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      System.gc();
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
    }
    return least;
  }
}
