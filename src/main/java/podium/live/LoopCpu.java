package podium.live;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/** The calling thread's CPU time, in nanoseconds (wall time where the JVM cannot tell). */
final class LoopCpu {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static final boolean MEASURED = THREADS.isCurrentThreadCpuTimeSupported();

  private LoopCpu() {
  }

  static long now() {
    return MEASURED ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
  }
}
