package podium.live;

import io.vertx.core.json.JsonObject;
import podium.event.Audience;
import podium.event.Change;

/** Encodes the server's frames; docs/PROTOCOL.md describes each of them. */
final class Frames {

  private Frames() {
  }

  static Delta delta(EventState origin, long version, Change change) {
    SharedFrame full = new SharedFrame(new JsonObject().put("type", "change").put("version", version)
        .put("kind", change.kind()).put("data", change.data()).encode());
    SharedFrame publicFrame = change.audience() == Audience.PUBLIC ? full
        : new SharedFrame(new JsonObject().put("type", "skip").put("version", version).encode());
    String screen = change.kind().startsWith("screen.") ? change.data().getString("screen") : null;
    return new Delta(origin, version, publicFrame, full, screen);
  }

  /** Wraps an already encoded state, so that a snapshot is encoded once for HTTP and frames. */
  static SharedFrame snapshot(long version, String epoch, String encodedState) {
    return new SharedFrame("{\"type\":\"snapshot\",\"version\":" + version + ",\"epoch\":"
        + io.vertx.core.json.Json.encode(epoch)
        + ",\"state\":" + encodedState + "}");
  }

  static SharedFrame welcome(String epoch, long version, String node, String audience) {
    return SharedFrame.once(new JsonObject().put("type", "welcome").put("epoch", epoch).put("version", version)
        .put("serverTime", System.currentTimeMillis()).put("node", node).put("audience", audience).encode());
  }

  static SharedFrame pong(Object clientTime) {
    return SharedFrame.once(new JsonObject().put("type", "pong").put("t", clientTime)
        .put("serverTime", System.currentTimeMillis()).encode());
  }

  static SharedFrame error(String code, String message) {
    return SharedFrame.once(new JsonObject().put("type", "error").put("code", code).put("message", message).encode());
  }

  static SharedFrame reconnect(long afterMs) {
    return SharedFrame.once(new JsonObject().put("type", "reconnect").put("afterMs", afterMs).encode());
  }
}
