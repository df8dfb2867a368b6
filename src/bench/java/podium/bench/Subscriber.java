package podium.bench;

import io.vertx.core.http.WebSocket;

/**
 * One simulated phone on the public channel. It checks the protocol's promise: after the snapshot,
 * every version exactly once and in order. State is touched only on its socket's event loop.
 */
final class Subscriber {

  final int port;
  final int client;
  WebSocket socket;
  String epoch;
  long last = -1;
  /** The last version it acknowledged (ack frames, when the bench runs them). */
  long acked = -1;
  boolean ready;
  boolean reconnecting;
  /** A soak's slow reader: it stops reading for a while, again and again (Swarm.slow). */
  boolean slow;
  /** Changes and skips applied in order, and versions skipped over by a gap (soak counts). */
  long received;
  long missing;
  /** Snapshots after its first: resyncs, or resumes that got a snapshot. */
  long resynced;
  int attempts;

  Subscriber(int port, int client) {
    this.port = port;
    this.client = client;
  }

  /** Acknowledges what it has, as live.js does (once a second at most, only when new). */
  void ackIfNew(long nowMs) {
    long v = last;
    if (socket != null && ready && v > acked) {
      acked = v;
      socket.writeTextMessage("{\"type\":\"ack\",\"version\":" + v + ",\"at\":" + nowMs + "}");
    }
  }

  String hello() {
    String resume = epoch == null ? "" : ",\"resume\":{\"epoch\":\"" + epoch + "\",\"version\":" + last + "}";
    return "{\"type\":\"hello\",\"event\":\"baotou-2023\",\"channels\":[\"public\"]" + resume + "}";
  }

  /** head: the frame's first bytes (Scan.head), or null for the continuation of a longer message. */
  void onFrame(String head, int bytes, Swarm swarm) {
    if (head == null) {
      return;
    }
    long now = Micros.now();
    String frame = head;
    String type = Scan.text(frame, "type");
    if ("change".equals(type) || "skip".equals(type)) {
      long v = Scan.number(frame, "version");
      swarm.noteFrameBytes(bytes);
      if (v <= last) {
        swarm.duplicates.increment();
        return;
      }
      if (v != last + 1) {
        swarm.gaps.increment();
        missing += v - last - 1;
      }
      last = v;
      received++;
      swarm.received(v, now);
    } else if ("snapshot".equals(type)) {
      last = Scan.number(frame, "version");
      epoch = Scan.text(frame, "epoch");
      if (ready) {
        resynced++;
        swarm.resyncs.increment();
      } else {
        ready = true;
        swarm.ready.increment();
      }
    } else if ("welcome".equals(type)) {
      if (reconnecting) {
        reconnecting = false;
        swarm.resumed.increment();
      }
    } else if ("reconnect".equals(type) && socket != null) {
      socket.close();
    }
  }
}
