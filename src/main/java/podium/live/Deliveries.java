package podium.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import podium.store.DeliveryReports;

/**
 * What this node's screens and phones have acknowledged, for the last WINDOW versions of each
 * event: how many reached each version, per room and kind, and how long it took them (in coarse
 * buckets, which add up across nodes). Hubs on every event loop count into it; once a second the
 * node writes what changed to PostgreSQL, where the console's report adds all nodes up.
 */
public final class Deliveries {

  static final int WINDOW = 64;
  /** Upper bounds of the time-to-reach buckets, in ms; the last one takes the rest. */
  public static final long[] BUCKETS_MS = {10, 20, 50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 5000, 10_000,
      30_000, Long.MAX_VALUE};

  /** One version's count on this node. */
  static final class Tally {
    final long version;
    final long committedAtMs;
    final Map<String, LongAdder> reached = new ConcurrentHashMap<>();
    final AtomicLongArray buckets = new AtomicLongArray(BUCKETS_MS.length);
    final AtomicBoolean dirty = new AtomicBoolean();

    Tally(long version, long committedAtMs) {
      this.version = version;
      this.committedAtMs = committedAtMs;
    }
  }

  private final Map<Long, ConcurrentSkipListMap<Long, Tally>> byEvent = new ConcurrentHashMap<>();
  /** Screens and phones subscribed on this node, per event and where ("room|screen", "|phone"). */
  private final Map<Long, Map<String, LongAdder>> connected = new ConcurrentHashMap<>();

  /** Counts every delta of these events from now on. */
  public Deliveries(EventStates states) {
    states.onDelta(this::sent);
  }

  /** Called for every delta, on the feed's thread: the version is now on its way. */
  void sent(Delta delta) {
    ConcurrentSkipListMap<Long, Tally> tallies = byEvent.computeIfAbsent(delta.eventId(), id -> new ConcurrentSkipListMap<>());
    tallies.put(delta.version(), new Tally(delta.version(), delta.committedAtMs()));
    while (tallies.size() > WINDOW) {
      tallies.pollFirstEntry();
    }
  }

  /** A client at where ("room|screen", "|phone") applied every version in (from, to] at atMs (server time). */
  void reached(long eventId, long from, long to, String where, long atMs) {
    ConcurrentSkipListMap<Long, Tally> tallies = byEvent.get(eventId);
    if (tallies == null) {
      return;
    }
    for (Tally t : tallies.subMap(from, false, to, true).values()) {
      t.reached.computeIfAbsent(where, w -> new LongAdder()).increment();
      t.buckets.incrementAndGet(bucket(Math.max(0, atMs - t.committedAtMs)));
      t.dirty.set(true);
    }
  }

  void joined(long eventId, String where) {
    connected.computeIfAbsent(eventId, id -> new ConcurrentHashMap<>()).computeIfAbsent(where, w -> new LongAdder())
        .increment();
  }

  void left(long eventId, String where) {
    Map<String, LongAdder> counts = connected.get(eventId);
    if (counts != null && counts.containsKey(where)) {
      counts.get(where).decrement();
    }
  }

  static int bucket(long ms) {
    int i = 0;
    while (ms > BUCKETS_MS[i]) {
      i++;
    }
    return i;
  }

  /** What changed since the last call, as rows for DeliveryReports, plus each event's connected counts. */
  public List<DeliveryReports.Row> drain() {
    List<DeliveryReports.Row> rows = new ArrayList<>();
    byEvent.forEach((eventId, tallies) -> {
      for (Tally t : tallies.values()) {
        if (t.dirty.getAndSet(false)) {
          JsonArray buckets = new JsonArray();
          for (int i = 0; i < BUCKETS_MS.length; i++) {
            buckets.add(t.buckets.get(i));
          }
          rows.add(new DeliveryReports.Row(eventId, t.version, new JsonObject().put("reached", counts(t.reached))
              .put("buckets", buckets)));
        }
      }
    });
    connected.forEach((eventId, counts) -> rows.add(new DeliveryReports.Row(eventId, DeliveryReports.CONNECTED,
        new JsonObject().put("connected", counts(counts)))));
    return rows;
  }

  private static JsonObject counts(Map<String, LongAdder> counts) {
    JsonObject j = new JsonObject();
    counts.forEach((where, n) -> j.put(where, n.sum()));
    return j;
  }
}
