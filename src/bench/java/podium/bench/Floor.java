package podium.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The physical floor: shared/tools/floor.c, compiled with gcc and run at the same socket count. */
final class Floor {

  /** floor.c's reader process holds all N sockets in one process: keep it under the 20k file limit. */
  static final int MAX_SOCKETS = 18_000;
  private static final Pattern US = Pattern.compile("([0-9.]+) us CPU per write");

  private Floor() {
  }

  /** µs of CPU per 200-byte write, or -1 when floor.c is missing or gcc fails. */
  static double measure(Path source, Path work, int sockets) throws InterruptedException {
    try {
      return compileAndRun(source, work, sockets);
    } catch (IOException e) {
      System.out.println("  floor: " + e.getMessage());
      return -1;
    }
  }

  private static double compileAndRun(Path source, Path work, int sockets) throws IOException, InterruptedException {
    if (!source.toFile().isFile()) {
      System.out.println("  floor: " + source + " not found");
      return -1;
    }
    Path binary = work.resolve("floor").toAbsolutePath();
    Path log = work.resolve("floor.log");
    Process gcc = Children.start(List.of("gcc", "-O2", "-o", binary.toString(), source.toString()), Map.of(), log,
        false);
    if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
      System.out.println("  floor: gcc failed, see " + log);
      return -1;
    }
    Process run = Children.start(List.of(binary.toString(), String.valueOf(Math.min(sockets, MAX_SOCKETS)), "20"),
        Map.of(), log, true);
    String out = new String(run.getInputStream().readAllBytes());
    if (!run.waitFor(120, TimeUnit.SECONDS)) {
      Children.kill(run);
    }
    Matcher m = US.matcher(out);
    System.out.println("  floor: " + out.trim());
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }
}
