package podium.live;

import io.vertx.core.Context;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who gets what on one event loop. Deltas queue in version order and go out in slices of SLICE
 * writes, so a burst to thousands of sockets never holds the loop for long: staff commands, page
 * loads and pings on the same loop get their turn in between.
 */
final class Fanout {

  static final int SLICE = 100;
  private static final Client[] NOBODY = new Client[0];

  private final Context context;
  private final String node;
  private final Map<Long, Set<Client>> byEvent = new HashMap<>();
  private final ArrayDeque<Delta> queue = new ArrayDeque<>();
  private Client[] current;
  private int cursor;
  private boolean pumping;

  Fanout(Context context, String node) {
    this.context = context;
    this.node = node;
  }

  /** Welcome, then the missing deltas or a snapshot; from here on the client gets every delta. */
  void subscribe(Client client, EventState event, Hello hello) {
    EventState.View view = event.view();
    client.event = event;
    client.audience = hello.audience();
    Frames.welcome(view.epoch(), view.version(), node, client.audience.wire()).writeTo(client.wire);
    Delta[] missing = hello.resumes() && hello.resumeEpoch().equals(view.epoch())
        ? event.since(hello.resumeVersion(), view) : null;
    if (missing == null) {
      view.snapshotFor(client.audience).writeTo(client.wire);
    } else {
      for (Delta d : missing) {
        client.frameOf(d).writeTo(client.wire);
      }
    }
    client.last = view.version();
    byEvent.computeIfAbsent(event.id(), id -> new LinkedHashSet<>()).add(client);
  }

  void remove(Client client) {
    if (client.event != null) {
      Set<Client> set = byEvent.get(client.event.id());
      if (set != null) {
        set.remove(client);
      }
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
    int budget = SLICE;
    while (!queue.isEmpty()) {
      Delta delta = queue.peek();
      if (current == null) {
        Set<Client> set = byEvent.get(delta.eventId());
        current = set == null ? NOBODY : set.toArray(NOBODY);
        cursor = 0;
      }
      int end = Math.min(current.length, cursor + budget);
      budget -= end - cursor;
      while (cursor < end) {
        deliver(current[cursor++], delta);
      }
      if (cursor == current.length) {
        queue.poll();
        current = null;
      }
      if (budget == 0) {
        LoopTurn.next(context, this::pump);
        return;
      }
    }
    pumping = false;
  }

  private void deliver(Client client, Delta delta) {
    if (client.gone || client.stale || delta.origin() != client.event || delta.version() <= client.last) {
      return;
    }
    if (delta.version() != client.last + 1) {
      resync(client);
    } else if (client.wire.backedUp()) {
      client.stale = true;
    } else {
      client.frameOf(delta).writeTo(client.wire);
      client.last = delta.version();
    }
  }

  /** A stale client that reads again gets one snapshot at the current version; called every second. */
  void recover(Client client) {
    if (client.stale && !client.gone && !client.wire.backedUp()) {
      client.stale = false;
      resync(client);
    }
  }

  private void resync(Client client) {
    EventState.View view = client.event.view();
    view.snapshotFor(client.audience).writeTo(client.wire);
    client.last = view.version();
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
      Frames.welcome(view.epoch(), view.version(), node, client.audience.wire()).writeTo(client.wire);
      if (!client.stale) {
        resync(client);
      }
    }
  }
}
