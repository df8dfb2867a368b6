package podium.live;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrameType;
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
 * The WebSocket side of one event loop: it owns its sockets, reads their frames, keeps them alive,
 * cuts those that cannot keep up, and drains them on shutdown. Greeting admits them; Fanout
 * writes the deltas. Nothing it sends waits behind a backed-up socket: control frames to one are
 * dropped, and closes that its peer does not finish within a second become cuts.
 */
public final class Hub {

  /** Text frames larger than this get an error instead of being parsed. */
  public static final int MAX_CLIENT_FRAME = 4096;
  static final long PING_MS = 20_000;
  /** Pings go out in this many groups, one group a second, rather than to everyone at once. */
  static final int PING_GROUPS = (int) (PING_MS / 1000);
  static final long HELLO_WITHIN_MS = 30_000;
  /** How often this node tells PostgreSQL which screens it holds and what they have applied. */
  static final long PRESENCE_MS = 2_000;
  /** How long after connecting a starting node holds a hello before it sends the client to reconnect. */
  static final long HOLD_MS = 20_000;

  /** What a node's hubs share, made once by the node. */
  public record Shared(EventStates states, Pool pool, Credentials credentials, String node, AtomicInteger sockets,
      WirePath wire, Deliveries deliveries, LiveMetrics metrics, AddressLimits limits, Backpressure backpressure) { }

  private final Vertx vertx;
  private final Shared shared;
  private final Set<Client> clients = new LinkedHashSet<>();
  private final List<Runnable> unsubscribe = new ArrayList<>();
  private Fanout fanout;
  private Closing closing;
  private Sweep sweep;
  private Greeting greeting;
  private boolean draining;
  private long pinger;
  private long presence;

  public Hub(Vertx vertx, Shared shared) {
    this.vertx = vertx;
    this.shared = shared;
  }

  /** Call on the context that owns this hub's sockets. */
  public void start() {
    io.vertx.core.Context context = vertx.getOrCreateContext();
    fanout = new Fanout(context, shared.node(), shared.deliveries(), shared.metrics(), (c, e) -> closing.failed(c, e));
    closing = new Closing(vertx, fanout, shared.metrics());
    sweep = new Sweep(clients, fanout, closing, shared.metrics().backlog(), this::control);
    greeting = new Greeting(context, shared.states(), shared.pool(), shared.credentials(), fanout, this::reportScreens,
        this::control);
    EventStates states = shared.states();
    unsubscribe.add(shared.credentials().onRevoked(hash -> context.runOnContext(v -> closeRevoked(hash))));
    unsubscribe.add(states.onDelta(d -> context.runOnContext(v -> fanout.offer(d))));
    unsubscribe.add(states.onReset(s -> context.runOnContext(v -> fanout.reset(s).forEach(c -> closing.cut(c, Cut.BACKLOG)))));
    states.whenLoaded().onComplete(v -> context.runOnContext(x -> greetHeld()));
    pinger = vertx.setPeriodic(1000, t -> sweep.run());
    presence = vertx.setPeriodic(PRESENCE_MS, t -> reportScreens());
  }

  public void accept(ServerWebSocket socket) {
    Wire wire = shared.wire().wire(socket);
    if (draining) {
      Frames.reconnect(250 + ThreadLocalRandom.current().nextLong(5_000)).writeTo(wire);
      wire.close((short) 1012, "restarting");
      return;
    }
    AddressLimits limits = shared.limits();
    String address = limits.keyOf(socket);
    if (!limits.open(address)) {
      refuse(wire, ProtocolError.Code.TOO_MANY_CONNECTIONS, "too many connections from this address; try again later");
      return;
    }
    Client client = new Client(socket, wire, (int) (clients.size() % PING_GROUPS), shared.backpressure());
    client.address = address;
    clients.add(client);
    shared.sockets().incrementAndGet();
    socket.textMessageHandler(text -> onText(client, text));
    socket.binaryMessageHandler(b -> error(client, ProtocolError.Code.MALFORMED_FRAME, "frames are JSON text"));
    // The WebSocket layer answers each ping frame with a pong of its own, behind whatever waits.
    socket.frameHandler(f -> {
      if (f.type() == WebSocketFrameType.PING && !client.closing() && client.backedUp()) {
        closing.cut(client, Cut.BACKLOG);
      }
    });
    socket.pongHandler(b -> client.ponged());
    socket.exceptionHandler(e -> closing.close(client, (short) 1000, "error"));
    socket.closeHandler(v -> forget(client));
  }

  private void onText(Client client, String text) {
    if (client.closing()) {
      return;
    }
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
        control(client, Frames.pong(frame.getValue("t")));
      } else if ("ack".equals(type)) {
        if (!(frame.getValue("version") instanceof Number v) || !(frame.getValue("at") instanceof Number at)) {
          throw new ProtocolError(ProtocolError.Code.BAD_ACK, "an ack is {\"type\":\"ack\",\"version\":N,\"at\":ms}");
        }
        fanout.acked(client, v.longValue(), at.longValue());
      } else if ("hello".equals(type)) {
        hello(client, frame);
      } else {
        throw new ProtocolError(ProtocolError.Code.UNKNOWN_TYPE, "unknown frame type " + type + ": clients send hello, ping or ack");
      }
    } catch (ProtocolError e) {
      error(client, e.code(), e.getMessage());
    }
  }

  private void hello(Client client, JsonObject frame) {
    if (!shared.limits().hello(client.address)) {
      error(client, ProtocolError.Code.TOO_MANY_HELLOS, "too many hellos from this address; try again in a few seconds");
      closing.close(client, (short) 1013, ProtocolError.Code.TOO_MANY_HELLOS.wire());
      return;
    }
    Hello hello = Hello.parse(frame);
    if (shared.states().loaded()) {
      greeting.hello(client, hello);
    } else {
      hold(client, hello);
    }
  }

  /**
   * A node that is still starting accepts sockets and holds their hellos until its events are
   * loaded: a hall of screens waits on open sockets instead of retrying against a closed port.
   */
  private void hold(Client client, Hello hello) {
    if (client.state() != Client.State.CONNECTED) {
      throw Greeting.alreadySubscribed();
    }
    client.greeting();
    client.held = hello;
  }

  /** Once the events are loaded: every held hello is answered. */
  private void greetHeld() {
    for (Client client : List.copyOf(clients)) {
      Hello hello = client.held;
      if (hello != null && !client.closing()) {
        client.held = null;
        client.refused();
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
    ScreenTable.seen(shared.pool(), shared.node(), seen);
  }

  /**
   * A staff login or token was withdrawn: its sockets are unsubscribed first, so that nothing
   * committed from now on reaches them, told why, and closed (4001: log in again) within a second.
   */
  private void closeRevoked(String hash) {
    for (Client client : List.copyOf(clients)) {
      if (hash.equals(client.credential)) {
        fanout.remove(client);
        control(client, Frames.error(ProtocolError.Code.UNAUTHORIZED, "your login or token was withdrawn"));
        closing.close(client, (short) 4001, "credential withdrawn");
      }
    }
  }

  /** A polite refusal of the whole connection: the error, then 1013 (try again later); clients back off. */
  private static void refuse(Wire wire, ProtocolError.Code code, String message) {
    Frames.error(code, message).writeTo(wire);
    wire.close((short) 1013, code.wire());
  }

  private void error(Client client, ProtocolError.Code code, String message) {
    control(client, Frames.error(code, message));
  }

  /** A frame for this client alone (pong, error, reconnect): dropped, and counted, while it is backed up. */
  void control(Client client, SharedFrame frame) {
    if (client.closing()) {
      return;
    }
    if (client.backedUp()) {
      shared.metrics().dropped(frame);
      return;
    }
    frame.writeTo(client.wire);
  }

  private void forget(Client client) {
    fanout.remove(client);
    client.forgotten();
    if (clients.remove(client)) {
      shared.sockets().decrementAndGet();
      shared.limits().closed(client.address);
    }
  }

  /**
   * Tells every client to come back after a random pause, so they do not all return at once, then
   * closes: a backed-up client is cut at once (it would not read the frame), the others are closed
   * politely and cut if they have not finished within a second. Done within about 1.2 s.
   */
  public Future<Void> drain(long maxAfterMs) {
    draining = true;
    vertx.cancelTimer(pinger);
    vertx.cancelTimer(presence);
    unsubscribe.forEach(Runnable::run);
    for (Client client : List.copyOf(clients)) {
      if (client.backedUp()) {
        closing.cut(client, Cut.BACKLOG);
      } else {
        control(client, Frames.reconnect(250 + ThreadLocalRandom.current().nextLong(Math.max(1, maxAfterMs))));
      }
    }
    return vertx.timer(200).compose(v -> {
      List<Future<Void>> closes = new ArrayList<>();
      for (Client client : List.copyOf(clients)) {
        closes.add(closing.close(client, (short) 1012, "restarting"));
      }
      // A socket that cannot be cut ahead of its backlog (no internals) must not hold the drain either.
      return Future.any(Future.join(closes), vertx.timer(2 * Closing.WITHIN_MS)).mapEmpty();
    });
  }
}
