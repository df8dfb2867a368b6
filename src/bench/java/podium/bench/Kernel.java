package podium.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The host's TCP memory and counters, as the kernel reports them (/proc/net/sockstat, tcp_mem, nstat). */
final class Kernel {

  private static final Pattern TCP_MEM = Pattern.compile("(?m)^TCP: .* mem (\\d+)");

  private Kernel() {
  }

  /** Pages of memory all TCP sockets of the host hold now (sockstat's "TCP ... mem"). */
  static long tcpPages() {
    try {
      Matcher m = TCP_MEM.matcher(read("/proc/net/sockstat"));
      return m.find() ? Long.parseLong(m.group(1)) : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  /** tcp_mem's three thresholds, in pages: no pressure below the first, pressure, hard limit. */
  static long[] tcpMem() {
    try {
      String[] f = read("/proc/sys/net/ipv4/tcp_mem").trim().split("\\s+");
      return new long[] {Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2])};
    } catch (IOException | RuntimeException e) {
      return new long[] {-1, -1, -1};
    }
  }

  /** A /proc file whole: Files.readString reads only the first byte of some /proc/sys files (they report size 0). */
  private static String read(String file) throws IOException {
    try (java.io.InputStream in = Files.newInputStream(Path.of(file))) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
    }
  }

  /** Every TCP counter of the host now (nstat -az: absolute values, zeros too); empty without nstat. */
  static JsonObject tcpCounters() {
    JsonObject out = new JsonObject();
    try {
      Process p = new ProcessBuilder("nstat", "-az").redirectErrorStream(true).start();
      for (String line : new String(p.getInputStream().readAllBytes()).split("\n")) {
        String[] f = line.trim().split("\\s+");
        if (f.length >= 2 && (f[0].startsWith("Tcp") || f[0].startsWith("TcpExt")) && f[1].matches("\\d+")) {
          out.put(f[0], Long.parseLong(f[1]));
        }
      }
      p.waitFor();
    } catch (IOException e) {
      out.put("error", "nstat: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return out;
  }

  /** The counters that moved between two readings, and by how much. */
  static JsonObject moved(JsonObject before, JsonObject after) {
    JsonObject out = new JsonObject();
    for (String k : after.fieldNames()) {
      if (after.getValue(k) instanceof Number a && before.getValue(k) instanceof Number b
          && a.longValue() != b.longValue()) {
        out.put(k, a.longValue() - b.longValue());
      }
    }
    return out;
  }
}
