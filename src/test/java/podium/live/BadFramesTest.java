package podium.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.LiveClient;
import podium.TestNode;

/**
 * Every bad frame gets an error with a stable code; the connection and the node keep serving. A
 * hello without a protocol (every live.js before it) or with protocol 1 is served; a newer one is refused.
 */
@ExtendWith(VertxExtension.class)
@Tag("node")
class BadFramesTest {

  private static String lastError(LiveClient c, int index) {
    c.await(f -> c.ofType("error").size() > index, Duration.ofSeconds(5));
    return c.ofType("error").get(index).getString("code");
  }

  @Test
  void badFramesGetErrorsAndTheNodeKeepsServing(Vertx vertx) {
    TestNode.Running node = TestNode.startSeeded(vertx, "bad-frames");
    int port = node.port();
    try (LiveClient c = LiveClient.connect(vertx, port); LiveClient huge = LiveClient.connect(vertx, port)) {
      c.sendText("{not json");
      assertThat(lastError(c, 0)).isEqualTo("malformed_frame");
      c.sendText("[1,2,3]");
      assertThat(lastError(c, 1)).isEqualTo("malformed_frame");
      c.send(new JsonObject().put("type", "subscribe"));
      assertThat(lastError(c, 2)).isEqualTo("unknown_type");
      c.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(5000) + "\"}");
      assertThat(lastError(c, 3)).isEqualTo("frame_too_large");
      c.hello(new JsonObject().put("channels", List.of("staff")));
      assertThat(lastError(c, 4)).isEqualTo("unauthorized");
      c.hello(new JsonObject().put("channels", List.of("staff")).put("token", "forged"));
      assertThat(lastError(c, 5)).isEqualTo("unauthorized");
      c.hello(new JsonObject().put("channels", List.of("everything")));
      assertThat(lastError(c, 6)).isEqualTo("bad_channel");
      c.send(new JsonObject().put("type", "hello").put("event", "no-such-forum"));
      assertThat(lastError(c, 7)).isEqualTo("unknown_event");
      c.hello(new JsonObject().put("channels", List.of("room:roof")));
      assertThat(lastError(c, 8)).isEqualTo("unknown_room");
      c.hello(new JsonObject().put("resume", "yesterday"));
      assertThat(lastError(c, 9)).isEqualTo("bad_hello");
      // A page newer than this hub: refused with its own code, and the socket waits for an older hello.
      c.hello(new JsonObject().put("protocol", 2));
      assertThat(lastError(c, 10)).isEqualTo("unsupported_protocol");
      c.hello(new JsonObject().put("protocol", 0));
      assertThat(lastError(c, 11)).isEqualTo("bad_hello");
      c.hello(new JsonObject().put("protocol", "1"));
      assertThat(lastError(c, 12)).isEqualTo("bad_hello");
      assertThat(c.ofType("snapshot")).as("no refused hello subscribed").isEmpty();

      c.send(new JsonObject().put("type", "ping").put("t", 1234));
      JsonObject pong = c.awaitType("pong");
      assertThat(pong.getInteger("t")).isEqualTo(1234);
      assertThat(pong.getLong("serverTime")).isPositive();

      c.hello(new JsonObject().put("channels", List.of("staff")).put("token", TestNode.ADMIN_TOKEN).put("protocol", 1));
      JsonObject welcome = c.awaitType("welcome");
      assertThat(welcome.getString("audience")).as("the admin token sees embargoed results").isEqualTo("embargo");
      assertThat(welcome.getInteger("protocol")).as("the hub's protocol").isEqualTo(1);
      c.awaitType("snapshot");
      c.hello();
      assertThat(lastError(c, 13)).isEqualTo("already_subscribed");

      huge.sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
      long until = System.currentTimeMillis() + 5000;
      while (!huge.isClosed() && System.currentTimeMillis() < until) {
        podium.LiveClient.sleep(10);
      }
      assertThat(huge.isClosed()).as("a message over 64 KiB closes that connection").isTrue();
    }
    try (LiveClient after = LiveClient.connect(vertx, port)) {
      // No protocol: a live.js from before the field, served protocol 1 as before.
      after.hello();
      assertThat(after.awaitType("welcome").getInteger("protocol")).isEqualTo(1);
      assertThat(after.awaitType("snapshot").getJsonObject("state").getJsonArray("sessions")).isNotEmpty();
    } finally {
      node.stop();
    }
  }
}
