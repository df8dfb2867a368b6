package podium.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a hub's sockets end: a close goes out politely when nothing waits for the socket, and
 * becomes a cut if its peer has not finished it within a second; a socket with a backlog, or one
 * that cannot keep up or failed, is cut at once (Wire.cut). Every way first unsubscribes it, so
 * nothing committed afterwards reaches it. On the hub's own event loop.
 */
final class Closing {

  /** A close its peer has not finished by then becomes a cut: a revoked socket is gone within a second. */
  static final long WITHIN_MS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(Closing.class);

  private final Vertx vertx;
  private final Fanout fanout;
  private final LiveMetrics metrics;

  Closing(Vertx vertx, Fanout fanout, LiveMetrics metrics) {
    this.vertx = vertx;
    this.fanout = fanout;
    this.metrics = metrics;
  }

  /** Completes once the socket has closed, however it ended. */
  Future<Void> close(Client client, short code, String reason) {
    if (client.closing()) {
      return client.gone();
    }
    fanout.remove(client);
    client.close();
    if (client.wire.unsent() > 0) {
      cutNow(client, Cut.CLOSE_UNANSWERED);
    } else {
      client.wire.close(code, reason);
      vertx.setTimer(WITHIN_MS, t -> {
        if (!client.gone().isComplete()) {
          cutNow(client, Cut.CLOSE_UNANSWERED);
        }
      });
    }
    return client.gone();
  }

  /** Cuts it at once, unless something else is already closing it. */
  void cut(Client client, Cut why) {
    if (!client.closing()) {
      fanout.remove(client); // before closing: it still counts as stale (or not) in the metrics
      client.close();
      cutNow(client, why);
    }
  }

  /** Writing to one client failed: counted, logged once (the client is then gone), and cut. */
  void failed(Client client, Throwable e) {
    if (!client.closing()) {
      LOG.warn("a socket from {} failed and was cut; the others go on",
          client.socket == null ? null : client.socket.remoteAddress(), e);
      cut(client, Cut.FAILED);
    }
  }

  private void cutNow(Client client, Cut why) {
    metrics.cut(why);
    client.wire.cut();
  }
}
