package podium.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A load-generator process, driven by the coordinator over stdin: one command a line, one
 * "BENCH {json}" answer a line on stdout. It exits when stdin closes, so it never outlives Bench.
 */
public final class Generator {

  static final String REPLY = "BENCH ";
  private static final long SNAPSHOT_MAX_MS = 30_000;

  private final Vertx vertx = Vertx.builder().with(new VertxOptions().setPreferNativeTransport(true)).build();
  private Swarm swarm;

  public static void main(String[] args) throws Exception {
    new Generator().serve();
  }

  private void serve() throws Exception {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      JsonObject answer;
      try {
        answer = handle(line.trim().split(" "));
      } catch (Exception e) {
        answer = new JsonObject().put("error", e.toString());
      }
      System.out.println(REPLY + answer.encode());
      System.out.flush();
      if (line.startsWith("quit")) {
        break;
      }
    }
    Runtime.getRuntime().halt(0);
  }

  /**
   * connect ADDRS PORTS COUNT WINDOW | status | mark | target V | reconnect on|off | acks on|off
   * | slow PAUSE_MS READ_MS (connect's optional 5th argument: every how many-th socket reads slowly)
   * | latency V:MICROS,... | close | snapshot PORT CONNECTIONS MILLIS
   * | get PORT CONNECTIONS MILLIS PATH identity|gzip | quit.
   */
  private JsonObject handle(String[] cmd) throws Exception {
    switch (cmd[0]) {
      case "connect" -> {
        if (swarm != null) {
          swarm.close();
        }
        List<String> addresses = Arrays.asList(cmd[1].split(","));
        List<Integer> ports = Arrays.stream(cmd[2].split(",")).map(Integer::valueOf).toList();
        swarm = new Swarm(vertx, addresses, ports, Integer.parseInt(cmd[3]),
            cmd.length > 5 ? Integer.parseInt(cmd[5]) : 0);
        swarm.connect(Integer.parseInt(cmd[4]));
        return new JsonObject().put("ok", true);
      }
      case "status" -> {
        return (swarm == null ? new JsonObject() : swarm.status()).put("gcCount", gc(true)).put("gcMillis", gc(false));
      }
      case "mark" -> swarm.mark();
      case "target" -> swarm.target(Long.parseLong(cmd[1]));
      case "reconnect" -> swarm.reconnect("on".equals(cmd[1]));
      case "acks" -> swarm.acks("on".equals(cmd[1]));
      case "slow" -> swarm.slow(Long.parseLong(cmd[1]), Long.parseLong(cmd[2]));
      case "latency" -> {
        return latency(cmd[1]);
      }
      case "close" -> {
        swarm.close();
        swarm = null;
      }
      case "snapshot" -> {
        long millis = Math.min(Long.parseLong(cmd[3]), SNAPSHOT_MAX_MS);
        return SnapshotLoad.run(vertx, Integer.parseInt(cmd[1]), "/api/events/baotou-2023",
            Integer.parseInt(cmd[2]), millis).await();
      }
      case "get" -> {
        long millis = Math.min(Long.parseLong(cmd[3]), SNAPSHOT_MAX_MS);
        return SnapshotLoad.run(vertx, Integer.parseInt(cmd[1]), cmd[4], "gzip".equals(cmd[5]),
            Integer.parseInt(cmd[2]), millis).await();
      }
      case "quit" -> vertx.close();
      default -> throw new IllegalArgumentException("unknown command " + cmd[0]);
    }
    return new JsonObject().put("ok", true);
  }

  /** This generator's collections so far: how many, or how many milliseconds they took. */
  private static long gc(boolean count) {
    long sum = 0;
    for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory
        .getGarbageCollectorMXBeans()) {
      sum += Math.max(0, count ? gc.getCollectionCount() : gc.getCollectionTime());
    }
    return sum;
  }

  /** Latency histogram of the given versions, how many got each, and when the last one got it. */
  private JsonObject latency(String sent) {
    Map<Long, Long> sentMicros = new HashMap<>();
    for (String pair : sent.split(",")) {
      String[] vt = pair.split(":");
      sentMicros.put(Long.valueOf(vt[0]), Long.valueOf(vt[1]));
    }
    Receipts receipts = swarm.receipts();
    Histogram h = receipts.latencies(sentMicros);
    ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int length = h.encodeIntoCompressedByteBuffer(buf);
    JsonObject counts = new JsonObject();
    JsonObject last = new JsonObject();
    sentMicros.keySet().forEach(v -> {
      counts.put(v.toString(), receipts.count(v));
      last.put(v.toString(), receipts.lastReceipt(v));
    });
    return new JsonObject().put("histogram", Base64.getEncoder().encodeToString(Arrays.copyOf(buf.array(), length)))
        .put("counts", counts).put("last", last);
  }
}
