package podium.control;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCMessage;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.OSCParser;
import com.illposed.osc.OSCSerializerAndParserBuilder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.datagram.DatagramPacket;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.datagram.DatagramSocketOptions;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import podium.event.CommandRejected;

/**
 * The OSC listener: UDP datagrams on the configured address and port, read by javaosc's parser
 * (OSC 1.0 messages and bundles; a bundle's time tag is not waited for), each message checked
 * (OscMessages) and pressed on the stage desk as the configured actor and role, with the same
 * one-second repeat window as a Companion button. A bad message changes nothing; each kind is
 * logged the first time and counted always.
 *
 * <p>The socket is Vert.x's, not javaosc's OSCPortIn: OSCPortIn's thread stops on a packet it cannot
 * parse unless made resilient, and dies for good on the runtime exceptions its parser throws on a
 * truncated packet; a listener backstage must outlive any packet a desk sends.
 */
public final class OscListener extends VerticleBase {

  /** Presses on their way at once; more are dropped (busy): a desk stuck sending cannot queue without bound. */
  static final int MAX_IN_FLIGHT = 8;
  /** Messages taken from one bundle (nested bundles included). */
  static final int MAX_MESSAGES = 16;
  static final String BUSY = "busy";
  static final String TOO_MANY = "too_many";
  private static final List<String> KINDS = List.of(OscMessages.UNPARSABLE, OscMessages.UNKNOWN_ADDRESS,
      OscMessages.BAD_ARGUMENTS, OscMessages.OUT_OF_RANGE, TOO_MANY, BUSY);
  private static final Logger LOG = LoggerFactory.getLogger(OscListener.class);

  private final OscSettings settings;
  private final StageDesk desk;
  private final StageDesk.Presser presser;
  private final Map<String, Counter> bad = new ConcurrentHashMap<>();
  private final Set<String> logged = ConcurrentHashMap.newKeySet();
  private final AtomicInteger inFlight = new AtomicInteger();
  // OSC 1.0 says ASCII; desks send UTF-8, and javaosc would otherwise decode with the platform's charset.
  private final OSCParser parser = new OSCSerializerAndParserBuilder()
      .setProperties(Map.of("charset", StandardCharsets.UTF_8)).buildParser();
  private DatagramSocket socket;

  public OscListener(OscSettings settings, StageDesk desk, MeterRegistry registry) {
    this.settings = settings;
    this.desk = desk;
    this.presser = new StageDesk.Presser(settings.actor(), settings.role(), StageDesk.Source.OSC);
    for (String kind : KINDS) {
      bad.put(kind, Counter.builder("podium.osc.bad.messages").description("OSC messages refused before any command,"
          + " by kind").tag("kind", kind).register(registry));
    }
  }

  @Override
  public Future<?> start() {
    socket = vertx.createDatagramSocket(new DatagramSocketOptions().setReceiveBufferSize(65_536));
    socket.handler(this::packet);
    return socket.listen(settings.port(), settings.address()).onSuccess(s -> LOG.info(
        "OSC: listening on udp {}:{}, acting as {} with the {} role", settings.address(), settings.port(),
        settings.actor(), settings.role().wire()));
  }

  @Override
  public Future<?> stop() {
    return socket == null ? Future.succeededFuture() : socket.close();
  }

  private void packet(DatagramPacket datagram) {
    OSCPacket packet;
    try {
      packet = parser.convert(ByteBuffer.wrap(datagram.data().getBytes()));
    } catch (Exception e) {
      // OSCParseException, and the runtime exceptions javaosc throws on truncated packets.
      refuse(OscMessages.UNPARSABLE, datagram, "not an OSC 1.0 packet (" + e.getClass().getSimpleName() + ")");
      return;
    }
    List<OSCMessage> messages = new ArrayList<>();
    if (!collect(packet, messages)) {
      refuse(TOO_MANY, datagram, "a bundle of more than " + MAX_MESSAGES + " messages");
      return;
    }
    messages.forEach(m -> message(m, datagram));
  }

  /** The messages of a packet in order, bundles opened; false past MAX_MESSAGES. */
  private static boolean collect(OSCPacket packet, List<OSCMessage> into) {
    if (packet instanceof OSCMessage m) {
      into.add(m);
      return into.size() <= MAX_MESSAGES;
    }
    for (OSCPacket inner : ((OSCBundle) packet).getPackets()) {
      if (!collect(inner, into)) {
        return false;
      }
    }
    return true;
  }

  private void message(OSCMessage message, DatagramPacket from) {
    OscMessages.Reading reading = OscMessages.read(message);
    if (reading.bad() != null) {
      refuse(reading.bad(), from, reading.problem());
      return;
    }
    if (reading.press() == null) {
      return;
    }
    if (inFlight.incrementAndGet() > MAX_IN_FLIGHT) {
      inFlight.decrementAndGet();
      refuse(BUSY, from, MAX_IN_FLIGHT + " presses are on their way already");
      return;
    }
    desk.press(reading.slug(), reading.press(), presser).onComplete(done -> {
      inFlight.decrementAndGet();
      if (done.succeeded() && !done.result().repeat()) {
        LOG.info("OSC {} from {}: {} at version {}", message.getAddress(), from.sender(),
            done.result().answer().getString("kind"), done.result().answer().getLong("version"));
      } else if (done.failed() && done.cause() instanceof CommandRejected r && logged.add(r.code().wire())) {
        LOG.warn("OSC {} from {} refused ({}): {}; further refusals of this kind are counted in"
            + " podium_presses_total only", message.getAddress(), from.sender(), r.code().wire(), r.getMessage());
      } else if (done.failed() && !(done.cause() instanceof CommandRejected)) {
        LOG.warn("OSC {} from {} not applied: {}", message.getAddress(), from.sender(), done.cause().toString());
      }
    });
  }

  private void refuse(String kind, DatagramPacket from, String problem) {
    bad.get(kind).increment();
    if (logged.add(kind)) {
      LOG.warn("OSC: a bad message ({}) from {}: {}; nothing changed, and further ones of this kind are only"
          + " counted (podium_osc_bad_messages_total)", kind, from.sender(), problem);
    }
  }
}
