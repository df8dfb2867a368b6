package podium.live;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.ServerWebSocket;
import podium.event.Audience;

/**
 * One connected socket and where it stands: its state, its event and audience, the last version
 * it was sent, and what waits unsent for it. Only its hub's event loop touches it.
 *
 * <p>States: CONNECTED (no hello yet) → GREETING (a hello being checked, or held while the node
 * loads; back to CONNECTED when refused) → SUBSCRIBED ⇄ STALE (backed up: no changes until it
 * takes a snapshot) → CLOSING, from any state, for good.
 */
final class Client {

  enum State { CONNECTED, GREETING, SUBSCRIBED, STALE, CLOSING }

  final ServerWebSocket socket;
  final Wire wire;
  final long connectedAt = System.currentTimeMillis();
  final int pingGroup;
  private final Backpressure limits;
  private final Promise<Void> gone = Promise.promise();
  private State state = State.CONNECTED;
  /** When it went stale, by System.currentTimeMillis(). */
  private long staleSince;
  /** The snapshot it is taking, in bytes: changes may queue behind it up to the bound (see backedUp). */
  private long allowance;
  /** When its queue last moved (the kernel took some of it) or was empty, and how much it had taken then. */
  private long movedAt = System.currentTimeMillis();
  private long takenThen;
  /** When the hub's oldest unanswered WebSocket ping went out; 0 when every ping was answered. */
  private long pingedAt;

  EventState event;
  Audience audience = Audience.PUBLIC;
  /** The paired screen this socket is, if it proved so with its device token. */
  String screen;
  /** The hash of the staff login or token that let it in: withdrawn, the socket closes. */
  String credential;
  /** The client address it is counted under in AddressLimits, or null when it is not counted. */
  String address;
  long last = -1;
  /** The last version it said it applied (ack frames), or had when it subscribed. */
  long acked = -1;
  /** Where its acknowledgements count: "room|screen" or "room|phone" ("" for no room); null for staff. */
  String where;
  /** The hello a starting node holds until its events are loaded (see Hub.hold). */
  Hello held;

  Client(ServerWebSocket socket, Wire wire, int pingGroup, Backpressure limits) {
    this.socket = socket;
    this.wire = wire;
    this.pingGroup = pingGroup;
    this.limits = limits;
  }

  State state() {
    return state;
  }

  boolean subscribed() {
    return state == State.SUBSCRIBED || state == State.STALE;
  }

  boolean closing() {
    return state == State.CLOSING;
  }

  void greeting() {
    move(State.GREETING, State.CONNECTED);
  }

  /** Its hello was refused; the connection stays open for another. */
  void refused() {
    move(State.CONNECTED, State.GREETING);
  }

  /** Subscribed; snapshotBytes: the snapshot it was just sent (0 for a replay). */
  void subscribed(long snapshotBytes) {
    move(State.SUBSCRIBED, State.CONNECTED, State.GREETING);
    allowance = snapshotBytes;
  }

  void stale(long now) {
    move(State.STALE, State.SUBSCRIBED);
    staleSince = now;
  }

  /** Caught up by a snapshot of this many bytes, which changes may now queue behind. */
  void resynced(long snapshotBytes) {
    move(State.SUBSCRIBED, State.SUBSCRIBED, State.STALE);
    allowance = snapshotBytes;
  }

  /** For good: whoever closes it unsubscribes it first (Fanout.remove reads whether it was stale). */
  void close() {
    state = State.CLOSING;
  }

  /** The socket closed (its close handler ran). */
  void forgotten() {
    state = State.CLOSING;
    gone.tryComplete();
  }

  Future<Void> gone() {
    return gone.future();
  }

  /**
   * How long nothing it was sent has left its queue while something waits there: a stuck download,
   * however little it holds. 0 while it drains or nothing waits.
   */
  long stuckFor(long now) {
    long taken = wire.taken();
    if (taken > takenThen || wire.unsent() == 0) {
      takenThen = taken;
      movedAt = now;
    }
    return now - movedAt;
  }

  void pinged(long now) {
    if (pingedAt == 0) {
      pingedAt = now;
    }
  }

  void ponged() {
    pingedAt = 0;
  }

  /**
   * How long the hub's ping has gone unanswered: a phone whose download is stuck never reads it,
   * even when all it was sent fits in the kernel's buffers and nothing waits above them.
   */
  long unansweredFor(long now) {
    return pingedAt == 0 ? 0 : now - pingedAt;
  }

  long staleFor(long now) {
    return state == State.STALE ? now - staleSince : 0;
  }

  long grace() {
    return limits.graceFor(this);
  }

  /** What may wait for it before it is backed up: the bound, plus the snapshot it is taking. */
  long limit() {
    return limits.queueBytes() + allowance;
  }

  /** Bytes waiting unsent for it; once under the bound, any snapshot it was taking has mostly gone. */
  long backlog() {
    long unsent = wire.unsent();
    if (unsent <= limits.queueBytes()) {
      allowance = 0;
    }
    return unsent;
  }

  /** It is not reading fast enough: it gets no changes and no control frames for now. */
  boolean backedUp() {
    return backlog() > limit();
  }

  /** This many bytes fit under the bound with what waits. */
  boolean fits(long bytes) {
    return wire.unsent() + bytes <= limits.queueBytes();
  }

  /** A snapshot of this size may go now: it fits, or nothing waits at all (one larger than the bound goes alone). */
  boolean canTake(long snapshotBytes) {
    return fits(snapshotBytes) || wire.unsent() == 0;
  }

  SharedFrame frameOf(Delta delta) {
    return delta.frameFor(audience, screen);
  }

  private void move(State to, State... from) {
    for (State f : from) {
      if (state == f) {
        state = to;
        return;
      }
    }
    throw new IllegalStateException("a " + state + " client cannot become " + to);
  }
}
