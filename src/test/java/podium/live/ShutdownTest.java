package podium.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.LiveClient;
import podium.TestNode;

/** A node that stops tells each client when to come back, spread out, and then closes. */
@ExtendWith(VertxExtension.class)
@Tag("node")
class ShutdownTest {

  @Test
  void stoppingSendsJitteredReconnectsThenCloses(Vertx vertx) {
    TestNode.Running node = TestNode.startSeeded(vertx, "shutdown");
    int port = node.port();
    List<LiveClient> clients = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      LiveClient c = LiveClient.connect(vertx, port);
      c.hello();
      c.awaitType("snapshot");
      clients.add(c);
    }
    node.stop();
    List<Long> after = clients.stream().map(c -> c.awaitType("reconnect").getLong("afterMs")).toList();
    assertThat(after).allSatisfy(ms -> assertThat(ms).isBetween(250L, 5250L));
    assertThat(after.stream().distinct().count()).as("jittered, not all the same").isGreaterThan(1);
    long until = System.currentTimeMillis() + 5000;
    while (clients.stream().anyMatch(c -> !c.isClosed()) && System.currentTimeMillis() < until) {
      podium.LiveClient.sleep(10);
    }
    assertThat(clients).allSatisfy(c -> assertThat(c.isClosed()).isTrue());
    clients.forEach(LiveClient::close);
  }
}
