package podium.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The kernel's view of a hub's TCP connections (/proc/net/tcp and tcp6): which are still open, and
 * how many bytes each holds unsent in its send queue.
 */
public final class KernelSockets {

  /** One connection as the hub's side sees it; txQueue: bytes sent but not yet acknowledged. */
  public record Connection(int localPort, int remotePort, int state, long txQueue) {
    static final int ESTABLISHED = 1;

    public boolean established() {
      return state == ESTABLISHED;
    }
  }

  private KernelSockets() {
  }

  /** The hub's side of every connection to hubPort. */
  public static List<Connection> of(int hubPort) {
    List<Connection> out = new ArrayList<>();
    for (String file : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      try {
        List<String> lines = Files.readAllLines(Path.of(file));
        for (String line : lines.subList(1, lines.size())) {
          String[] f = line.trim().split("\\s+");
          int local = port(f[1]);
          if (local == hubPort) {
            String[] queues = f[4].split(":");
            out.add(new Connection(local, port(f[2]), Integer.parseInt(f[3], 16), Long.parseLong(queues[0], 16)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** The hub's side of the connection from this client port, or null once it is gone. */
  public static Connection from(int hubPort, int clientPort) {
    return of(hubPort).stream().filter(c -> c.remotePort() == clientPort && c.established()).findFirst().orElse(null);
  }

  private static int port(String address) {
    return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
  }
}
