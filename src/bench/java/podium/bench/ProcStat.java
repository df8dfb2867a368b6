package podium.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CPU time and heap of a child JVM, read from /proc and jcmd. */
final class ProcStat {

  private static final Pattern USED = Pattern.compile("used (\\d+)K");
  private static long ticks;

  private ProcStat() {
  }

  /** utime + stime of a process, in µs. Fields 14 and 15 of /proc/PID/stat, counted after the ")". */
  static long cpuMicros(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
      return t * 1_000_000L / clockTicks();
    } catch (IOException e) {
      return 0;
    }
  }

  /**
   * The same plus what its children that it waited for used (fields 16 and 17): a PostgreSQL
   * postmaster's, with its backends that have ended, in µs.
   */
  static long cpuMicrosWithEndedChildren(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      long t = Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
      return t * 1_000_000L / clockTicks();
    } catch (IOException e) {
      return 0;
    }
  }

  static synchronized long clockTicks() {
    if (ticks == 0) {
      ticks = 100;
      try {
        Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor() == 0 && out.matches("\\d+")) {
          ticks = Long.parseLong(out);
        }
      } catch (IOException | InterruptedException e) {
        // 100 is the Linux default
      }
    }
    return ticks;
  }

  /** Heap in use right after a full collection, in bytes. */
  static long heapAfterGc(long pid) {
    jcmd(pid, "GC.run");
    Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
    return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
  }

  /** Heap in use now, garbage included (no collection forced), in bytes. */
  static long heapUsed(long pid) {
    Matcher m = USED.matcher(jcmd(pid, "GC.heap_info"));
    return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
  }

  /** Resident set size (VmRSS in /proc/PID/status), in bytes. */
  static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
        }
      }
    } catch (IOException e) {
      // the process is gone
    }
    return -1;
  }

  static String jcmd(long pid, String... command) {
    try {
      java.util.List<String> cmd = new java.util.ArrayList<>();
      cmd.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
      cmd.add(String.valueOf(pid));
      cmd.addAll(java.util.List.of(command));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
      return out;
    } catch (IOException | InterruptedException e) {
      return "";
    }
  }
}
