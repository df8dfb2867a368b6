package podium.live;

import io.vertx.core.Context;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import podium.event.Audience;

/**
 * Who gets what on one event loop. Deltas queue in version order and go out in slices of 1 to 5 ms,
 * so a burst to thousands of sockets never holds the loop for long: staff commands, page loads,
 * hellos and pings on the same loop get their turn in between (see LoopTurn).
 */
final class Fanout {

  /** A slice lasts at least this long (about 100 writes), */
  static final long MIN_SLICE_NANOS = 1_000_000;
  /** and at most this long, however long the loop just spent on other work. */
  static final long MAX_SLICE_NANOS = 5_000_000;
  private static final Client[] NOBODY = new Client[0];

  private final Context context;
  private final String node;
  private final Map<Long, Set<Client>> byEvent = new HashMap<>();
  private final ArrayDeque<Delta> queue = new ArrayDeque<>();
  private Client[] current;
  private int cursor;
  private boolean pumping;
  /** When the last slice gave the loop back; 0 when no delivery is under way. */
  private long sliceEnded;

  private final Deliveries deliveries;
  private final LiveMetrics metrics;

  Fanout(Context context, String node, Deliveries deliveries, LiveMetrics metrics) {
    this.context = context;
    this.node = node;
    this.deliveries = deliveries;
    this.metrics = metrics;
  }

  /** Welcome, then the missing deltas or a snapshot; from here on the client gets every delta. */
  void subscribe(Client client, EventState event, Hello hello, Audience audience) {
    EventState.View view = event.view();
    client.event = event;
    client.audience = audience;
    send(client, LiveMetrics.Sent.WELCOME, Frames.welcome(view, node, client.audience));
    Delta[] missing = hello.resumes() && hello.resumeEpoch().equals(view.epoch())
        ? event.since(hello.resumeVersion(), view) : null;
    if (missing == null) {
      send(client, LiveMetrics.Sent.SNAPSHOT, view.snapshotFor(client.audience));
    } else {
      for (Delta d : missing) {
        send(client, LiveMetrics.Sent.REPLAY, client.frameOf(d));
      }
    }
    client.last = view.version();
    // What it has without sending anything: a snapshot's version, or where it resumed from.
    client.acked = missing == null ? view.version() : hello.resumeVersion();
    client.where = hello.where(client.screen != null, audience);
    if (client.where != null) {
      deliveries.joined(event.id(), client.where);
    }
    byEvent.computeIfAbsent(event.id(), id -> new LinkedHashSet<>()).add(client);
    metrics.subscribed(client, 1);
  }

  private void send(Client client, LiveMetrics.Sent kind, SharedFrame frame) {
    frame.writeTo(client.wire);
    metrics.sent(kind, frame);
  }

  void remove(Client client) {
    if (client.event != null) {
      Set<Client> set = byEvent.get(client.event.id());
      if (set != null && set.remove(client)) {
        metrics.subscribed(client, -1);
        if (client.stale) {
          metrics.stale(-1);
        }
        if (client.where != null) {
          deliveries.left(client.event.id(), client.where);
        }
      }
    }
  }

  /** The client says it applied every version up to this one, at this time on the hub's clock. */
  void acked(Client client, long version, long atMs) {
    long upTo = Math.min(version, client.last);
    if (client.event != null && upTo > client.acked) {
      if (client.where != null) {
        deliveries.reached(client.event.id(), client.acked, upTo, client.where, atMs);
      }
      client.acked = upTo;
    }
  }

  void offer(Delta delta) {
    queue.add(delta);
    if (!pumping) {
      pumping = true;
      pump();
    }
  }

  private void pump() {
    long start = System.nanoTime();
    // Fan-out and the loop's other work share it about evenly: a slice lasts as long as the loop
    // has just spent elsewhere (a reconnect storm's hellos, say), within the bounds above.
    long slice = sliceEnded == 0 ? MIN_SLICE_NANOS
        : Math.min(MAX_SLICE_NANOS, Math.max(MIN_SLICE_NANOS, start - sliceEnded));
    long deadline = start + slice;
    int written = 0;
    long frames = 0;
    long bytes = 0;
    boolean yielding = false;
    while (!queue.isEmpty() && !yielding) {
      Delta delta = queue.peek();
      if (current == null) {
        Set<Client> set = byEvent.get(delta.eventId());
        current = set == null ? NOBODY : set.toArray(NOBODY);
        cursor = 0;
      }
      while (cursor < current.length && !yielding) {
        int sent = deliver(current[cursor++], delta);
        if (sent > 0) {
          frames++;
          bytes += sent;
        }
        yielding = (++written & 31) == 0 && System.nanoTime() >= deadline;
      }
      if (cursor == current.length) {
        queue.poll();
        if (current.length > 0) {
          metrics.fannedOut(delta);
        }
        current = null;
      }
    }
    // Counted once a slice: no socket pays for a meter.
    metrics.sent(LiveMetrics.Sent.CHANGE, frames, bytes);
    if (yielding && !queue.isEmpty()) {
      sliceEnded = System.nanoTime();
      LoopTurn.next(context, this::pump);
      return;
    }
    sliceEnded = 0;
    pumping = false;
  }

  /** The bytes of the change frame written, or 0 when none was. */
  private int deliver(Client client, Delta delta) {
    if (client.gone || client.stale || delta.origin() != client.event || delta.version() <= client.last) {
      return 0;
    }
    if (delta.version() != client.last + 1) {
      resync(client, LiveMetrics.Resync.GAP);
    } else if (client.wire.backedUp()) {
      client.stale = true;
      metrics.stale(1);
    } else {
      SharedFrame frame = client.frameOf(delta);
      frame.writeTo(client.wire);
      client.last = delta.version();
      return frame.size();
    }
    return 0;
  }

  /** A stale client that reads again gets one snapshot at the current version; called every second. */
  void recover(Client client) {
    if (client.stale && !client.gone && !client.wire.backedUp()) {
      client.stale = false;
      metrics.stale(-1);
      resync(client, LiveMetrics.Resync.STALE);
    }
  }

  private void resync(Client client, LiveMetrics.Resync why) {
    EventState.View view = client.event.view();
    SharedFrame snapshot = view.snapshotFor(client.audience);
    snapshot.writeTo(client.wire);
    metrics.resynced(why, snapshot);
    client.last = view.version();
    // Caught up by a snapshot, not by the changes in time: those do not count as reached.
    client.acked = Math.max(client.acked, view.version());
  }

  /** The event was reloaded whole (a new epoch, say): everyone on it starts again from a snapshot. */
  void reset(EventState state) {
    Set<Client> audience = byEvent.get(state.id());
    if (audience == null) {
      return;
    }
    EventState.View view = state.view();
    for (Client client : audience) {
      client.event = state;
      send(client, LiveMetrics.Sent.WELCOME, Frames.welcome(view, node, client.audience));
      if (!client.stale) {
        resync(client, LiveMetrics.Resync.RESET);
      }
    }
  }
}
