package podium.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.event.Catalogue;
import podium.event.Role;

/**
 * 10,000 mutated frames against a running hub: hellos of every kind, pings, commands and acks sent
 * as frames, garbage, binary and oversized frames. Every frame must be answered as docs/PROTOCOL.md
 * says (an error with a documented code, a welcome, a pong, or a close only for an oversized
 * message), the node must keep serving, nothing in the database may change, and the heap must stay
 * flat. The seed is fixed (override with -Dpodium.fuzz.seed=N) and printed with any failure.
 */
@ExtendWith(VertxExtension.class)
@Tag("faults")
class WebSocketFuzzTest {

  static final long SEED = Long.getLong("podium.fuzz.seed", 20_230_816L);
  static final int FRAMES = Integer.getInteger("podium.fuzz.frames", 10_000);
  private static final int FRAMES_PER_SOCKET = 40;
  private static final Duration ANSWER = Duration.ofSeconds(5);

  private Mutations m;
  private List<JsonObject> hellos;
  private final Tally tally = new Tally("websocket-fuzz");

  @Test
  void mutatedFramesAreRefusedWithDocumentedCodesAndChangeNothing(Vertx vertx) {
    try (HostileHub hub = HostileHub.start(vertx, "ws-fuzz")) {
      m = new Mutations(SEED);
      hellos = Samples.hellos(hub.tokens.get(Role.ADMIN), hub.screen, hub.screenToken);
      Set<String> codes = DocumentedCodes.protocol();
      StateProbe probe = StateProbe.of(hub.node().pool());
      String whole = probe.whole();
      String quick = probe.quick();
      long heap = Heap.usedAfterGc();
      RawSocket socket = null;
      int onSocket = 0;
      try {
        for (int i = 0; i < FRAMES; i++) {
          if (socket == null || socket.closed() || onSocket >= FRAMES_PER_SOCKET) {
            if (socket != null) {
              socket.close();
            }
            socket = RawSocket.open(vertx, hub.port());
            onSocket = 0;
            tally.tried("sockets");
          }
          onSocket++;
          Frame frame = next();
          tally.tried(frame.kind);
          String outcome = send(socket, frame, i);
          tally.outcome(outcome);
          String where = "seed " + SEED + ", frame " + i + " (" + frame.kind + "): " + frame.shown();
          if (outcome.startsWith("error:")) {
            assertThat(codes).as("a documented code; " + where).contains(outcome.substring(6));
          }
          if (outcome.startsWith("closed")) {
            assertThat(frame.size).as("only an oversized message closes; " + where + " -> " + outcome)
                .isGreaterThan(65_536);
          }
          if (outcome.equals("unanswered")) {
            assertThat(frame.mayGoUnanswered).as("every frame is answered; " + where).isTrue();
          }
          if (i % 500 == 499) {
            assertThat(probe.quick()).as("no frame changes anything; by " + where).isEqualTo(quick);
          }
        }
      } finally {
        if (socket != null) {
          socket.close();
        }
      }
      try (RawSocket after = RawSocket.open(vertx, hub.port())) {
        after.text(hellos.get(0).encode());
        assertThat(after.await(0, f -> "snapshot".equals(f.getString("type")), ANSWER)).as("the node still serves")
            .isNotNull();
      }
      assertThat(hub.api.get("/health").statusCode()).isEqualTo(200);
      String wholeAfter = probe.whole();
      assertThat(wholeAfter).as("the database after %d frames (seed %d): %s", FRAMES, SEED,
          StateProbe.difference(whole, wholeAfter)).isEqualTo(whole);
      long grown = Heap.usedAfterGc() - heap;
      tally.note("seed", SEED);
      tally.note("heap growth after GC (bytes)", grown);
      tally.report();
      assertThat(grown).as("heap growth after GC").isLessThan(32L << 20);
      assertThat(tally.total()).isEqualTo(FRAMES);
    }
  }

  /** One input: its text or bytes, what kind it is, and whether it may go without an answer. */
  private record Frame(String kind, String text, byte[] binary, int size, boolean mayGoUnanswered) {
    String shown() {
      String s = text != null ? text : "binary " + binary.length + " bytes";
      return s.length() > 300 ? s.substring(0, 300) + "… (" + s.length() + " chars)" : s;
    }
  }

  private Frame next() {
    int roll = m.random().nextInt(100);
    if (roll < 10) {
      return text("hello.valid", m.pick(hellos).encode());
    } else if (roll < 45) {
      return text("hello.mutated", m.text(m.mutate(m.pick(hellos), List.of("hello", "ping", "ack"))));
    } else if (roll < 58) {
      JsonObject ping = new JsonObject().put("type", "ping").put("t", m.value());
      return text("ping.mutated", m.chance(0.1) ? "{\"type\":\"ping\",\"t\":" + m.deep(990 + m.random().nextInt(20))
          .replace("1", "0") + "}" : m.text(m.chance(0.5) ? ping : m.mutate(ping, List.of("ping", "hello"))));
    } else if (roll < 70) {
      Catalogue.Entry<?> entry = m.pick(List.copyOf(Catalogue.entries()));
      JsonObject command = Samples.command(entry);
      return text("command.as-frame", m.text(m.chance(0.3) ? command : m.mutate(command, Samples.commandTypes())));
    } else if (roll < 76) {
      JsonObject ack = new JsonObject().put("type", "ack").put("version", m.random().nextInt(200));
      return text("ack.mutated", m.text(m.mutate(ack, List.of("ack", "ping"))));
    } else if (roll < 86) {
      return text("garbage", switch (m.random().nextInt(6)) {
        case 0 -> m.randomUnicode(1 + m.random().nextInt(300));
        case 1 -> m.deep(10 + m.random().nextInt(2000));
        case 2 -> m.pick(List.of("null", "1", "\"hello\"", "[]", "[{\"type\":\"hello\"}]", "true", "{}", "", " "));
        case 3 -> new JsonObject().put("type", m.value()).encode();
        case 4 -> "{\"type\":\"hello\",\"type\":\"ping\",\"event\":\"baotou-2023\"}";
        default -> m.string();
      });
    } else if (roll < 92) {
      boolean huge = m.chance(0.1);
      int size = huge ? 65_537 + m.random().nextInt(100_000) : 4_097 + m.random().nextInt(20_000);
      return text(huge ? "oversized.message" : "oversized.frame",
          "{\"type\":\"ping\",\"t\":\"" + "x".repeat(size - 22) + "\"}");
    } else if (roll < 96) {
      byte[] b = new byte[m.random().nextInt(2000)];
      m.random().nextBytes(b);
      return new Frame("binary", null, b, b.length, false);
    }
    JsonObject random = new JsonObject();
    for (int k = m.random().nextInt(6); k > 0; k--) {
      random.put(m.string(), m.value());
    }
    return text("object.random", m.text(random));
  }

  private Frame text(String kind, String text) {
    boolean future = false;
    try {
      Object type = new JsonObject(text).getValue("type");
      future = type instanceof String s && !s.equals("hello") && !s.equals("ping");
    } catch (RuntimeException notAnObject) {
      // answered with malformed_frame
    }
    // A type the hub may learn later (an ack, say) may be taken without an answer, if it is small enough.
    return new Frame(kind, text, null, text.length(), future && text.length() <= 4096);
  }

  /** Sends one frame and reads what it got: error:CODE, welcome:AUDIENCE, pong, closed:STATUS or unanswered. */
  private String send(RawSocket socket, Frame frame, int i) {
    int from = socket.frames.size();
    if (frame.binary != null) {
      socket.binary(frame.binary);
    } else {
      socket.text(frame.text);
    }
    JsonObject answer = null;
    if (frame.text != null && frame.text.contains("hello")) {
      // A staff or screen hello is answered once its token is checked: wait for that.
      answer = socket.await(from, WebSocketFuzzTest::isAnswer, ANSWER);
    } else if (!socket.closed()) {
      // Frames are answered in order: whatever comes before the pong of a ping sent next is this frame's.
      String sentinel = "sentinel-" + i;
      socket.text(new JsonObject().put("type", "ping").put("t", sentinel).encode());
      JsonObject pong = socket.await(from, f -> "pong".equals(f.getString("type")) && sentinel.equals(f.getValue("t")),
          ANSWER);
      if (pong == null && !socket.closed()) {
        throw new AssertionError("seed " + SEED + ", frame " + i + ": no pong within " + ANSWER + " after "
            + frame.shown());
      }
      answer = socket.await(from, f -> isAnswer(f) && !sentinel.equals(f.getValue("t")), Duration.ZERO);
    }
    if (answer == null) {
      return socket.closed() ? "closed:" + socket.closeCode() : "unanswered";
    }
    return switch (answer.getString("type")) {
      case "error" -> "error:" + answer.getString("code");
      case "welcome" -> "welcome:" + answer.getString("audience");
      default -> "pong";
    };
  }

  private static boolean isAnswer(JsonObject f) {
    return Set.of("error", "welcome", "pong").contains(f.getString("type"));
  }
}
