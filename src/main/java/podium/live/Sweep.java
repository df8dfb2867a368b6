package podium.live;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hub's once-a-second round of its sockets, on its event loop: the slow-client policy for each
 * subscribed one (check), the WebSocket pings of one group, the sockets that never said hello or
 * that a starting node has held too long, and what waits unsent (LiveMetrics.Backlog).
 */
final class Sweep {

  private static final Logger LOG = LoggerFactory.getLogger(Sweep.class);

  private final Set<Client> clients;
  private final Fanout fanout;
  private final Closing closing;
  private final LiveMetrics.Backlog backlog;
  private final BiConsumer<Client, SharedFrame> control;
  private long tick;

  /** control: a frame to one client, dropped while it is backed up (Hub.control). */
  Sweep(Set<Client> clients, Fanout fanout, Closing closing, LiveMetrics.Backlog backlog,
      BiConsumer<Client, SharedFrame> control) {
    this.clients = clients;
    this.fanout = fanout;
    this.closing = closing;
    this.backlog = backlog;
    this.control = control;
  }

  /**
   * Once a second: the slow-client policy for every subscribed socket (check), pings for
   * one group of sockets that are not backed up (browsers answer, which keeps the read-idle timer
   * quiet), closes those that never said hello, and reports what waits unsent. A failure on one
   * client cuts that client only.
   */
  void run() {
    int group = (int) (tick++ % Hub.PING_GROUPS);
    long now = System.currentTimeMillis();
    List<Client> silent = new ArrayList<>();
    List<Client> stillHeld = new ArrayList<>();
    List<Verdict> cuts = new ArrayList<>();
    long total = 0;
    long most = 0;
    long oldestStale = 0;
    for (Client client : clients) {
      try {
        if (client.closing()) {
          continue;
        }
        if (client.state() == Client.State.CONNECTED && now - client.connectedAt > Hub.HELLO_WITHIN_MS) {
          silent.add(client);
          continue;
        }
        if (client.held != null && now - client.connectedAt > Hub.HOLD_MS) {
          stillHeld.add(client);
          continue;
        }
        Cut why = client.subscribed() ? check(client, now) : null;
        if (why != null) {
          cuts.add(new Verdict(client, why, null));
          continue;
        }
        long unsent = client.wire.unsent();
        total += unsent;
        most = Math.max(most, unsent);
        oldestStale = Math.max(oldestStale, client.staleFor(now));
        if (client.pingGroup == group && !client.backedUp()) {
          client.wire.ping();
          client.pinged(now);
        }
      } catch (RuntimeException | OutOfMemoryError e) {
        cuts.add(new Verdict(client, Cut.FAILED, e));
      }
    }
    backlog.report(total, most, oldestStale);
    int slow = 0;
    for (Verdict v : cuts) {
      if (v.failure() != null) {
        closing.failed(v.client(), v.failure());
      } else {
        slow += v.why() == Cut.STALE || v.why() == Cut.STUCK ? 1 : 0;
        closing.cut(v.client(), v.why());
      }
    }
    if (slow > 0) {
      LOG.info("cut {} socket(s) that stayed backed up or stuck past their grace; they resume when they reconnect",
          slow);
    }
    silent.forEach(c -> closing.close(c, (short) 1008, "no hello"));
    // A node that cannot load (its database hangs, say) sends its held clients elsewhere.
    for (Client c : stillHeld) {
      control.accept(c, Frames.reconnect(ThreadLocalRandom.current().nextLong(5_000)));
      closing.close(c, (short) 1012, "still starting");
    }
  }

  /** What the sweep found about one client: why to cut it, or how it failed. */
  private record Verdict(Client client, Cut why, Throwable failure) { }

  /**
   * Once a second, the slow-client policy for one subscribed client: it goes stale when what
   * waits passes its bound; a stale one gets one snapshot at the current version as soon as that
   * fits, or is cut once its grace is over; a client from whose queue nothing has gone for a whole
   * grace is cut however little waits (a phone reading slowly keeps draining, a stuck one does
   * not), and so is one that has not answered the hub's ping for a ping period and its grace (all
   * it was sent may sit in the kernel's buffers); and any client with twice its bound waiting is
   * cut. Returns why it must be cut, or null.
   */
  Cut check(Client client, long now) {
    long unsent = client.backlog();
    if (unsent > 2 * client.limit()) {
      return Cut.BACKLOG;
    }
    if (client.stuckFor(now) > client.grace() || client.unansweredFor(now) > Hub.PING_MS + client.grace()) {
      return Cut.STUCK;
    }
    if (client.state() == Client.State.SUBSCRIBED) {
      if (unsent > client.limit()) {
        fanout.stale(client, now);
      }
      return null;
    }
    if (client.state() == Client.State.STALE) {
      if (client.canTake(client.event.view().snapshotFor(client.audience).size())) {
        fanout.resync(client, LiveMetrics.Resync.STALE);
        return null;
      }
      return client.staleFor(now) > client.grace() ? Cut.STALE : null;
    }
    return null;
  }

}
