package podium.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import com.illposed.osc.transport.OSCPortOut;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.LiveClient;
import podium.Node;
import podium.TestNode;
import podium.event.Role;
import podium.event.Text;

/**
 * A lighting desk's OSC, for real: UDP packets built by javaosc's OSCPortOut (or by hand, broken)
 * sent to a node started with its listener on, as the actor osc:lighting-desk with the announcer
 * role. GO sent twice 200 ms apart fires its cue once; a message in both languages is shown; a
 * broken, unknown, ill-typed or out-of-range message changes nothing and is counted by kind; a
 * press the role may not make is refused.
 */
@Tag("node")
@ExtendWith(VertxExtension.class)
class OscControlTest {

  private Node node;
  private int oscPort;
  private OSCPortOut desk;
  private Api api;

  @BeforeEach
  void start(Vertx vertx) throws IOException {
    PgConnectOptions db = TestNode.seededDatabase(vertx);
    int port = TestNode.freePort();
    try (DatagramSocket free = new DatagramSocket(0)) {
      oscPort = free.getLocalPort();
    }
    node = Node.start(vertx, db, new Node.Options(port, 2, "osc", "webroot", 4, TestNode.WIRE)
        .withOsc(new OscSettings(oscPort, "127.0.0.1", "lighting-desk", Role.ANNOUNCER)), null).await();
    desk = new OSCPortOut(new OSCSerializerAndParserBuilder().setProperties(Map.of("charset", StandardCharsets.UTF_8)),
        new InetSocketAddress("127.0.0.1", oscPort));
    api = new Api(vertx, port);
    api.command(new io.vertx.core.json.JsonObject("{\"type\":\"clock.set\",\"at\":\"2023-08-16T08:35\",\"paused\":true}"));
  }

  @AfterEach
  void stop() throws IOException {
    desk.close();
    api.close();
    node.stop().await();
  }

  private void send(OSCPacket packet) {
    try {
      desk.send(packet);
    } catch (IOException | com.illposed.osc.OSCSerializeException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OSCMessage message(String address, Object... args) {
    return new OSCMessage(address, List.of(args));
  }

  private void sendRaw(byte[] bytes) {
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), oscPort));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private long count(String kind) {
    return node.pool().preparedQuery("select count(*) from changes where kind = $1").execute(Tuple.of(kind)).await()
        .iterator().next().getLong(0);
  }

  private long version() {
    return node.pool().query("select version from events where slug = '" + TestNode.SLUG + "'").execute().await()
        .iterator().next().getLong(0);
  }

  private static void await(String what, BooleanSupplier done) {
    long until = System.nanoTime() + 30_000_000_000L;
    while (!done.getAsBoolean() && System.nanoTime() < until) {
      LiveClient.sleep(20);
    }
    assertThat(done.getAsBoolean()).as(what).isTrue();
  }

  private String scrape() {
    return node.metrics().scrape();
  }

  @Test
  void goSentTwice200MsApartFiresItsCueOnceAsTheDesk() {
    api.command(new io.vertx.core.json.JsonObject("{\"type\":\"cue.save\",\"cue\":\"doors\",\"name\":\"Doors open\","
        + "\"commands\":[{\"type\":\"announcement.post\",\"announcement\":\"doors\",\"text\":\"Please take your seats\"}]}"));
    await("the cue is in memory", () -> !node.states().bySlug(TestNode.SLUG).view().agenda().cues().isEmpty());
    send(message("/podium/" + TestNode.SLUG + "/go"));
    LiveClient.sleep(200);
    send(message("/podium/" + TestNode.SLUG + "/go", 1.0f));
    await("the cue fired", () -> count("cue.fired") == 1);
    await("the second send was counted as the same press",
        () -> scrape().contains("podium_presses_total{action=\"go\",result=\"repeat\",source=\"osc\"} 1.0"));
    assertThat(count("cue.fired")).as("once").isEqualTo(1);
    assertThat(count("announcement.posted")).isEqualTo(1);
    String actor = node.pool().query("select actor from changes where kind = 'cue.fired'").execute().await().iterator()
        .next().getString(0);
    assertThat(actor).isEqualTo("osc:lighting-desk");
  }

  @Test
  void aMessageInBothLanguagesIsShownAndATriggersLetGoIsNothing() {
    send(message("/podium/" + TestNode.SLUG + "/main-hall/message", "Please wrap up", "请准备结束"));
    await("the message is shown", () -> node.states().bySlug(TestNode.SLUG).view().agenda().room("main-hall")
        .orElseThrow().stage().message().equals(new Text("Please wrap up", "请准备结束")));
    long before = version();
    send(message("/podium/" + TestNode.SLUG + "/main-hall/flash", 0.0f));
    send(new OSCBundle(List.of(message("/podium/" + TestNode.SLUG + "/forum-a/flash", 1),
        message("/podium/" + TestNode.SLUG + "/main-hall/clear"))));
    await("the bundle's two presses", () -> version() == before + 2);
    assertThat(count("stage.flashed")).as("the let-go flashed nothing; the bundle's flash did").isEqualTo(1);
  }

  @Test
  void aBadMessageChangesNothingAndIsCountedByKind() {
    long before = version();
    String event = "/podium/" + TestNode.SLUG;
    // Truncated: the type tag promises an int that is not there (javaosc's parser throws on it).
    sendRaw((event + "/go\0\0\0\0,i\0\0").getBytes(StandardCharsets.US_ASCII));
    sendRaw("not osc at all".getBytes(StandardCharsets.US_ASCII));
    send(message("/podium/" + TestNode.SLUG + "/main-hall/jump"));
    // An address pattern: never expanded (javaosc's parser refuses one on a message).
    sendRaw("/podium/*/go\0\0\0\0,\0\0\0".getBytes(StandardCharsets.US_ASCII));
    send(message("/podium/Baotou/go"));
    send(message(event + "/main-hall/go"));
    send(message(event + "/main-hall/delay", "five"));
    send(message(event + "/main-hall/flash", "now", 2));
    send(message(event + "/main-hall/delay", 0));
    send(message(event + "/main-hall/delay", 721));
    send(message(event + "/main-hall/message", ""));
    send(message(event + "/main-hall/start"));
    send(message("/podium/nowhere/go"));
    send(message(event + "/nowhere/flash"));
    // Then a good one: the listener is alive, and the packets before it (UDP on loopback, one
    // event loop) were all handled first.
    send(message(event + "/main-hall/flash"));
    await("the flash after them", () -> count("stage.flashed") == 1);
    assertThat(version()).as("only the flash changed anything").isEqualTo(before + 1);
    String metrics = scrape();
    assertThat(metrics).contains("podium_osc_bad_messages_total{kind=\"unparsable\"} 3.0",
        "podium_osc_bad_messages_total{kind=\"unknown_address\"} 3.0",
        "podium_osc_bad_messages_total{kind=\"bad_arguments\"} 2.0",
        "podium_osc_bad_messages_total{kind=\"out_of_range\"} 3.0");
    await("the refused presses are counted", () -> scrape().contains(
        "podium_presses_total{action=\"start\",result=\"forbidden\",source=\"osc\"} 1.0")
        && scrape().contains("podium_presses_total{action=\"go\",result=\"unknown_event\",source=\"osc\"} 1.0")
        && scrape().contains("podium_presses_total{action=\"flash\",result=\"unknown_room\",source=\"osc\"} 1.0"));
  }
}
