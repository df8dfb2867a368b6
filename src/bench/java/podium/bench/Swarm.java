package podium.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * The sockets of one generator process, spread over its loopback source addresses and the hub
 * ports. Connects through a bounded window so that the server's accept backlog never overflows.
 */
final class Swarm {

  static final int MAX_ATTEMPTS = 120;

  final LongAdder ready = new LongAdder();
  final LongAdder gaps = new LongAdder();
  final LongAdder duplicates = new LongAdder();
  final LongAdder resyncs = new LongAdder();
  final LongAdder resumed = new LongAdder();
  final LongAdder failures = new LongAdder();
  private final LongAccumulator frameBytes = new LongAccumulator(Math::max, 0);
  private final AtomicInteger open = new AtomicInteger();
  private final Vertx vertx;
  private final io.vertx.core.Context pacer;
  private final List<WebSocketClient> clients = new ArrayList<>();
  private final List<WebSocketClient> slowClients = new ArrayList<>();
  private final List<Subscriber> subscribers = new ArrayList<>();
  private long acker = -1;
  /** 50 groups of 100 ms: each subscriber's turn comes every 5 s. */
  private static final int ACK_GROUPS = 50;
  private long slowCycle = -1;
  private long slowPings = -1;
  private final Receipts receipts;
  private volatile boolean measuring;
  private volatile boolean reconnect;
  private volatile boolean closing;
  private volatile long target = Long.MAX_VALUE;
  private final java.util.ArrayDeque<Subscriber> waiting = new java.util.ArrayDeque<>();
  private int inFlight;
  private int window;

  Swarm(Vertx vertx, List<String> sourceAddresses, List<Integer> ports, int count) {
    this(vertx, sourceAddresses, ports, count, 0);
  }

  /**
   * slowEvery: every slowEvery-th subscriber (0: none) is a slow reader, on a client with an 8 KiB
   * receive buffer (a phone's kernel takes little while its app does not read; see slow()).
   */
  Swarm(Vertx vertx, List<String> sourceAddresses, List<Integer> ports, int count, int slowEvery) {
    this.vertx = vertx;
    this.pacer = vertx.getOrCreateContext();
    for (String address : sourceAddresses) {
      if (!address.startsWith("127.")) {
        throw new IllegalArgumentException("the bench only uses loopback addresses, not " + address);
      }
      clients.add(vertx.createWebSocketClient(new WebSocketClientOptions().setLocalAddress(address)
          .setMaxConnections(count + 1).setConnectTimeout(20_000).setMaxFrameSize(1 << 20)
          .setMaxMessageSize(4 << 20).setTryUsePerMessageCompression(false)));
      slowClients.add(slowEvery <= 0 ? null : vertx.createWebSocketClient(new WebSocketClientOptions()
          .setLocalAddress(address).setMaxConnections(count + 1).setConnectTimeout(20_000).setMaxFrameSize(1 << 20)
          .setMaxMessageSize(4 << 20).setTryUsePerMessageCompression(false).setReceiveBufferSize(8192)));
    }
    for (int i = 0; i < count; i++) {
      Subscriber s = new Subscriber(ports.get(i % ports.size()), i % sourceAddresses.size());
      s.slow = slowEvery > 0 && i % slowEvery == 0;
      subscribers.add(s);
    }
    this.receipts = new Receipts(count);
  }

  /** Opens every socket, at most {@code window} handshakes at a time. */
  void connect(int window) {
    pacer.runOnContext(v -> {
      this.window = window;
      waiting.addAll(subscribers);
      pump();
    });
  }

  private void pump() {
    while (inFlight < window && !waiting.isEmpty() && !closing) {
      Subscriber s = waiting.poll();
      inFlight++;
      open(s).onComplete(done -> pacer.runOnContext(v -> {
        inFlight--;
        pump();
      }));
    }
  }

  private io.vertx.core.Future<Void> open(Subscriber s) {
    var ws = (s.slow ? slowClients : clients).get(s.client).webSocket();
    // Each frame's raw bytes, not a decoded message: a burst of 16 KiB frames to thousands of
    // sockets would otherwise cost the generator a String per frame (and its collections), which
    // the hub's machine pays for too; the fields read are all in a frame's first bytes.
    ws.handler(data -> s.onFrame(Scan.head(data), data.length(), this));
    ws.closeHandler(v -> closed(s));
    ws.exceptionHandler(e -> { });
    return ws.connect(s.port, "127.0.0.1", "/live").map(socket -> {
      open.incrementAndGet();
      s.socket = socket;
      s.attempts = 0;
      socket.writeTextMessage(s.hello());
      return (Void) null;
    }).recover(e -> {
      failures.increment();
      retry(s);
      return io.vertx.core.Future.succeededFuture();
    });
  }

  private void closed(Subscriber s) {
    if (s.socket == null) {
      return;
    }
    open.decrementAndGet();
    s.socket = null;
    if (reconnect && !closing) {
      s.reconnecting = true;
      retry(s);
    }
  }

  /**
   * Comes back, with resume, after a jittered pause that doubles up to 2 s (as a phone would, so
   * that a dead node is not hammered), through the same window as the first connect.
   */
  private void retry(Subscriber s) {
    if (closing || ++s.attempts > MAX_ATTEMPTS || (s.epoch != null && !reconnect)) {
      return;
    }
    long base = Math.min(2_000, 100L << Math.min(s.attempts, 5));
    long pause = base / 2 + ThreadLocalRandom.current().nextLong(base);
    vertx.setTimer(pause, t -> pacer.runOnContext(v -> {
      waiting.add(s);
      pump();
    }));
  }

  void received(long version, long micros) {
    if (measuring) {
      receipts.record(version, micros);
    }
  }

  void noteFrameBytes(int bytes) {
    frameBytes.accumulate(bytes);
  }

  void mark() {
    gaps.reset();
    duplicates.reset();
    measuring = true;
  }

  void reconnect(boolean on) {
    reconnect = on;
  }

  /**
   * Every subscriber acks at most once every 5 s, as live.js does for phones, in fifty groups a
   * tenth of a second apart (not all at once).
   */
  void acks(boolean on) {
    vertx.cancelTimer(acker);
    acker = -1;
    if (on) {
      long[] tick = {0};
      acker = vertx.setPeriodic(100, t -> {
        int group = (int) (tick[0]++ % ACK_GROUPS);
        long now = System.currentTimeMillis();
        for (int i = group; i < subscribers.size(); i += ACK_GROUPS) {
          subscribers.get(i).ackIfNew(now);
        }
      });
    }
  }

  /**
   * The slow readers stop reading for pauseMs, read for readMs, and so on, like phones in a dead
   * Wi-Fi corner: their sockets fill and go stale. A negative pauseMs ends it: they read again.
   */
  void slow(long pauseMs, long readMs) {
    vertx.cancelTimer(slowCycle);
    vertx.cancelTimer(slowPings);
    if (pauseMs >= 0) {
      // They keep sending while they read nothing, as live.js does (every 15 s; here every 2 s):
      // a write is how a phone learns that the hub has cut it.
      slowPings = vertx.setPeriodic(2_000, t -> subscribers.stream().filter(s -> s.slow && s.socket != null)
          .forEach(s -> s.socket.writeTextMessage("{\"type\":\"ping\",\"t\":" + System.currentTimeMillis() + "}")));
    }
    if (pauseMs < 0) {
      subscribers.stream().filter(s -> s.slow && s.socket != null).forEach(s -> s.socket.resume());
      return;
    }
    cycle(true, pauseMs, readMs);
  }

  private void cycle(boolean pause, long pauseMs, long readMs) {
    for (Subscriber s : subscribers) {
      var socket = s.socket;
      if (s.slow && socket != null) {
        if (pause) {
          socket.pause();
        } else {
          socket.resume();
        }
      }
    }
    slowCycle = vertx.setTimer(pause ? pauseMs : readMs, t -> cycle(!pause, pauseMs, readMs));
  }

  void target(long version) {
    target = version;
  }

  Receipts receipts() {
    return receipts;
  }

  /** Closes every socket and stops reconnecting; the generator can then be given a new swarm. */
  void close() {
    closing = true;
    clients.forEach(WebSocketClient::close);
    slowClients.stream().filter(c -> c != null).forEach(WebSocketClient::close);
  }

  JsonObject status() {
    long atTarget = subscribers.stream().filter(s -> s.last >= target).count();
    return new JsonObject().put("open", open.get()).put("ready", ready.sum()).put("atTarget", atTarget)
        .put("gaps", gaps.sum()).put("duplicates", duplicates.sum()).put("resyncs", resyncs.sum())
        .put("resumed", resumed.sum()).put("failures", failures.sum()).put("frameBytes", frameBytes.get())
        .put("reconnecting", subscribers.stream().filter(s -> s.reconnecting).count())
        .put("slow", subscribers.stream().filter(s -> s.slow).count())
        .put("normalReceived", subscribers.stream().filter(s -> !s.slow).mapToLong(s -> s.received).sum())
        .put("normalMissing", subscribers.stream().filter(s -> !s.slow).mapToLong(s -> s.missing).sum())
        .put("normalAtTarget", subscribers.stream().filter(s -> !s.slow && s.last >= target).count())
        .put("normalResyncs", subscribers.stream().filter(s -> !s.slow).mapToLong(s -> s.resynced).sum())
        .put("slowReceived", subscribers.stream().filter(s -> s.slow).mapToLong(s -> s.received).sum());
  }
}
