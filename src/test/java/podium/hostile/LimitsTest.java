package podium.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.TestNode;
import podium.live.AddressLimits;

/**
 * The WebSocket limits per client address: connections and hellos a second. Past them a client
 * gets a documented error and a close (1013), other addresses are untouched, and the limits are
 * per address, so a hall of phones behind one NAT fits in the defaults.
 */
@ExtendWith(VertxExtension.class)
@Tag("node")
class LimitsTest {

  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final String HELLO = new JsonObject().put("type", "hello").put("event", TestNode.SLUG).encode();

  private static JsonObject answer(RawSocket s) {
    return s.await(0, f -> "welcome".equals(f.getString("type")) || "error".equals(f.getString("type")), WAIT);
  }

  @Test
  void connectionsPerAddressAreLimitedAndFreedOnClose(Vertx vertx) {
    try (HostileHub hub = HostileHub.start(vertx, "limits-conn", new AddressLimits.Settings(5, 0, true))) {
      List<RawSocket> open = new ArrayList<>();
      try {
        for (int i = 0; i < 5; i++) {
          RawSocket s = RawSocket.from(vertx, hub.port(), "127.0.0.1");
          s.text(HELLO);
          assertThat(answer(s).getString("type")).as("connection %d", i).isEqualTo("welcome");
          open.add(s);
        }
        RawSocket sixth = RawSocket.from(vertx, hub.port(), "127.0.0.1");
        JsonObject refused = sixth.await(0, f -> "error".equals(f.getString("type")), WAIT);
        assertThat(refused.getString("code")).isEqualTo("too_many_connections");
        assertThat(sixth.awaitClose(WAIT)).isTrue();
        assertThat(sixth.closeCode()).isEqualTo((short) 1013);
        sixth.close();
        try (RawSocket elsewhere = RawSocket.from(vertx, hub.port(), "127.0.0.2")) {
          elsewhere.text(HELLO);
          assertThat(answer(elsewhere).getString("type")).as("another address").isEqualTo("welcome");
        }
        open.remove(0).close();
        long until = System.currentTimeMillis() + 5_000;
        JsonObject again;
        do {
          try (RawSocket s = RawSocket.from(vertx, hub.port(), "127.0.0.1")) {
            s.text(HELLO);
            again = answer(s);
          }
        } while (!"welcome".equals(again.getString("type")) && System.currentTimeMillis() < until);
        assertThat(again.getString("type")).as("a closed socket frees its place").isEqualTo("welcome");
      } finally {
        open.forEach(RawSocket::close);
      }
      assertThat(hub.api.get("/health").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void hellosPerSecondPerAddressAreLimitedWithABurstForAReconnectStorm(Vertx vertx) {
    // 4 a second, so 20 at once (5 seconds' worth).
    try (HostileHub hub = HostileHub.start(vertx, "limits-hello", new AddressLimits.Settings(0, 4, true))) {
      int burst = 4 * 5;
      try (RawSocket s = RawSocket.from(vertx, hub.port(), "127.0.0.3")) {
        for (int i = 0; i < burst; i++) {
          s.text(HELLO);
        }
        s.await(0, f -> s.frames.stream().filter(x -> "error".equals(x.getString("type"))).count() >= burst - 1, WAIT);
        assertThat(s.frames.stream().filter(f -> "welcome".equals(f.getString("type")))).hasSize(1);
        assertThat(s.closed()).as("the burst passes").isFalse();
        s.text(HELLO);
        JsonObject refused = s.await(0, f -> "too_many_hellos".equals(f.getString("code")), WAIT);
        assertThat(refused).as("hello %d in a moment", burst + 1).isNotNull();
        assertThat(s.awaitClose(WAIT)).isTrue();
        assertThat(s.closeCode()).isEqualTo((short) 1013);
      }
      try (RawSocket other = RawSocket.from(vertx, hub.port(), "127.0.0.4")) {
        other.text(HELLO);
        assertThat(answer(other).getString("type")).as("another address").isEqualTo("welcome");
      }
      podium.LiveClient.sleep(600);
      try (RawSocket later = RawSocket.from(vertx, hub.port(), "127.0.0.3")) {
        later.text(HELLO);
        assertThat(answer(later).getString("type")).as("a moment later, again").isEqualTo("welcome");
      }
    }
  }

  @Test
  void loopbackPeersAreNotCountedByDefaultAndTheDefaultsFitAHallBehindOneAddress(Vertx vertx) {
    AddressLimits.Settings defaults = AddressLimits.Settings.DEFAULTS;
    assertThat(defaults.connectionsPerAddress()).isGreaterThanOrEqualTo(2_000);
    // A restart sends every phone back within about 5 s (reconnect afterMs, jittered): 2,000 phones fit.
    assertThat(defaults.hellosPerSecond() * 5L + defaults.hellosPerSecond() * 5L).isGreaterThanOrEqualTo(2_000);
    assertThat(defaults.limitLoopback()).isFalse();
    try (HostileHub hub = HostileHub.start(vertx, "limits-proxy", new AddressLimits.Settings(2, 1, false))) {
      List<RawSocket> open = new ArrayList<>();
      try {
        for (int i = 0; i < 12; i++) {
          RawSocket s = RawSocket.from(vertx, hub.port(), "127.0.0.1");
          s.text(HELLO);
          assertThat(answer(s).getString("type")).as("through a local proxy, connection %d", i).isEqualTo("welcome");
          open.add(s);
        }
      } finally {
        open.forEach(RawSocket::close);
      }
    }
  }

  @Test
  void behindAProxyEachForwardedClientIsCountedNotTheProxy(Vertx vertx) {
    try (HostileHub hub = HostileHub.start(vertx, "limits-forwarded", new AddressLimits.Settings(2, 0, false),
        podium.outbound.WebhookSettings.DEFAULTS, true)) {
      List<RawSocket> open = new ArrayList<>();
      try {
        for (String client : new String[] {"203.0.113.7", "203.0.113.7", "203.0.113.8", "203.0.113.8"}) {
          RawSocket s = RawSocket.open(vertx, hub.port(), "X-Forwarded-For", client);
          s.text(HELLO);
          assertThat(answer(s).getString("type")).as("from %s through the proxy", client).isEqualTo("welcome");
          open.add(s);
        }
        RawSocket third = RawSocket.open(vertx, hub.port(), "X-Forwarded-For", "203.0.113.7");
        assertThat(third.await(0, f -> "error".equals(f.getString("type")), WAIT).getString("code"))
            .as("a third socket from one client behind the proxy").isEqualTo("too_many_connections");
        third.close();
        try (RawSocket local = RawSocket.open(vertx, hub.port(), "X-Forwarded-For", "127.0.0.1")) {
          local.text(HELLO);
          assertThat(answer(local).getString("type")).as("a loopback client is not counted").isEqualTo("welcome");
        }
      } finally {
        open.forEach(RawSocket::close);
      }
    }
  }
}
