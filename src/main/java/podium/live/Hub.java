package podium.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import podium.store.Credentials;
import podium.store.ScreenTable;

/**
 * The WebSocket side of one event loop: it owns its sockets, reads their frames, keeps them alive
 * and drains them on shutdown. Greeting admits them; Fanout writes the deltas.
 */
public final class Hub {

  /** Text frames larger than this get an error instead of being parsed. */
  public static final int MAX_CLIENT_FRAME = 4096;
  public static final int WRITE_QUEUE_BYTES = 256 * 1024;
  static final long PING_MS = 20_000;
  /** Pings go out in this many groups, one group a second, rather than to everyone at once. */
  static final int PING_GROUPS = (int) (PING_MS / 1000);
  static final long HELLO_WITHIN_MS = 30_000;
  /** How often this node tells PostgreSQL which screens it holds and what they have applied. */
  static final long PRESENCE_MS = 2_000;
  /** How long after connecting a starting node holds a hello before it sends the client to reconnect. */
  static final long HOLD_MS = 20_000;

  private final Vertx vertx;
  private final EventStates states;
  private final Pool pool;
  private final Credentials credentials;
  private final Deliveries deliveries;
  /** The node's live counters, shared by its hubs. */
  private final LiveMetrics metrics;
  private final String node;
  private final AtomicInteger sockets;
  private final Set<Client> clients = new LinkedHashSet<>();
  private final List<Runnable> unsubscribe = new ArrayList<>();
  private final Buffer ping = Buffer.buffer("p");
  private final WirePath wire;
  private final AddressLimits limits;
  private Fanout fanout;
  private Greeting greeting;
  private long tick;
  private boolean draining;
  private long pinger;
  private long presence;

  /** sockets: this node's count of open sockets, shared by its hubs, for the metrics. */
  /** wire: the socket path the node chose for all its hubs (see WirePath). */
  /** limits: connections and hellos per client address, shared by the node's hubs. */
  public Hub(Vertx vertx, EventStates states, Pool pool, Credentials credentials, String node, AtomicInteger sockets,
      WirePath wire, Deliveries deliveries, LiveMetrics metrics, AddressLimits limits) {
    this.vertx = vertx;
    this.deliveries = deliveries;
    this.metrics = metrics;
    this.limits = limits;
    this.wire = wire;
    this.states = states;
    this.pool = pool;
    this.credentials = credentials;
    this.node = node;
    this.sockets = sockets;
  }

  /** Call on the context that owns this hub's sockets. */
  public void start() {
    io.vertx.core.Context context = vertx.getOrCreateContext();
    fanout = new Fanout(context, node, deliveries, metrics);
    greeting = new Greeting(context, states, pool, credentials, fanout, this::reportScreens);
    unsubscribe.add(credentials.onRevoked(hash -> context.runOnContext(v -> closeRevoked(hash))));
    unsubscribe.add(states.onDelta(d -> context.runOnContext(v -> fanout.offer(d))));
    unsubscribe.add(states.onReset(s -> context.runOnContext(v -> fanout.reset(s))));
    states.whenLoaded().onComplete(v -> context.runOnContext(x -> greetHeld()));
    pinger = vertx.setPeriodic(1000, t -> sweep());
    presence = vertx.setPeriodic(PRESENCE_MS, t -> reportScreens());
  }

  public void accept(ServerWebSocket socket) {
    if (draining) {
      Frames.reconnect(250 + ThreadLocalRandom.current().nextLong(5_000)).writeTo(wire.wire(socket));
      socket.close((short) 1012, "restarting");
      return;
    }
    String address = limits.keyOf(socket);
    if (!limits.open(address)) {
      refuse(socket, wire.wire(socket), ProtocolError.Code.TOO_MANY_CONNECTIONS,
          "too many connections from this address; try again later");
      return;
    }
    Client client = new Client(socket, wire.wire(socket), (int) (clients.size() % PING_GROUPS));
    client.address = address;
    clients.add(client);
    sockets.incrementAndGet();
    client.wire.bound(WRITE_QUEUE_BYTES);
    socket.textMessageHandler(text -> onText(client, text));
    socket.binaryMessageHandler(b -> error(client, ProtocolError.Code.MALFORMED_FRAME, "frames are JSON text"));
    socket.exceptionHandler(e -> socket.close());
    socket.closeHandler(v -> forget(client));
  }

  private void onText(Client client, String text) {
    // Acks are the frames clients send most (a screen's once a second): read them without building a JSON object.
    long[] ack = Acks.read(text);
    if (ack != null) {
      fanout.acked(client, ack[0], ack[1]);
      return;
    }
    if (text.length() > MAX_CLIENT_FRAME) {
      error(client, ProtocolError.Code.FRAME_TOO_LARGE, "client frames are at most " + MAX_CLIENT_FRAME + " characters");
      return;
    }
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      error(client, ProtocolError.Code.MALFORMED_FRAME, "a frame must be one JSON object");
      return;
    }
    Object type = frame.getValue("type");
    try {
      if ("ping".equals(type)) {
        Frames.pong(frame.getValue("t")).writeTo(client.wire);
      } else if ("ack".equals(type)) {
        if (!(frame.getValue("version") instanceof Number v) || !(frame.getValue("at") instanceof Number at)) {
          throw new ProtocolError(ProtocolError.Code.BAD_ACK, "an ack is {\"type\":\"ack\",\"version\":N,\"at\":ms}");
        }
        fanout.acked(client, v.longValue(), at.longValue());
      } else if ("hello".equals(type)) {
        if (!limits.hello(client.address)) {
          refuse(client.socket, client.wire, ProtocolError.Code.TOO_MANY_HELLOS,
              "too many hellos from this address; try again in a few seconds");
          return;
        }
        Hello hello = Hello.parse(frame);
        if (states.loaded()) {
          greeting.hello(client, hello);
        } else {
          hold(client, hello);
        }
      } else {
        throw new ProtocolError(ProtocolError.Code.UNKNOWN_TYPE, "unknown frame type " + type + ": clients send hello, ping or ack");
      }
    } catch (ProtocolError e) {
      error(client, e.code(), e.getMessage());
    }
  }

  /**
   * A node that is still starting accepts sockets and holds their hellos until its events are
   * loaded: a hall of screens waits on open sockets instead of retrying against a closed port.
   */
  private void hold(Client client, Hello hello) {
    if (client.greeting) {
      throw Greeting.alreadySubscribed();
    }
    client.greeting = true;
    client.held = hello;
  }

  /** Once the events are loaded: every held hello is answered. */
  private void greetHeld() {
    for (Client client : clients) {
      Hello hello = client.held;
      if (hello != null) {
        client.held = null;
        client.greeting = false;
        try {
          greeting.hello(client, hello);
        } catch (ProtocolError e) {
          error(client, e.code(), e.getMessage());
        }
      }
    }
  }

  /** Tells PostgreSQL which screens this node holds and what they show, for the console's fleet view. */
  private void reportScreens() {
    List<ScreenTable.Seen> seen = new ArrayList<>();
    for (Client c : clients) {
      if (c.screen != null && c.subscribed()) {
        seen.add(new ScreenTable.Seen(c.screen, c.acked));
      }
    }
    ScreenTable.seen(pool, node, seen);
  }

  /**
   * Once a second: resyncs stale sockets that read again, pings one group of sockets (browsers
   * answer, which keeps the read-idle timer quiet) and closes those that never said hello.
   */
  private void sweep() {
    int group = (int) (tick++ % PING_GROUPS);
    long now = System.currentTimeMillis();
    List<Client> silent = new ArrayList<>();
    List<Client> stillHeld = new ArrayList<>();
    for (Client client : clients) {
      if (!client.subscribed() && !client.greeting && now - client.connectedAt > HELLO_WITHIN_MS) {
        silent.add(client);
      } else if (client.held != null && now - client.connectedAt > HOLD_MS) {
        stillHeld.add(client);
      } else {
        fanout.recover(client);
        if (client.pingGroup == group) {
          client.socket.writePing(ping);
        }
      }
    }
    silent.forEach(c -> c.socket.close((short) 1008, "no hello"));
    // A node that cannot load (its database hangs, say) sends its held clients elsewhere.
    for (Client c : stillHeld) {
      Frames.reconnect(ThreadLocalRandom.current().nextLong(5_000)).writeTo(c.wire);
      c.socket.close((short) 1012, "still starting");
    }
  }

  /** A staff login or token was withdrawn: the sockets it opened close at once (4001: log in again). */
  private void closeRevoked(String hash) {
    for (Client client : List.copyOf(clients)) {
      if (hash.equals(client.credential)) {
        Frames.error(ProtocolError.Code.UNAUTHORIZED, "your login or token was withdrawn").writeTo(client.wire);
        client.socket.close((short) 4001, "credential withdrawn");
      }
    }
  }

  /** A polite refusal of the whole connection: the error, then 1013 (try again later); clients back off. */
  private static void refuse(ServerWebSocket socket, Wire wire, ProtocolError.Code code, String message) {
    Frames.error(code, message).writeTo(wire);
    socket.close((short) 1013, code.wire());
  }

  private void error(Client client, ProtocolError.Code code, String message) {
    Frames.error(code, message).writeTo(client.wire);
  }

  private void forget(Client client) {
    client.gone = true;
    if (clients.remove(client)) {
      sockets.decrementAndGet();
      limits.closed(client.address);
    }
    fanout.remove(client);
  }

  /** Tells every client to come back after a random pause, so they do not all return at once, then closes. */
  public Future<Void> drain(long maxAfterMs) {
    draining = true;
    vertx.cancelTimer(pinger);
    vertx.cancelTimer(presence);
    unsubscribe.forEach(Runnable::run);
    for (Client client : List.copyOf(clients)) {
      long after = 250 + ThreadLocalRandom.current().nextLong(Math.max(1, maxAfterMs));
      Frames.reconnect(after).writeTo(client.wire);
    }
    return vertx.timer(200).compose(v -> {
      List<Future<Void>> closing = new ArrayList<>();
      for (Client client : List.copyOf(clients)) {
        closing.add(client.socket.close((short) 1012, "restarting"));
      }
      return Future.join(closing).mapEmpty();
    });
  }
}
