package podium.bench;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** The load-generator processes, driven over their stdin; each holds at most --per-generator sockets. */
final class Generators implements AutoCloseable {

  /** One generator process and the answers it has printed. */
  private record Child(Process process, PrintStream in, BlockingQueue<JsonObject> answers, int sockets,
      List<String> addresses) { }

  static final int SOCKETS_PER_ADDRESS = 4_000;
  private final List<Child> children = new ArrayList<>();

  Generators(BenchOptions options) throws IOException {
    int left = options.subscribers();
    int address = 2;
    for (int g = 0; g < options.generators(); g++) {
      int sockets = Math.min(left, options.perGenerator());
      left -= sockets;
      List<String> addresses = new ArrayList<>();
      // Each source address has about 28k ephemeral ports; stay far below that, storms included.
      for (int i = 0; i < (sockets + SOCKETS_PER_ADDRESS - 1) / SOCKETS_PER_ADDRESS; i++) {
        addresses.add("127.0.0." + address++);
      }
      Process p = Children.java("podium.bench.Generator", List.of("-Xmx1g", "-XX:+UseParallelGC"), List.of(),
          java.util.Map.of(), options.classpath(), options.work().resolve("generator-" + (g + 1) + ".log"), true,
          options.cpuOf("generator"));
      BlockingQueue<JsonObject> answers = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> read(p, answers), "generator-" + (g + 1));
      reader.setDaemon(true);
      reader.start();
      children.add(new Child(p, new PrintStream(p.getOutputStream(), true, StandardCharsets.UTF_8), answers,
          sockets, addresses));
    }
  }

  private static void read(Process p, BlockingQueue<JsonObject> answers) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith(Generator.REPLY)) {
          answers.add(new JsonObject(line.substring(Generator.REPLY.length())));
        }
      }
    } catch (IOException e) {
      // the generator is gone; ask() times out
    }
  }

  long cpuMicros() {
    return children.stream().mapToLong(c -> ProcStat.cpuMicros(c.process().pid())).sum();
  }

  int count() {
    return children.size();
  }

  /** Sends one command to every generator and waits for all answers. */
  List<JsonObject> all(String command, long timeoutMs) {
    children.forEach(c -> c.in().println(command));
    List<JsonObject> out = new ArrayList<>();
    for (Child c : children) {
      out.add(take(c, timeoutMs));
    }
    return out;
  }

  /** Opens every generator's share of the sockets to the given ports. */
  void connect(List<Integer> ports, int window) {
    connect(ports, window, 0);
  }

  /** slowEvery: every slowEvery-th socket of each generator is a slow reader (0: none). */
  void connect(List<Integer> ports, int window, int slowEvery) {
    String portList = String.join(",", ports.stream().map(String::valueOf).toList());
    children.forEach(c -> c.in().println("connect " + String.join(",", c.addresses()) + " " + portList + " "
        + c.sockets() + " " + window + " " + slowEvery));
    children.forEach(c -> take(c, 30_000));
  }

  JsonObject one(int generator, String command, long timeoutMs) {
    Child c = children.get(generator);
    c.in().println(command);
    return take(c, timeoutMs);
  }

  /** The generators' status, added up field by field. */
  JsonObject status() {
    JsonObject sum = new JsonObject();
    for (JsonObject s : all("status", 30_000)) {
      for (String k : s.fieldNames()) {
        long v = s.getLong(k);
        // Summed over the generators like every other field, GC and CPU included.
        sum.put(k, k.equals("frameBytes") ? Math.max(v, sum.getLong(k, 0L)) : sum.getLong(k, 0L) + v);
      }
    }
    return sum;
  }

  private static JsonObject take(Child c, long timeoutMs) {
    try {
      JsonObject a = c.answers().poll(timeoutMs, TimeUnit.MILLISECONDS);
      if (a == null) {
        throw new IllegalStateException("a generator did not answer within " + timeoutMs + " ms");
      }
      if (a.containsKey("error")) {
        throw new IllegalStateException("generator: " + a.getString("error"));
      }
      return a;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }

  @Override
  public void close() {
    for (Child c : children) {
      c.in().println("quit");
      c.in().close();
    }
    children.forEach(c -> {
      try {
        c.process().waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      Children.kill(c.process());
    });
  }
}
