package podium.live;

import io.vertx.core.Context;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import podium.event.Audience;

/**
 * Who gets what on one event loop. Deltas queue in version order and go out in slices of 1 to 5 ms,
 * so a burst to thousands of sockets never holds the loop for long: staff commands, page loads,
 * hellos and pings on the same loop get their turn in between (see LoopTurn). A client whose
 * socket is backed up goes stale and gets no deltas until it takes a snapshot that fits (Sweep). A
 * failure on one client is handed to the hub (which cuts it) and never stops the others.
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
  private final Deliveries deliveries;
  private final LiveMetrics metrics;
  private final BiConsumer<Client, Throwable> failed;
  private Client[] current;
  private int cursor;
  private boolean pumping;
  /** The loop thread's CPU time when the last slice gave the loop back; 0 when no delivery is under way. */
  private long sliceEnded;

  /** failed: called (on this loop) with a client that threw while being written to. */
  Fanout(Context context, String node, Deliveries deliveries, LiveMetrics metrics,
      BiConsumer<Client, Throwable> failed) {
    this.context = context;
    this.node = node;
    this.deliveries = deliveries;
    this.metrics = metrics;
    this.failed = failed;
  }

  /**
   * Welcome, then the missing deltas or a snapshot; from here on the client gets every delta. A
   * resume whose missing frames are more than the bound gets the (smaller) snapshot instead.
   */
  void subscribe(Client client, EventState event, Hello hello, Audience audience) {
    EventState.View view = event.view();
    client.event = event;
    client.audience = audience;
    send(client, LiveMetrics.Sent.WELCOME, Frames.welcome(view, node, client.audience));
    Delta[] missing = hello.resumes() && hello.resumeEpoch().equals(view.epoch())
        ? event.since(hello.resumeVersion(), view) : null;
    if (missing != null && !client.fits(bytes(client, missing))) {
      missing = null;
    }
    if (missing == null) {
      SharedFrame snapshot = view.snapshotFor(client.audience);
      send(client, LiveMetrics.Sent.SNAPSHOT, snapshot);
      client.subscribed(snapshot.size());
    } else {
      for (Delta d : missing) {
        send(client, LiveMetrics.Sent.REPLAY, client.frameOf(d));
      }
      client.subscribed(0);
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

  private static long bytes(Client client, Delta[] deltas) {
    long sum = 0;
    for (Delta d : deltas) {
      sum += client.frameOf(d).size();
    }
    return sum;
  }

  private void send(Client client, LiveMetrics.Sent kind, SharedFrame frame) {
    frame.writeTo(client.wire);
    metrics.sent(kind, frame);
  }

  /** Unsubscribes it: no delta reaches it from here on, even one whose slice is under way. */
  void remove(Client client) {
    if (client.event != null) {
      Set<Client> set = byEvent.get(client.event.id());
      if (set != null && set.remove(client)) {
        metrics.subscribed(client, -1);
        if (client.state() == Client.State.STALE) {
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
      metrics.fanOutStarted();
      pump();
    }
  }

  private void pump() {
    boolean more = false;
    try {
      more = slice();
    } finally {
      // However a slice ended, the next delta must start a pump again rather than only queue.
      if (more) {
        LoopTurn.next(context, this::pump);
      } else {
        sliceEnded = 0;
        pumping = false;
        metrics.fanOutEnded();
      }
    }
  }

  /** One slice of deliveries; true when deltas are left for the next. */
  private boolean slice() {
    long start = System.nanoTime();
    // Fan-out and the loop's other work share it about evenly: a slice lasts as long as the loop
    // has just spent elsewhere (a reconnect storm's hellos, say), within the bounds above. Counted
    // in the thread's CPU time: on a busy machine the time the loop was not even scheduled is not
    // work it did, and must not lengthen the slice that a staff command's answer then waits behind.
    long slice = sliceEnded == 0 ? MIN_SLICE_NANOS
        : Math.min(MAX_SLICE_NANOS, Math.max(MIN_SLICE_NANOS, LoopCpu.now() - sliceEnded));
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
    sliceEnded = LoopCpu.now();
    return yielding && !queue.isEmpty();
  }

  /** The bytes of the change frame written, or 0 when none was. */
  private int deliver(Client client, Delta delta) {
    if (client.state() != Client.State.SUBSCRIBED || delta.origin() != client.event
        || delta.version() <= client.last) {
      return 0;
    }
    try {
      if (delta.version() != client.last + 1) {
        resync(client, LiveMetrics.Resync.GAP);
      } else if (client.backedUp()) {
        stale(client, System.currentTimeMillis());
      } else {
        SharedFrame frame = client.frameOf(delta);
        frame.writeTo(client.wire);
        client.last = delta.version();
        return frame.size();
      }
    } catch (RuntimeException | OutOfMemoryError e) {
      failed.accept(client, e);
    }
    return 0;
  }

  /** It gets no deltas until it takes a snapshot (Sweep). */
  void stale(Client client, long now) {
    client.stale(now);
    metrics.stale(1);
  }

  /** One snapshot at the current version; the client is SUBSCRIBED only once it was written. */
  void resync(Client client, LiveMetrics.Resync why) {
    EventState.View view = client.event.view();
    SharedFrame snapshot = view.snapshotFor(client.audience);
    snapshot.writeTo(client.wire);
    metrics.resynced(why, snapshot);
    if (client.state() == Client.State.STALE) {
      metrics.stale(-1);
    }
    client.resynced(snapshot.size());
    client.last = view.version();
    // Caught up by a snapshot, not by the changes in time: those do not count as reached.
    client.acked = Math.max(client.acked, view.version());
  }

  /**
   * The event was reloaded whole (a new epoch, say): everyone on it starts again from a snapshot.
   * Returns those whose sockets are backed up: a snapshot would not fit, so the hub cuts them and
   * they come back for it.
   */
  List<Client> reset(EventState state) {
    Set<Client> audience = byEvent.get(state.id());
    if (audience == null) {
      return List.of();
    }
    EventState.View view = state.view();
    List<Client> backedUp = new java.util.ArrayList<>();
    for (Client client : audience) {
      client.event = state;
      if (client.state() == Client.State.STALE || client.backedUp()) {
        backedUp.add(client);
        continue;
      }
      try {
        send(client, LiveMetrics.Sent.WELCOME, Frames.welcome(view, node, client.audience));
        resync(client, LiveMetrics.Resync.RESET);
      } catch (RuntimeException | OutOfMemoryError e) {
        backedUp.add(client);
      }
    }
    return backedUp;
  }
}
