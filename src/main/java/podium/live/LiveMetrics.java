package podium.live;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import podium.event.Audience;

/**
 * What the live side counts for GET /metrics (docs/OPERATIONS.md, "Metrics"). Hubs add a
 * fan-out's frames and bytes once per slice and time it once per delta, so no socket pays for a
 * meter; welcomes, snapshots and replays, one per socket event, are counted as they go.
 * With counting off (PODIUM_METRICS=false, for the bench's comparison) every call returns at once.
 */
public final class LiveMetrics {

  /** What a frame was sent as. */
  enum Sent { CHANGE, SNAPSHOT, REPLAY, WELCOME }

  /** Why a subscribed socket got a snapshot. */
  enum Resync { STALE, GAP, RESET }

  private final boolean on;
  private final MeterRegistry registry;
  private final LongAdder[] frames = adders(Sent.values().length);
  private final LongAdder[] bytes = adders(Sent.values().length);
  private final LongAdder[] resyncs = adders(Resync.values().length);
  private final AtomicLong[] subscribed = new AtomicLong[Audience.values().length];
  private final AtomicLong screens = new AtomicLong();
  private final AtomicLong stale = new AtomicLong();
  private final LongAdder stalls = new LongAdder();
  private final LongAdder[] cuts = adders(Cut.values().length);
  private final LongAdder dropped = new LongAdder();
  private final List<Backlog> backlogs = new CopyOnWriteArrayList<>();
  private final Timer fanout;
  private final Timer feedDelay;
  private final Map<Long, FeedLag> lags = new ConcurrentHashMap<>();
  /** Loops of this node fanning a change out right now; kept with counting off too (others pace by it). */
  private final AtomicInteger fanningOut = new AtomicInteger();

  /** Where the change feed of one event stands against what it has heard the database has. */
  private static final class FeedLag {
    final AtomicLong applied = new AtomicLong(-1);
    final AtomicLong seen = new AtomicLong(-1);
    /** System.nanoTime() when it first heard of a version it had not applied; 0 when caught up. */
    final AtomicLong behindSince = new AtomicLong();
  }

  public LiveMetrics(MeterRegistry registry, boolean on) {
    this.on = on;
    this.registry = registry;
    Gauge.builder("podium.fanout.active", fanningOut, AtomicInteger::get)
        .description("event loops of this node fanning a change out to their sockets right now").register(registry);
    for (Sent s : Sent.values()) {
      String kind = s.name().toLowerCase(java.util.Locale.ROOT);
      FunctionCounter.builder("podium.frames.sent", frames[s.ordinal()], LongAdder::sum).tag("kind", kind)
          .description("frames written to sockets").register(registry);
      FunctionCounter.builder("podium.frames.sent.bytes", bytes[s.ordinal()], LongAdder::sum).tag("kind", kind)
          .description("bytes of those frames, WebSocket header included").register(registry);
    }
    for (Resync r : Resync.values()) {
      FunctionCounter.builder("podium.resync.snapshots", resyncs[r.ordinal()], LongAdder::sum)
          .tag("reason", r.name().toLowerCase(java.util.Locale.ROOT))
          .description("snapshots sent to subscribed sockets: once readable again (stale), after a gap, after a reset")
          .register(registry);
    }
    for (Audience a : Audience.values()) {
      subscribed[a.ordinal()] = new AtomicLong();
      Gauge.builder("podium.sockets.subscribed", subscribed[a.ordinal()], AtomicLong::get).tag("audience", a.wire())
          .description("sockets that said hello, by audience").register(registry);
    }
    Gauge.builder("podium.screens", screens, AtomicLong::get).description("paired screens connected").register(registry);
    Gauge.builder("podium.stale.sockets", stale, AtomicLong::get)
        .description("sockets whose write queue is full: they get no deltas until they read again").register(registry);
    FunctionCounter.builder("podium.stale.episodes", stalls, LongAdder::sum)
        .description("times a socket went stale").register(registry);
    for (Cut c : Cut.values()) {
      FunctionCounter.builder("podium.sockets.cut", cuts[c.ordinal()], LongAdder::sum).tag("reason", c.label())
          .description("connections closed at once, ahead of their backlog (stale: backed up past the grace;"
              + " backlog: twice the bound waiting, or a ping while backed up; failed; close_unanswered)")
          .register(registry);
    }
    FunctionCounter.builder("podium.frames.dropped", dropped, LongAdder::sum)
        .description("pongs, errors and reconnects not sent because their socket was backed up").register(registry);
    Gauge.builder("podium.sockets.pending.bytes", backlogs, b -> b.stream().mapToLong(x -> x.total).sum())
        .description("bytes waiting unsent above the kernel for all sockets (as of the last sweep)").register(registry);
    Gauge.builder("podium.sockets.pending.bytes.max", backlogs, b -> b.stream().mapToLong(x -> x.most).max().orElse(0))
        .description("bytes waiting unsent above the kernel for the one socket with most (as of the last sweep)")
        .register(registry);
    Gauge.builder("podium.stale.oldest.seconds", backlogs,
            b -> b.stream().mapToLong(x -> x.oldestStaleMs).max().orElse(0) / 1000.0)
        .description("how long the socket that has been stale longest has been so (as of the last sweep)")
        .register(registry);
    fanout = Timer.builder("podium.fanout")
        .description("from this node's feed applying a delta to its last socket on one event loop written")
        .serviceLevelObjectives(buckets(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000))
        .register(registry);
    feedDelay = Timer.builder("podium.changefeed.delay")
        .description("from the change's commit (database clock) to this node applying it")
        .serviceLevelObjectives(buckets(1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000))
        .register(registry);
  }

  private static LongAdder[] adders(int n) {
    LongAdder[] a = new LongAdder[n];
    for (int i = 0; i < n; i++) {
      a[i] = new LongAdder();
    }
    return a;
  }

  private static Duration[] buckets(long... millis) {
    Duration[] d = new Duration[millis.length];
    for (int i = 0; i < millis.length; i++) {
      d[i] = Duration.ofMillis(millis[i]);
    }
    return d;
  }

  void sent(Sent kind, long frameCount, long byteCount) {
    if (on && frameCount > 0) {
      frames[kind.ordinal()].add(frameCount);
      bytes[kind.ordinal()].add(byteCount);
    }
  }

  void sent(Sent kind, SharedFrame frame) {
    sent(kind, 1, frame.size());
  }

  void resynced(Resync why, SharedFrame snapshot) {
    if (on) {
      resyncs[why.ordinal()].increment();
      sent(Sent.SNAPSHOT, snapshot);
    }
  }

  void subscribed(Client client, int delta) {
    if (on) {
      subscribed[client.audience.ordinal()].addAndGet(delta);
      if (client.screen != null) {
        screens.addAndGet(delta);
      }
    }
  }

  void stale(int delta) {
    if (on) {
      stale.addAndGet(delta);
      if (delta > 0) {
        stalls.increment();
      }
    }
  }

  /** Whether any loop of this node is fanning a change out: work that can wait (Web Push) waits for it. */
  public boolean fanningOut() {
    return fanningOut.get() > 0;
  }

  void fanOutStarted() {
    fanningOut.incrementAndGet();
  }

  void fanOutEnded() {
    fanningOut.decrementAndGet();
  }

  /** A hub's backlog figures, written by its sweep once a second and summed over the hubs by the gauges. */
  public static final class Backlog {
    private volatile long total;
    private volatile long most;
    private volatile long oldestStaleMs;

    void report(long totalBytes, long mostBytes, long oldestStale) {
      total = totalBytes;
      most = mostBytes;
      oldestStaleMs = oldestStale;
    }
  }

  /** A new hub's slot in the backlog gauges. */
  Backlog backlog() {
    Backlog b = new Backlog();
    if (on) {
      backlogs.add(b);
    }
    return b;
  }

  void cut(Cut why) {
    if (on) {
      cuts[why.ordinal()].increment();
    }
  }

  void dropped(SharedFrame frame) {
    if (on) {
      dropped.increment();
    }
  }

  /** A delta reached every socket of one hub that had any for its event. */
  void fannedOut(Delta delta) {
    if (on) {
      fanout.record(System.nanoTime() - delta.madeNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /** The feed heard (notification or sweep) that the database has this version. */
  void heard(EventState event, long version) {
    if (on) {
      FeedLag lag = lag(event);
      lag.seen.accumulateAndGet(version, Math::max);
      if (version > lag.applied.get()) {
        lag.behindSince.compareAndSet(0, System.nanoTime());
      }
    }
  }

  /** The feed applied a change committed at commitMillis (database clock). */
  void applied(EventState event, long version, long commitMillis) {
    if (on) {
      FeedLag lag = lag(event);
      lag.applied.set(version);
      lag.seen.accumulateAndGet(version, Math::max);
      if (version >= lag.seen.get()) {
        lag.behindSince.set(0);
      }
      feedDelay.record(Math.max(0, System.currentTimeMillis() - commitMillis), TimeUnit.MILLISECONDS);
    }
  }

  /** The event was read whole at this version: what the database had (lower after a restore). */
  void loaded(EventState event, long version) {
    if (on) {
      FeedLag lag = lag(event);
      lag.applied.set(version);
      lag.seen.set(version);
      lag.behindSince.set(0);
    }
  }

  private FeedLag lag(EventState event) {
    return lags.computeIfAbsent(event.id(), id -> {
      FeedLag lag = new FeedLag();
      // Every event's, those imported or rehearsed after the node started too.
      Gauge.builder("podium.event.version", lag.applied, AtomicLong::get).tag("event", event.slug())
          .description("the version this node has applied").register(registry);
      Gauge.builder("podium.changefeed.lag.versions", lag, l -> Math.max(0, l.seen.get() - l.applied.get()))
          .tag("event", event.slug()).description("versions the database has that this node has not applied")
          .register(registry);
      Gauge.builder("podium.changefeed.lag.seconds", lag, l -> {
        long since = l.behindSince.get();
        return since == 0 ? 0 : (System.nanoTime() - since) / 1e9;
      }).tag("event", event.slug()).description("how long this node has known of a version it has not applied")
          .register(registry);
      return lag;
    });
  }
}
