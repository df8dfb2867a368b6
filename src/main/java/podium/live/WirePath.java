package podium.live;

import io.vertx.core.http.ServerWebSocket;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a node writes to its sockets (the PODIUM_WIRE setting): FAST, through the Vert.x and Netty
 * internals that FastWire uses, or PLAIN, on Vert.x's public API (PlainWire). Chosen once per node
 * at start-up: a node set to fast whose internals are missing or changed shape (a Vert.x or Netty
 * upgrade, say) logs that once and runs plain, instead of failing on every socket.
 */
public enum WirePath {
  FAST,
  PLAIN;

  private static final Logger LOG = LoggerFactory.getLogger(WirePath.class);

  /** Tests replace it to play a Vert.x without the internals; null means they are all there. */
  static volatile Supplier<String> probe = FastWireProbe::missing;
  /** Whether the last choice found the internals, which a cut needs on either path (see Wire.cut). */
  private static volatile boolean internals;

  /** "fast" or "plain", in any case. */
  public static WirePath parse(String setting) {
    try {
      return valueOf(setting.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException("PODIUM_WIRE must be 'fast' or 'plain', not '" + setting + "'");
    }
  }

  /** The path a node runs: the one asked for, or PLAIN when the fast path's internals are missing. */
  public static WirePath choose(WirePath wanted) {
    String missing = probe.get();
    internals = missing == null;
    if (wanted == PLAIN) {
      LOG.info("wire: plain (Vert.x's public API), as PODIUM_WIRE says");
      return PLAIN;
    }
    if (missing != null) {
      LOG.warn("wire: the fast path needs Vert.x/Netty internals that this classpath lacks ({});"
          + " writing frames through Vert.x's public API instead (slower per socket)", missing);
      return PLAIN;
    }
    LOG.info("wire: fast (shared framed bytes, written straight to the descriptor on epoll)");
    return FAST;
  }

  /**
   * Whether a slow socket can be cut ahead of its backlog. Without the internals a cut is Vert.x's
   * close, behind the backlog, and the node relies on its write-idle timeout instead.
   */
  public boolean cutsAtOnce() {
    return internals;
  }

  /** A node without the internals never loads FastWire; a plain node with them uses them for its cuts only. */
  Wire wire(ServerWebSocket socket) {
    if (this == FAST) {
      return FastWire.of(socket);
    }
    return new PlainWire(socket, internals ? FastWire.cutterOf(socket) : null);
  }
}
