package podium.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Podium hub nodes as child processes (podium.Main), one port each, so that their CPU can be read
 * from /proc. They run from the hub jar (--hub-classpath, target/podium.jar by default), as deployed,
 * not on the bench's classpath. They run with -Xms1g; extra JVM options for the hubs come from
 * PODIUM_BENCH_HUB_JAVA_OPTS (later options win); --jfr adds a
 * flight recording that the bench dumps around the fan-out.
 */
final class Hubs {

  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(2)).build();

  private final BenchOptions options;
  private final Map<String, String> env;
  private final Process[] nodes;
  private Path classArchive;

  Hubs(BenchOptions options, Map<String, String> dbEnv) {
    this.options = options;
    this.env = dbEnv;
    this.nodes = new Process[options.nodes()];
  }

  /**
   * Starts one hub and stops it cleanly, so that its JVM writes a class-data archive (AppCDS) of
   * every class a hub loads. Later starts, the storm's restart among them, map that archive instead
   * of loading and verifying those classes from the jar: a third off a node's start (docs/SCALING.md
   * shows a deployment doing the same). --no-cds skips it.
   */
  void trainClassArchive() throws IOException {
    Path archive = options.work().resolve("hub.jsa").toAbsolutePath();
    Files.deleteIfExists(archive);
    nodes[0] = launch(0, List.of("-XX:ArchiveClassesAtExit=" + archive), "hub-cds-training.log");
    awaitReady(0, 120);
    nodes[0].destroy(); // SIGTERM: Main drains and exits, and the JVM writes the archive on the way out
    try {
      nodes[0].waitFor(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    classArchive = Files.isRegularFile(archive) ? archive : null;
    System.out.println("  class-data archive for the hubs: " + (classArchive != null ? classArchive : "not written"));
  }

  void startAll() throws IOException {
    for (int i = 0; i < nodes.length; i++) {
      start(i);
    }
    for (int i = 0; i < nodes.length; i++) {
      awaitReady(i, 120);
    }
  }

  void start(int node) throws IOException {
    nodes[node] = launch(node, classArchive == null ? List.of() : List.of("-XX:SharedArchiveFile=" + classArchive),
        "hub-" + (node + 1) + ".log");
  }

  private Process launch(int node, List<String> more, String log) throws IOException {
    Map<String, String> e = new HashMap<>(env);
    e.put("PODIUM_HTTP_PORT", String.valueOf(options.hubPort(node)));
    e.put("PODIUM_NODE_NAME", "bench-" + (node + 1));
    // As deployed (docs/SCALING.md): a heap that starts big enough for ~15k sockets, so that a node
    // taking a storm of reconnects is not also growing its heap in a run of copying collections.
    List<String> jvm = new ArrayList<>(List.of("-Xms1g"));
    jvm.addAll(more);
    String extra = System.getenv("PODIUM_BENCH_HUB_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      jvm.addAll(List.of(extra.trim().split("\\s+")));
    }
    if (options.jfr()) {
      jvm.add("-XX:StartFlightRecording=name=hub,settings=profile,filename="
          + options.work().resolve("hub-" + (node + 1) + "-exit.jfr").toAbsolutePath());
    }
    return Children.java("podium.Main", jvm, List.of(), e, options.hubClasspath(), options.work().resolve(log), false,
        options.cpuOf("hub"));
  }

  /** One try: whether a hub answers 200 for the demo event at this address (false while it is not listening). */
  static boolean servesDemo(URI uri) {
    try {
      return HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Ready when the node serves the demo event from memory. */
  void awaitReady(int node, int seconds) {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    URI uri = URI.create("http://127.0.0.1:" + options.hubPort(node) + "/api/events/baotou-2023");
    while (System.nanoTime() < deadline) {
      if (!nodes[node].isAlive()) {
        throw new IllegalStateException("hub " + (node + 1) + " exited; see " + options.work() + "/hub-" + (node + 1) + ".log");
      }
      if (servesDemo(uri)) {
        return;
      }
      Sleep.millis(100);
    }
    throw new IllegalStateException("hub " + (node + 1) + " not ready within " + seconds + " s");
  }

  /** kill -9: no drain, no goodbye frames; the kernel closes its sockets. */
  void kill(int node) {
    Children.kill(nodes[node]);
  }

  long pid(int node) {
    return nodes[node].pid();
  }

  long cpuMicros() {
    long sum = 0;
    for (Process p : nodes) {
      sum += ProcStat.cpuMicros(p.pid());
    }
    return sum;
  }

  long heapAfterGc() {
    long sum = 0;
    for (Process p : nodes) {
      sum += ProcStat.heapAfterGc(p.pid());
    }
    return sum;
  }

  void jfrStart(String name) {
    if (options.jfr()) {
      for (Process p : nodes) {
        ProcStat.jcmd(p.pid(), "JFR.start", "name=" + name, "settings=profile");
      }
    }
  }

  /** Stops a recording and returns the files it wrote. */
  List<Path> jfrStop(String name) {
    List<Path> files = new ArrayList<>();
    if (options.jfr()) {
      for (int i = 0; i < nodes.length; i++) {
        Path f = options.work().resolve("hub-" + (i + 1) + "-" + name + ".jfr").toAbsolutePath();
        ProcStat.jcmd(nodes[i].pid(), "JFR.stop", "name=" + name, "filename=" + f);
        files.add(f);
      }
    }
    return files;
  }

  void stopAll() {
    for (Process p : nodes) {
      if (p != null) {
        Children.kill(p);
      }
    }
  }
}
