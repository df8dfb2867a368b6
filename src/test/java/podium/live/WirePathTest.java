package podium.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import podium.Api;
import podium.LiveClient;
import podium.Node;
import podium.TestNode;

/** The setting picks the path; a node set to fast whose internals are missing says so once and runs plain. */
@ExtendWith(VertxExtension.class)
@Tag("node")
class WirePathTest {

  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(WirePath.class);
  private final Supplier<String> realProbe = WirePath.probe;

  @BeforeEach
  void listen() {
    log.start();
    logger.addAppender(log);
  }

  @AfterEach
  void restore() {
    WirePath.probe = realProbe;
    logger.detachAppender(log);
  }

  @Test
  void theFastPathsInternalsAreAllOnThisClasspath() {
    // Else every node in production would quietly run plain.
    assertThat(FastWireProbe.missing()).isNull();
    assertThat(WirePath.choose(WirePath.FAST)).isEqualTo(WirePath.FAST);
    assertThat(warnings()).isEmpty();
  }

  @Test
  void socketsOnTheFastPathWriteWithoutAQueueOnThisVertx() {
    // Else each idle socket would hold 4 KiB more, quietly (docs/BENCHMARKS.md, "Heap per idle socket").
    assertThat(FastWire.DirectWrites.available()).isTrue();
  }

  @Test
  void theProbeNamesWhatIsMissingOrOfAnotherShape() {
    Class<?> base = io.vertx.core.http.impl.WebSocketImplBase.class;
    assertThat(FastWireProbe.missing(List.of(new FastWireProbe.Need("io.vertx.core.http.impl.WebSocketImplBase2",
        "channelHandlerContext", List.of(), "io.netty.channel.ChannelHandlerContext"))))
        .contains("class not found").contains("WebSocketImplBase2");
    assertThat(FastWireProbe.missing(List.of(new FastWireProbe.Need(base.getName(), "nettyContext", List.of(),
        "io.netty.channel.ChannelHandlerContext")))).contains("no method").contains("nettyContext");
    assertThat(FastWireProbe.missing(List.of(new FastWireProbe.Need("io.netty.channel.unix.FileDescriptor",
        "writeAddress", List.of("long", "int", "int"), "long")))).contains("returns int, not long");
  }

  @Test
  void plainIsTakenAsItIsAndCutsAtOnceOnlyWhereTheInternalsAre() {
    WirePath.probe = () -> "class not found: io.vertx.core.http.impl.WebSocketImplBase";
    assertThat(WirePath.choose(WirePath.PLAIN)).isEqualTo(WirePath.PLAIN);
    assertThat(WirePath.PLAIN.cutsAtOnce()).as("a cut then waits behind the backlog").isFalse();
    assertThat(warnings()).as("plain was asked for: nothing to warn of").isEmpty();
    WirePath.probe = realProbe;
    assertThat(WirePath.choose(WirePath.PLAIN)).isEqualTo(WirePath.PLAIN);
    assertThat(WirePath.PLAIN.cutsAtOnce()).isTrue();
  }

  @Test
  void theSettingIsFastOrPlain() {
    assertThat(WirePath.parse(" Plain")).isEqualTo(WirePath.PLAIN);
    assertThat(WirePath.parse("fast")).isEqualTo(WirePath.FAST);
    assertThatThrownBy(() -> WirePath.parse("turbo")).hasMessageContaining("PODIUM_WIRE");
  }

  @Test
  void aNodeWithoutTheInternalsWarnsOnceAndServesOnThePlainPath(Vertx vertx) {
    WirePath.probe = () -> "class not found: io.vertx.core.http.impl.WebSocketImplBase";
    var db = TestNode.seededDatabase(vertx);
    int port = TestNode.freePort();
    Node node = Node.start(vertx, db, new Node.Options(port, 2, "no-internals", "webroot", 4, WirePath.FAST), null)
        .await();
    List<LiveClient> clients = new ArrayList<>();
    try (Api api = new Api(vertx, port)) {
      assertThat(node.wire()).isEqualTo(WirePath.PLAIN);
      for (int i = 0; i < 4; i++) { // over both of the node's event loops
        LiveClient c = LiveClient.connect(vertx, port);
        clients.add(c);
        c.hello();
        c.awaitType("snapshot");
      }
      long version = api.command(new JsonObject().put("type", "session.delay").put("session", "keynote-gan-yong")
          .put("minutes", 1)).bodyAsJsonObject().getLong("version");
      for (LiveClient c : clients) {
        c.awaitVersion(version, java.time.Duration.ofSeconds(5));
        assertThat(c.problems).isEmpty();
      }
      assertThat(warnings()).hasSize(1);
      assertThat(warnings().get(0).getFormattedMessage())
          .contains("WebSocketImplBase").contains("public API");
    } finally {
      clients.forEach(LiveClient::close);
      node.stop().await();
    }
  }

  @Test
  void aSocketThatIsNotVertxsOwnGetsThePlainPath() {
    ServerWebSocket stranger = (ServerWebSocket) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ServerWebSocket.class}, (proxy, method, args) -> null);
    assertThat(FastWire.of(stranger)).isInstanceOf(PlainWire.class);
    assertThat(FastWire.of(stranger)).isInstanceOf(PlainWire.class);
    assertThat(warnings()).hasSizeLessThanOrEqualTo(1);
  }

  private List<ILoggingEvent> warnings() {
    return log.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
  }
}
