package podium.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.Socket;
import java.util.List;

/** The raw Vert.x baseline, driven by the same generators at the same N, rate and frame size. */
final class RawPhase {

  private RawPhase() {
  }

  static PodiumPhase.Measured run(BenchOptions options, Generators gens, int frameBytes) throws IOException {
    int n = options.subscribers();
    int port = options.rawPort();
    Process raw = Children.java("podium.bench.RawServer", List.of(), List.of(String.valueOf(port)),
        java.util.Map.of(), options.classpath(), options.work().resolve("raw.log"), false);
    try {
      awaitPort(port, raw);
      double connect = Connect.all("raw", gens, List.of(port), n, options.window());
      FanOut.Result fan = FanOut.run(gens, n, options.warmup(), options.commands(), options.rate(),
          i -> Staff.blast(port, i + 1, frameBytes), () -> ProcStat.cpuMicros(raw.pid()));
      System.out.printf("  raw fan-out: %d frames, lost %d, p99 %.1f ms, %.2f µs CPU/frame%n", fan.frames(),
          fan.lost(), fan.delivery().getValueAtPercentile(99) / 1000.0, fan.cpuMicrosPerFrame());
      gens.all("close", 60_000);
      JsonObject figures = new JsonObject()
          .put("delivery_p50_ms", PodiumPhase.ms(fan.delivery().getValueAtPercentile(50)))
          .put("delivery_p99_ms", PodiumPhase.ms(fan.delivery().getValueAtPercentile(99)))
          .put("delivery_max_ms", PodiumPhase.ms(fan.delivery().getMaxValue()))
          .put("delivery_last_subscriber_median_ms", PodiumPhase.round(fan.medianLastSubscriberMs()))
          .put("cpu_us_per_frame", PodiumPhase.round(fan.cpuMicrosPerFrame()))
          .put("generator_cpu_us_per_frame", PodiumPhase.round(fan.generatorCpuMicrosPerFrame()))
          .put("cpu_bound_last_subscriber_ms", PodiumPhase.round(fan.cpuBoundLastSubscriberMs(options.subscribers())))
          .put("cpu_us_per_frame_net_of_idle", PodiumPhase.round(fan.netCpuMicrosPerFrame()))
          .put("connect_s", PodiumPhase.round(connect))
          .put("frames", fan.frames()).put("lost", fan.lost()).put("gaps", fan.gaps())
          .put("frame_bytes", frameBytes);
      figures.mergeIn(fan.passFigures());
      return new PodiumPhase.Measured(figures, fan.delivery(), frameBytes);
    } finally {
      Children.kill(raw);
    }
  }

  private static void awaitPort(int port, Process raw) {
    for (int i = 0; i < 600 && raw.isAlive(); i++) {
      try (Socket s = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException e) {
        Sleep.millis(100);
      }
    }
    throw new IllegalStateException("the raw server did not listen on " + port);
  }
}
