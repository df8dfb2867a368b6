package podium.faults;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Many lean /live clients that behave as live.js does: hello (with resume once they have a
 * state), every version once and in order, and on a lost socket or a reconnect frame back after a
 * jittered pause. They count what the protocol promises: gaps, duplicates, snapshots, resumes.
 * Frames are read by their first fields, not parsed whole: thousands of snapshots arrive at once.
 */
final class Phones implements AutoCloseable {

  /** One phone; touched on its client's event loop. */
  static final class Phone {
    final int index;
    volatile WebSocket socket;
    volatile String epoch;
    volatile long last = -1;
    volatile String node;
    volatile boolean ready;
    int attempts;

    Phone(int index) {
      this.index = index;
    }
  }

  final LongAdder gaps = new LongAdder();
  final LongAdder duplicates = new LongAdder();
  final LongAdder snapshots = new LongAdder();
  final LongAdder resumes = new LongAdder();
  final LongAdder connectFailures = new LongAdder();
  private final Vertx vertx;
  private final int port;
  private final List<WebSocketClient> clients = new ArrayList<>();
  private final List<Phone> phones = new ArrayList<>();
  private final Map<Phone, Boolean> resuming = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final long maxPauseMs;
  private volatile boolean closing;
  /** Told of each change or skip a phone applies: (version, System.nanoTime() on arrival). */
  private volatile java.util.function.BiConsumer<Long, Long> arrivals = (v, at) -> { };

  /** sources: loopback source addresses to spread the sockets over (each has ~28k ephemeral ports). */
  Phones(Vertx vertx, int port, List<String> sources, int count, long maxPauseMs) {
    this.vertx = vertx;
    this.port = port;
    this.maxPauseMs = maxPauseMs;
    for (String s : sources) {
      clients.add(vertx.createWebSocketClient(new WebSocketClientOptions().setLocalAddress(s)
          .setMaxConnections(count + 1).setConnectTimeout(10_000).setMaxFrameSize(1 << 20)
          .setMaxMessageSize(4 << 20)));
    }
    for (int i = 0; i < count; i++) {
      phones.add(new Phone(i));
    }
  }

  /** Opens every socket, at most window handshakes at a time; waits until all have a first snapshot. */
  void connectAll(int window, Duration timeout) {
    for (Phone p : phones) {
      while (inFlight.get() >= window) {
        podium.LiveClient.sleep(1);
      }
      open(p);
    }
    await(p -> p.ready, timeout, "a first snapshot");
  }

  private void open(Phone p) {
    if (closing) {
      return;
    }
    inFlight.incrementAndGet();
    WebSocketClient client = clients.get(p.index % clients.size());
    client.webSocket()
        .textMessageHandler(text -> onFrame(p, text))
        .closeHandler(v -> lost(p))
        .exceptionHandler(e -> { })
        .connect(port, "localhost", "/live")
        .onComplete(done -> {
          inFlight.decrementAndGet();
          if (done.failed()) {
            connectFailures.increment();
            later(p);
            return;
          }
          p.socket = done.result();
          p.attempts = 0;
          String resume = p.epoch == null ? ""
              : ",\"resume\":{\"epoch\":\"" + p.epoch + "\",\"version\":" + p.last + "}";
          p.socket.writeTextMessage("{\"type\":\"hello\",\"event\":\"" + podium.TestNode.SLUG + "\"" + resume + "}");
        });
  }

  private void lost(Phone p) {
    if (p.socket != null) {
      p.socket = null;
      if (p.epoch != null) {
        resuming.put(p, true);
      }
      later(p);
    }
  }

  /** Back after a pause with full jitter, doubling while connects fail (as live.js does). */
  private void later(Phone p) {
    if (closing) {
      return;
    }
    long cap = Math.min(2_000, maxPauseMs << Math.min(p.attempts++, 4));
    vertx.setTimer(1 + ThreadLocalRandom.current().nextLong(Math.max(1, cap)), t -> open(p));
  }

  private void onFrame(Phone p, String text) {
    String type = field(text, "type");
    if ("change".equals(type) || "skip".equals(type)) {
      long v = number(text, "version");
      if (v <= p.last) {
        duplicates.increment();
      } else {
        if (p.last >= 0 && v != p.last + 1) {
          gaps.increment();
        }
        p.last = v;
        arrivals.accept(v, System.nanoTime());
      }
    } else if ("snapshot".equals(type)) {
      p.last = number(text, "version");
      p.epoch = field(text, "epoch");
      if (p.ready) {
        snapshots.increment();
      }
      p.ready = true;
      resuming.remove(p);
    } else if ("welcome".equals(type)) {
      JsonObject w = new JsonObject(text);
      p.node = w.getString("node");
      if (p.epoch != null && !p.epoch.equals(w.getString("epoch"))) {
        p.epoch = w.getString("epoch"); // a reset history: a snapshot follows
      } else if (resuming.remove(p) != null) {
        resumes.increment();
      }
    } else if ("reconnect".equals(type) && p.socket != null) {
      p.socket.close();
    }
  }

  static String field(String text, String name) {
    int at = text.indexOf("\"" + name + "\":\"");
    if (at < 0 || at > 200) {
      return null;
    }
    int from = at + name.length() + 4;
    return text.substring(from, text.indexOf('"', from));
  }

  static long number(String text, String name) {
    int at = text.indexOf("\"" + name + "\":");
    int from = at + name.length() + 3;
    int to = from;
    while (to < text.length() && (Character.isDigit(text.charAt(to)) || text.charAt(to) == '-')) {
      to++;
    }
    return Long.parseLong(text.substring(from, to));
  }

  void onArrival(java.util.function.BiConsumer<Long, Long> listener) {
    arrivals = listener;
  }

  int count(Predicate<Phone> which) {
    return (int) phones.stream().filter(which).count();
  }

  int size() {
    return phones.size();
  }

  void await(Predicate<Phone> which, Duration timeout, String what) {
    long until = System.nanoTime() + timeout.toNanos();
    while (count(which) < phones.size() && System.nanoTime() < until) {
      podium.LiveClient.sleep(20);
    }
    int have = count(which);
    if (have < phones.size()) {
      throw new AssertionError(have + " of " + phones.size() + " phones have " + what + " after " + timeout
          + " (connect failures " + connectFailures.sum() + ")");
    }
  }

  @Override
  public void close() {
    closing = true;
    clients.forEach(WebSocketClient::close);
  }
}
