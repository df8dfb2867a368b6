package podium.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The physical floor: shared/tools/floor.c, compiled with gcc and run at the same socket count,
 * several times (--floor-passes), pinned to one core with taskset (CPU 1, the core --burst gives the
 * hub; the reader floor.c forks inherits it), so that every pass runs the same way. The floor is the
 * least CPU per write of the passes: floor.c is a plain C loop with no GC or JIT, so what a pass
 * costs above the least is what other processes on the shared cores did to it (caches, preemption),
 * not the write's own cost. The passes' median and most are reported beside it.
 */
final class Floor {

  /** The floor, every pass in the order run, and where the writer and reader ran. */
  record Result(double minimum, List<Double> passes, String placement) {

    static final Result NONE = new Result(-1, List.of(), "not measured");

    double median() {
      Double median = PodiumPhase.median(passes);
      return median == null ? -1 : median;
    }

    double maximum() {
      return passes.stream().mapToDouble(Double::doubleValue).max().orElse(-1);
    }

    JsonObject json() {
      return new JsonObject().put("us_per_write_min", minimum).put("us_per_write_median", PodiumPhase.round(median()))
          .put("us_per_write_max", maximum())
          .put("spread_max_over_min", minimum > 0 ? PodiumPhase.round(maximum() / minimum) : null)
          .put("passes", new JsonArray(new ArrayList<>(passes))).put("placement", placement);
    }
  }

  /** floor.c's reader process holds all N sockets in one process: keep it under the 20k file limit. */
  static final int MAX_SOCKETS = 18_000;
  static final String CPU = "1";
  private static final Pattern US = Pattern.compile("([0-9.]+) us CPU per write");

  private Floor() {
  }

  /** passes runs of floor.c; Result.NONE when floor.c is missing or gcc fails. */
  static Result measure(Path source, Path work, int sockets, int passes) throws InterruptedException {
    try {
      Path binary = compile(source, work);
      if (binary == null) {
        return Result.NONE;
      }
      boolean pin = Runtime.getRuntime().availableProcessors() >= 2;
      List<Double> figures = new ArrayList<>();
      for (int p = 0; p < passes; p++) {
        double us = pass(binary, work, Math.min(sockets, MAX_SOCKETS), pin);
        System.out.printf("  floor pass %d of %d: %s%n", p + 1, passes, us > 0 ? us + " µs CPU per write" : "failed");
        if (us > 0) {
          figures.add(us);
        }
      }
      if (figures.isEmpty()) {
        return Result.NONE;
      }
      Result r = new Result(figures.stream().mapToDouble(Double::doubleValue).min().orElseThrow(), figures,
          pin ? "writer and reader on CPU " + CPU + " (taskset)" : "not pinned (1 CPU)");
      System.out.printf("  floor: %.2f µs (least of %d passes; median %.2f, most %.2f), %s%n", r.minimum(),
          figures.size(), r.median(), r.maximum(), r.placement());
      return r;
    } catch (IOException e) {
      System.out.println("  floor: " + e.getMessage());
      return Result.NONE;
    }
  }

  private static Path compile(Path source, Path work) throws IOException, InterruptedException {
    if (!source.toFile().isFile()) {
      System.out.println("  floor: " + source + " not found");
      return null;
    }
    Path binary = work.resolve("floor").toAbsolutePath();
    Path log = work.resolve("floor.log");
    Process gcc = Children.start(List.of("gcc", "-O2", "-o", binary.toString(), source.toString()), Map.of(), log,
        false);
    if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
      System.out.println("  floor: gcc failed, see " + log);
      return null;
    }
    return binary;
  }

  /** One run of floor.c: µs of CPU per 200-byte write, or -1. */
  private static double pass(Path binary, Path work, int sockets, boolean pin) throws IOException,
      InterruptedException {
    List<String> command = new ArrayList<>();
    if (pin) {
      command.addAll(List.of("taskset", "-c", CPU));
    }
    command.addAll(List.of(binary.toString(), String.valueOf(sockets), "20"));
    Process run = Children.start(command, Map.of(), work.resolve("floor.log"), true);
    String out = new String(run.getInputStream().readAllBytes());
    if (!run.waitFor(120, TimeUnit.SECONDS)) {
      Children.kill(run);
    }
    Matcher m = US.matcher(out);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }
}
