package podium.live;

import io.vertx.core.http.ServerWebSocket;
import podium.event.Audience;

/** One connected socket and where it stands: its event, audience and the last version it was sent. */
final class Client {

  final ServerWebSocket socket;
  final Wire wire;
  final long connectedAt = System.currentTimeMillis();
  EventState event;
  Audience audience = Audience.PUBLIC;
  /** The paired screen this socket is, if it proved so with its device token. */
  String screen;
  /** The hash of the staff login or token that let it in: withdrawn, the socket closes. */
  String credential;
  long last = -1;
  /** The last version it said it applied (ack frames), or had when it subscribed. */
  long acked = -1;
  /** Where its acknowledgements count: "room|screen" or "room|phone" ("" for no room); null for staff. */
  String where;
  boolean stale;
  boolean greeting;
  /** The hello a starting node holds until its events are loaded (see Hub.hold). */
  Hello held;
  /** Closed: slices of a delta already under way skip it. */
  boolean gone;
  final int pingGroup;

  Client(ServerWebSocket socket, Wire wire, int pingGroup) {
    this.socket = socket;
    this.wire = wire;
    this.pingGroup = pingGroup;
  }

  boolean subscribed() {
    return event != null;
  }

  SharedFrame frameOf(Delta delta) {
    return delta.frameFor(audience, screen);
  }
}
