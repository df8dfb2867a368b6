package podium.live;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import io.vertx.sqlclient.Pool;
import podium.event.Audience;
import podium.store.ApiTokens;
import podium.store.ScreenTable;

/**
 * The WebSocket side of one event loop: it owns its sockets, greets them, and writes each delta's
 * shared frame to the clients of its event. A socket whose write queue is full gets no more deltas
 * until it drains; then it gets one fresh snapshot.
 */
public final class Hub {

  /** Text frames larger than this get an error instead of being parsed. */
  public static final int MAX_CLIENT_FRAME = 4096;
  public static final int WRITE_QUEUE_BYTES = 256 * 1024;
  static final long PING_MS = 20_000;
  static final long HELLO_WITHIN_MS = 30_000;

  private final Vertx vertx;
  private final EventStates states;
  static final long PRESENCE_MS = 10_000;

  private final Pool pool;
  private final String node;
  private final Set<Client> clients = new LinkedHashSet<>();
  private final Map<Long, Set<Client>> byEvent = new HashMap<>();
  private final List<Runnable> unsubscribe = new ArrayList<>();
  private Context context;
  private long pinger;
  private long presence;

  public Hub(Vertx vertx, EventStates states, Pool pool, String node) {
    this.vertx = vertx;
    this.states = states;
    this.pool = pool;
    this.node = node;
  }

  /** Call on the context that owns this hub's sockets. */
  public void start() {
    context = vertx.getOrCreateContext();
    unsubscribe.add(states.onDelta(d -> context.runOnContext(v -> deliver(d))));
    unsubscribe.add(states.onReset(s -> context.runOnContext(v -> reset(s))));
    pinger = vertx.setPeriodic(PING_MS, t -> sweep());
    presence = vertx.setPeriodic(PRESENCE_MS, t -> reportScreens());
  }

  public int connected() {
    return clients.size();
  }

  public void accept(ServerWebSocket socket) {
    Client client = new Client(socket);
    clients.add(client);
    socket.setWriteQueueMaxSize(WRITE_QUEUE_BYTES);
    socket.textMessageHandler(text -> onText(client, text));
    socket.binaryMessageHandler(b -> error(client, "malformed_frame", "frames are JSON text"));
    socket.exceptionHandler(e -> socket.close());
    socket.closeHandler(v -> forget(client));
  }

  private void onText(Client client, String text) {
    if (text.length() > MAX_CLIENT_FRAME) {
      error(client, "frame_too_large", "client frames are at most " + MAX_CLIENT_FRAME + " characters");
      return;
    }
    JsonObject frame;
    try {
      frame = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      error(client, "malformed_frame", "a frame must be one JSON object");
      return;
    }
    Object type = frame.getValue("type");
    try {
      if ("ping".equals(type)) {
        client.socket.writeTextMessage(Frames.pong(frame.getValue("t")));
      } else if ("hello".equals(type)) {
        hello(client, Hello.parse(frame));
      } else {
        throw new ProtocolError("unknown_type", "unknown frame type " + type + ": clients send hello or ping");
      }
    } catch (ProtocolError e) {
      error(client, e.code(), e.getMessage());
    }
  }

  private void hello(Client client, Hello hello) {
    if (client.subscribed() || client.greeting) {
      throw new ProtocolError("already_subscribed", "one hello per connection; reconnect to change channels");
    }
    EventState event = states.bySlug(hello.event());
    if (event == null) {
      throw new ProtocolError("unknown_event", "no event '" + hello.event() + "' on this hub");
    }
    for (String channel : hello.channels()) {
      if (channel.startsWith("room:") && event.view().agenda().room(channel.substring(5)).isEmpty()) {
        throw new ProtocolError("unknown_room", "no room '" + channel.substring(5) + "' in " + hello.event());
      }
    }
    if (hello.audience() == Audience.PUBLIC && hello.screen() == null) {
      subscribe(client, event, hello);
      return;
    }
    client.greeting = true;
    admit(hello, event).onComplete(ok -> {
      client.greeting = false;
      if (!clients.contains(client)) {
        return;
      }
      if (ok.succeeded() && ok.result() == null) {
        client.screen = hello.screen();
        subscribe(client, event, hello);
        if (client.screen != null) {
          reportScreens();
        }
      } else {
        error(client, "unauthorized", ok.succeeded() ? ok.result() : "could not check the token; try again");
      }
    });
  }

  /** Checks the token for staff and screen channels; answers null when admitted, else why not. */
  private Future<String> admit(Hello hello, EventState event) {
    if (hello.audience() == Audience.STAFF) {
      return ApiTokens.holder(pool, hello.token())
          .map(holder -> holder != null ? null : "the staff channel needs a valid staff token");
    }
    return ScreenTable.byToken(pool, hello.token()).map(device -> device != null
        && device.screen().equals(hello.screen()) && Long.valueOf(event.id()).equals(device.eventId()) ? null
        : "screen:" + hello.screen() + " needs that screen's device token, paired to " + hello.event());
  }

  /** Tells PostgreSQL which screens this node holds and what they show, for the console's fleet view. */
  private void reportScreens() {
    List<ScreenTable.Seen> seen = new ArrayList<>();
    for (Client c : clients) {
      if (c.screen != null && c.subscribed()) {
        seen.add(new ScreenTable.Seen(c.screen, c.last));
      }
    }
    ScreenTable.seen(pool, node, seen);
  }

  /** Welcome, then the missing deltas or a snapshot; from here on the client gets every delta. */
  private void subscribe(Client client, EventState event, Hello hello) {
    EventState.View view = event.view();
    client.event = event;
    client.audience = hello.audience();
    client.socket.writeTextMessage(Frames.welcome(view.epoch(), view.version(), node, client.audience.wire()));
    Delta[] missing = hello.resumes() && hello.resumeEpoch().equals(view.epoch())
        ? event.since(hello.resumeVersion(), view) : null;
    if (missing == null) {
      view.snapshotFor(client.audience).writeTo(client.socket);
    } else {
      for (Delta d : missing) {
        client.frameOf(d).writeTo(client.socket);
      }
    }
    client.last = view.version();
    byEvent.computeIfAbsent(event.id(), id -> new LinkedHashSet<>()).add(client);
  }

  private void deliver(Delta delta) {
    Set<Client> audience = byEvent.get(delta.eventId());
    if (audience == null) {
      return;
    }
    for (Client client : audience) {
      if (client.stale || delta.version() <= client.last) {
        continue;
      }
      if (delta.version() != client.last + 1) {
        resync(client);
      } else if (client.socket.writeQueueFull()) {
        client.stale = true;
        client.socket.drainHandler(v -> {
          client.socket.drainHandler(null);
          client.stale = false;
          resync(client);
        });
      } else {
        client.frameOf(delta).writeTo(client.socket);
        client.last = delta.version();
      }
    }
  }

  private void resync(Client client) {
    EventState.View view = client.event.view();
    view.snapshotFor(client.audience).writeTo(client.socket);
    client.last = view.version();
  }

  /** The event was reloaded whole (a new epoch, say): everyone on it starts again from a snapshot. */
  private void reset(EventState state) {
    Set<Client> audience = byEvent.get(state.id());
    if (audience == null) {
      return;
    }
    EventState.View view = state.view();
    for (Client client : audience) {
      client.event = state;
      client.socket.writeTextMessage(Frames.welcome(view.epoch(), view.version(), node, client.audience.wire()));
      if (!client.stale) {
        resync(client);
      }
    }
  }

  /** Pings every socket (browsers answer, which keeps the read-idle timer quiet) and drops silent ones. */
  private void sweep() {
    long now = System.currentTimeMillis();
    Buffer ping = Buffer.buffer("p");
    for (Client client : List.copyOf(clients)) {
      if (!client.subscribed() && !client.greeting && now - client.connectedAt > HELLO_WITHIN_MS) {
        client.socket.close((short) 1008, "no hello");
      } else {
        client.socket.writePing(ping);
      }
    }
  }

  private void error(Client client, String code, String message) {
    client.socket.writeTextMessage(Frames.error(code, message));
  }

  private void forget(Client client) {
    clients.remove(client);
    if (client.event != null) {
      Set<Client> set = byEvent.get(client.event.id());
      if (set != null) {
        set.remove(client);
      }
    }
  }

  /** Tells every client to come back after a random pause, so they do not all return at once, then closes. */
  public Future<Void> drain(long maxAfterMs) {
    vertx.cancelTimer(pinger);
    vertx.cancelTimer(presence);
    unsubscribe.forEach(Runnable::run);
    for (Client client : List.copyOf(clients)) {
      long after = 250 + ThreadLocalRandom.current().nextLong(Math.max(1, maxAfterMs));
      client.socket.writeTextMessage(Frames.reconnect(after));
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
