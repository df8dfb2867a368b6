package podium.live;

import io.vertx.core.json.JsonObject;
import podium.event.Audience;
import podium.event.Change;
import podium.event.ChangeCodec;

/** Encodes the server's frames; docs/PROTOCOL.md describes each of them. */
final class Frames {

  private Frames() {
  }

  /** Encoded once per audience, and shared by audiences that get the same bytes. */
  static Delta delta(EventState origin, long version, Change change, long committedAtMs) {
    Audience[] audiences = Audience.values();
    SharedFrame[] frames = new SharedFrame[audiences.length];
    String[] texts = new String[audiences.length];
    for (Audience a : audiences) {
      texts[a.ordinal()] = text(version, change, a);
      for (int i = 0; i < a.ordinal() && frames[a.ordinal()] == null; i++) {
        frames[a.ordinal()] = texts[i].equals(texts[a.ordinal()]) ? frames[i] : null;
      }
      if (frames[a.ordinal()] == null) {
        frames[a.ordinal()] = new SharedFrame(texts[a.ordinal()]);
      }
    }
    return new Delta(origin, version, frames, change.screen(), committedAtMs, System.nanoTime());
  }

  /** The frame an audience gets for a change: the change as it may see it, or a skip when it may not see it. */
  static String text(long version, Change change, Audience audience) {
    return audience.sees(change.audience())
        ? new JsonObject().put("type", "change").put("version", version).put("kind", change.kind().wire())
            .put("data", ChangeCodec.encode(change, audience)).encode()
        : new JsonObject().put("type", "skip").put("version", version).encode();
  }

  /** Wraps an already encoded state, so that a snapshot is encoded once for HTTP and frames. */
  static SharedFrame snapshot(long version, String epoch, String encodedState) {
    return new SharedFrame("{\"type\":\"snapshot\",\"version\":" + version + ",\"epoch\":"
        + io.vertx.core.json.Json.encode(epoch)
        + ",\"state\":" + encodedState + "}");
  }

  /**
   * With the event's clock, so a page shows the event's time before its snapshot arrives, and the
   * hub's protocol, so a page older than the hub knows to fetch its new copy.
   */
  static SharedFrame welcome(EventState.View view, String node, Audience audience) {
    return SharedFrame.once(new JsonObject().put("type", "welcome").put("epoch", view.epoch())
        .put("version", view.version()).put("serverTime", System.currentTimeMillis()).put("node", node)
        .put("audience", audience.wire()).put("clock", view.agenda().event().clock().toJson())
        .put("protocol", Hello.PROTOCOL).encode());
  }

  static SharedFrame pong(Object clientTime) {
    return SharedFrame.once(new JsonObject().put("type", "pong").put("t", clientTime)
        .put("serverTime", System.currentTimeMillis()).encode());
  }

  static SharedFrame error(ProtocolError.Code code, String message) {
    return SharedFrame.once(new JsonObject().put("type", "error").put("code", code.wire()).put("message", message)
        .encode());
  }

  static SharedFrame reconnect(long afterMs) {
    return SharedFrame.once(new JsonObject().put("type", "reconnect").put("afterMs", afterMs).encode());
  }
}
