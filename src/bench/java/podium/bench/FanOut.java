package podium.bench;

import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * One measured fan-out: send K frames at a fixed rate, wait until every socket has the last one
 * (bounded), then gather delivery latencies, losses and the server's CPU over the window.
 */
final class FanOut {

  /** What one fan-out measured. Latencies in µs. */
  record Result(Histogram delivery, Histogram post, List<Long> lastSubscriberMicros, long frames, long lost,
      long gaps, long duplicates, long cpuMicros, long generatorCpuMicros, double seconds,
      double idleCpuMicrosPerSecond, List<Double> passCpuMicrosPerFrame) {

    /** The median of the passes' CPU per frame (see PASSES), or 0 with no passes. */
    double passMedian() {
      List<Double> sorted = passCpuMicrosPerFrame.stream().sorted().toList();
      int n = sorted.size();
      return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    double passMin() {
      return passCpuMicrosPerFrame.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    double passMax() {
      return passCpuMicrosPerFrame.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    /** The passes' figures, for latest.json. */
    JsonObject passFigures() {
      return new JsonObject().put("cpu_us_per_frame_passes", new io.vertx.core.json.JsonArray(
              new ArrayList<>(passCpuMicrosPerFrame)))
          .put("cpu_us_per_frame_pass_min", PodiumPhase.round(passMin()))
          .put("cpu_us_per_frame_pass_median", PodiumPhase.round(passMedian()))
          .put("cpu_us_per_frame_pass_max", PodiumPhase.round(passMax()));
    }

    /** CPU per frame less what the server burns when idle (timers, GC) over the same window. */
    double netCpuMicrosPerFrame() {
      return frames == 0 ? 0 : Math.max(0, cpuMicros - idleCpuMicrosPerSecond * seconds) / frames;
    }

    double cpuMicrosPerFrame() {
      return frames == 0 ? 0 : (double) cpuMicros / frames;
    }

    /** What the load generators spent reading each frame, on the same cores. */
    double generatorCpuMicrosPerFrame() {
      return frames == 0 ? 0 : (double) generatorCpuMicros / frames;
    }

    /**
     * How soon the last of n subscribers could have a frame if the machine's cores did nothing but
     * write it and read it: n × (server + generator CPU per frame) / cores.
     */
    double cpuBoundLastSubscriberMs(int subscribers) {
      return subscribers * (cpuMicrosPerFrame() + generatorCpuMicrosPerFrame())
          / Runtime.getRuntime().availableProcessors() / 1000.0;
    }

    double medianLastSubscriberMs() {
      List<Long> sorted = new ArrayList<>(lastSubscriberMicros);
      Collections.sort(sorted);
      return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2) / 1000.0;
    }
  }

  static final long SETTLE_MS = 30_000;
  static final long IDLE_MS = 2_000;
  /**
   * The measured commands are also cut into this many consecutive passes, each with its own CPU per
   * frame (the server's CPU read just before each command is sent): the spread of the passes shows
   * how much the machine moved during the one measurement.
   */
  static final int PASSES = 5;

  private FanOut() {
  }

  /**
   * Sends {@code warmup} unmeasured frames first (the JIT compiles the hot path on them), then
   * {@code count} measured ones; send(i) gets a running index over both.
   */
  static Result run(Generators gens, int subscribers, int warmup, int count, double rate,
      IntFunction<Staff.Sent> send, LongSupplier cpu) {
    if (warmup > 0) {
      List<Staff.Sent> warm = paced(0, warmup, rate, send, null);
      settle(gens, subscribers, warm.get(warm.size() - 1).version());
    }
    gens.all("mark", 10_000);
    long idle0 = cpu.getAsLong();
    Sleep.millis(IDLE_MS);
    double idle = (cpu.getAsLong() - idle0) * 1000.0 / IDLE_MS;
    Histogram post = new Histogram(60_000_000L, 3);
    long cpu0 = cpu.getAsLong();
    long genCpu0 = gens.cpuMicros();
    long t0 = System.nanoTime();
    long[] cpuAt = new long[count + 1];
    List<Staff.Sent> sent = paced(warmup, count, rate, send, post, i -> cpuAt[i] = cpu.getAsLong());
    settle(gens, subscribers, sent.get(sent.size() - 1).version());
    long cpu1 = cpu.getAsLong();
    cpuAt[count] = cpu1;
    long genCpu = gens.cpuMicros() - genCpu0;
    double seconds = (System.nanoTime() - t0) / 1e9;
    JsonObject status = gens.status();
    return gather(gens, subscribers, sent, post, new long[] {cpu1 - cpu0, genCpu}, seconds, status, idle, cpuAt);
  }

  private static List<Staff.Sent> paced(int first, int count, double rate, IntFunction<Staff.Sent> send,
      Histogram post) {
    return paced(first, count, rate, send, post, i -> { });
  }

  /** before(i) runs just before the i-th send (0-based within this call), once its time has come. */
  private static List<Staff.Sent> paced(int first, int count, double rate, IntFunction<Staff.Sent> send,
      Histogram post, java.util.function.IntConsumer before) {
    List<Staff.Sent> sent = new ArrayList<>();
    long t0 = System.nanoTime();
    long interval = (long) (1e9 / rate);
    for (int i = 0; i < count; i++) {
      Sleep.millis((t0 + i * interval - System.nanoTime()) / 1_000_000);
      before.accept(i);
      Staff.Sent s = send.apply(first + i);
      sent.add(s);
      if (post != null) {
        post.recordValue(s.latencyMicros());
      }
    }
    return sent;
  }

  /** Waits, bounded, until every socket has the given version. */
  private static void settle(Generators gens, int subscribers, long version) {
    gens.all("target " + version, 10_000);
    long deadline = System.nanoTime() + SETTLE_MS * 1_000_000L;
    while (System.nanoTime() < deadline && gens.status().getLong("atTarget", 0L) < subscribers) {
      Sleep.millis(50);
    }
  }

  /** cpu: the server's and the generators' CPU over the window, in µs. */
  private static Result gather(Generators gens, int subscribers, List<Staff.Sent> sent, Histogram post, long[] cpu,
      double seconds, JsonObject status, double idle, long[] cpuAt) {
    StringBuilder arg = new StringBuilder();
    for (Staff.Sent s : sent) {
      arg.append(arg.length() == 0 ? "" : ",").append(s.version()).append(':').append(s.sentMicros());
    }
    Histogram delivery = new Histogram(120_000_000L, 3);
    long[] lastReceipt = new long[sent.size()];
    long[] framesOf = new long[sent.size()];
    long frames = 0;
    for (JsonObject r : gens.all("latency " + arg, 60_000)) {
      delivery.add(decode(r.getString("histogram")));
      for (int i = 0; i < sent.size(); i++) {
        String v = String.valueOf(sent.get(i).version());
        long got = r.getJsonObject("counts").getLong(v, 0L);
        frames += got;
        framesOf[i] += got;
        lastReceipt[i] = Math.max(lastReceipt[i], r.getJsonObject("last").getLong(v, 0L));
      }
    }
    List<Long> toLast = new ArrayList<>();
    for (int i = 0; i < sent.size(); i++) {
      toLast.add(lastReceipt[i] == 0 ? 0 : lastReceipt[i] - sent.get(i).sentMicros());
    }
    long lost = (long) subscribers * sent.size() - frames;
    return new Result(delivery, post, toLast, frames, lost, status.getLong("gaps", 0L),
        status.getLong("duplicates", 0L), cpu[0], cpu[1], seconds, idle, passes(cpuAt, framesOf));
  }

  /** CPU per frame of each of PASSES consecutive runs of commands (fewer with fewer commands). */
  private static List<Double> passes(long[] cpuAt, long[] framesOf) {
    int count = framesOf.length;
    int passes = Math.min(PASSES, count);
    List<Double> out = new ArrayList<>();
    for (int p = 0; p < passes; p++) {
      int from = p * count / passes;
      int to = (p + 1) * count / passes;
      long frames = 0;
      for (int i = from; i < to; i++) {
        frames += framesOf[i];
      }
      out.add(frames == 0 ? 0 : Math.round((cpuAt[to] - cpuAt[from]) * 100.0 / frames) / 100.0);
    }
    return out;
  }

  private static Histogram decode(String base64) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
    } catch (java.util.zip.DataFormatException e) {
      throw new IllegalStateException("a generator sent a broken histogram", e);
    }
  }
}
