package podium.live;

import io.vertx.core.http.ServerWebSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open WebSockets per client address, and hellos per second per address, for one node (shared by
 * its hubs). A venue's NAT puts hundreds of phones behind one address, and a reconnect storm
 * brings them back within seconds, so both limits are generous: they stop one host from taking a
 * node's sockets or making it check tokens in a loop, not a hall of phones. Loopback peers (a
 * proxy on this machine, such as nginx, which limits its own clients) are not counted unless
 * asked. A limit of 0 is off.
 */
public final class AddressLimits {

  /** PODIUM_WS_PER_ADDRESS, PODIUM_HELLOS_PER_SECOND and PODIUM_LIMIT_LOOPBACK (README, "Configuration"). */
  public record Settings(int connectionsPerAddress, int hellosPerSecond, boolean limitLoopback) {
    public static final Settings DEFAULTS = new Settings(3_000, 300, false);
  }

  /** A burst of this many seconds' worth of hellos passes at once: a reconnect storm after a restart. */
  static final int BURST_SECONDS = 5;
  private static final int MAX_ADDRESSES = 100_000;

  private final Settings settings;
  private final boolean behindProxy;
  private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
  private final Map<String, HelloBucket> hellos = new ConcurrentHashMap<>();

  /** behindProxy: the client's address is the X-Forwarded-For that the proxy sets (PODIUM_BEHIND_PROXY). */
  public AddressLimits(Settings settings, boolean behindProxy) {
    this.settings = settings;
    this.behindProxy = behindProxy;
  }

  public Settings settings() {
    return settings;
  }

  /** The key a socket is counted under, or null when it is not counted (loopback, or both limits off). */
  String keyOf(ServerWebSocket socket) {
    // Behind a proxy every socket comes from the proxy: count the client it names instead.
    String host = ClientAddress.of(socket.remoteAddress(), socket.headers().get("X-Forwarded-For"), behindProxy);
    if ("?".equals(host) || settings.connectionsPerAddress() <= 0 && settings.hellosPerSecond() <= 0) {
      return null;
    }
    return !settings.limitLoopback() && loopback(host) ? null : host;
  }

  /** Counts a new socket in; false (and not counted) when its address has as many open as it may. */
  boolean open(String key) {
    if (key == null || settings.connectionsPerAddress() <= 0) {
      return true;
    }
    AtomicInteger n = open.computeIfAbsent(key, k -> new AtomicInteger());
    if (n.incrementAndGet() > settings.connectionsPerAddress()) {
      closed(key);
      return false;
    }
    return true;
  }

  /** A socket counted in by open closed. */
  void closed(String key) {
    if (key == null || settings.connectionsPerAddress() <= 0) {
      return;
    }
    open.computeIfPresent(key, (k, n) -> n.decrementAndGet() <= 0 ? null : n);
  }

  /** Takes one hello from the address's allowance; false when it has none left this moment. */
  boolean hello(String key) {
    if (key == null || settings.hellosPerSecond() <= 0) {
      return true;
    }
    long now = System.nanoTime();
    if (hellos.size() > MAX_ADDRESSES) {
      hellos.values().removeIf(b -> b.full(now));
    }
    return hellos.computeIfAbsent(key, k -> new HelloBucket(settings.hellosPerSecond(), now)).take(now);
  }

  /** Literal addresses only: a forwarded name must never cost a DNS lookup. */
  private static boolean loopback(String host) {
    return host.startsWith("127.") || "::1".equals(host) || "0:0:0:0:0:0:0:1".equals(host)
        || host.startsWith("::ffff:127.");
  }

  /** A token bucket: perSecond hellos a second, up to BURST_SECONDS' worth saved up. */
  private static final class HelloBucket {
    private final double perNano;
    private final double capacity;
    private double tokens;
    private long at;

    HelloBucket(int perSecond, long now) {
      this.perNano = perSecond / 1e9;
      this.capacity = (double) perSecond * BURST_SECONDS;
      this.tokens = capacity;
      this.at = now;
    }

    synchronized boolean take(long now) {
      refill(now);
      if (tokens < 1) {
        return false;
      }
      tokens--;
      return true;
    }

    synchronized boolean full(long now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(long now) {
      tokens = Math.min(capacity, tokens + (now - at) * perNano);
      at = now;
    }
  }
}
