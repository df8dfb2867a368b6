package podium.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Api;
import podium.Await;
import podium.TestNode;

/**
 * RFC 5545 §3.1 on every calendar the hub serves (docs/API.md, "Exports": schedule.ics, the starred
 * sessions' schedule.ics?sessions=…, sessions/{id}.ics; each in en and zh): no line over 75 octets of
 * UTF-8, no fold inside a character, and unfolding gives back each session's title, room and
 * description as the snapshot has them, Chinese and a 4-octet emoji included.
 */
@ExtendWith(VertxExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("node")
class CalendarLinesTest {

  private static final String EVENT = "/api/events/" + TestNode.SLUG;
  private static final String SESSION = "keynote-gan-yong";
  // After "SUMMARY:" (8 octets), these 65 ASCII characters end at octet 73: the magnet (4 octets) crosses 75.
  private static final String TITLE_EN = "Magnets from Baotou: what the next decade asks of rare earth supply "
      .substring(0, 65) + "🧲 and a title that goes on past the fold; with a comma, too";
  private static final String TITLE_ZH = "稀土永磁材料的未来：从包头出发，面向全球市场的产业链协同创新与绿色发展之路🧲（主旨演讲）";
  private static final String DESCRIPTION_ZH = "包头是“稀土之都”。本场主旨演讲回顾稀土产业十年来的变化，"
      + "并展望稀土新材料在新能源汽车、风电和机器人领域的应用前景。";

  private TestNode.Running node;
  private Api api;

  @BeforeAll
  void start(Vertx vertx) {
    node = TestNode.startSeeded(vertx, "calendar-lines");
    api = new Api(vertx, node.port());
    long version = api.command(new JsonObject().put("type", "session.update").put("session", SESSION)
        .put("title", new JsonObject().put("en", TITLE_EN).put("zh", TITLE_ZH))
        .put("description", new JsonObject().put("en", "Line one.\nLine two, after a break.").put("zh", DESCRIPTION_ZH)))
        .bodyAsJsonObject().getLong("version");
    Await.version("the node's snapshot", () -> api.snapshot().getLong("version"), version);
  }

  @AfterAll
  void stop() {
    api.close();
    node.stop();
  }

  @Test
  void everyCalendarTheHubServesIsFoldedAtSeventyFiveOctetsAndUnfoldsToItsText() throws Exception {
    JsonObject snapshot = api.snapshot();
    assertThat(Api.session(snapshot, SESSION).getJsonObject("title").getString("zh")).isEqualTo(TITLE_ZH);
    int folds = 0;
    for (String lang : List.of("en", "zh")) {
      for (String path : List.of("/schedule.ics", "/schedule.ics?sessions=" + SESSION + ",opening-ceremony",
          "/sessions/" + SESSION + ".ics")) {
        String url = EVENT + path + (path.contains("?") ? "&" : "?") + "lang=" + lang;
        HttpResponse<Buffer> r = api.get(url);
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        byte[] body = r.body().getBytes();
        folds += checkLines(url, body);
        List<Map<String, String>> events = events(unfold(new String(body, StandardCharsets.UTF_8)));
        assertThat(events).as(url).isNotEmpty();
        for (Map<String, String> event : events) {
          matchesTheSnapshot(url, event, snapshot, lang);
        }
        if (path.startsWith("/sessions/")) {
          assertThat(events).singleElement().satisfies(e -> assertThat(e.get("SUMMARY"))
              .isEqualTo(lang.equals("en") ? TITLE_EN : TITLE_ZH));
        }
      }
    }
    assertThat(folds).as("folded lines: the test met long lines").isGreaterThan(20);
  }

  @Test
  void aFoldNeverSplitsACharacterAndCountsTheSpaceThatStartsTheNextLine() throws Exception {
    String line = "DESCRIPTION:" + "稀土".repeat(40) + " ".repeat(70) + "🧲".repeat(30) + "é".repeat(50);
    String folded = CalendarLines.fold("BEGIN:VEVENT\r\n" + line + "\r\nEND:VEVENT\r\n");
    checkLines("a made-up line", folded.getBytes(StandardCharsets.UTF_8));
    assertThat(unfold(folded)).isEqualTo("BEGIN:VEVENT\r\n" + line + "\r\nEND:VEVENT\r\n");
    // "DESCRIPTION:" is 12 octets; 21 characters of 3 make 75: full, and the 22nd goes on.
    assertThat(folded.split("\r\n")[1]).isEqualTo("DESCRIPTION:" + "稀土".repeat(10) + "稀");
    assertThat(CalendarLines.fold("X:" + "a".repeat(73))).as("exactly 75 octets stays whole").doesNotContain("\r\n");
    assertThat(CalendarLines.fold("X:" + "a".repeat(74))).isEqualTo("X:" + "a".repeat(73) + "\r\n a");
  }

  /** Every line ≤ 75 octets and whole UTF-8 on its own; lines end in CRLF. Returns how many are folds. */
  private static int checkLines(String what, byte[] body) throws CharacterCodingException {
    String text = new String(body, StandardCharsets.UTF_8);
    assertThat(text).as(what + " ends its lines with CRLF").endsWith("\r\n").doesNotContainPattern("[^\r]\n");
    int folds = 0;
    int start = 0;
    for (int i = 0; i + 1 < body.length; i++) {
      if (body[i] == '\r' && body[i + 1] == '\n') {
        byte[] line = Arrays.copyOfRange(body, start, i);
        String decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
        assertThat(line.length).as("%s: octets of the line '%s'", what, decoded).isLessThanOrEqualTo(75);
        folds += decoded.startsWith(" ") ? 1 : 0;
        start = i + 2;
      }
    }
    return folds;
  }

  /** RFC 5545 §3.1: a CRLF followed by one space or tab is removed. */
  private static String unfold(String text) {
    return text.replaceAll("\r\n[ \t]", "");
  }

  /** Each VEVENT's properties (no parameters in the ones read here), with TEXT unescaped. */
  private static List<Map<String, String>> events(String unfolded) {
    List<Map<String, String>> out = new ArrayList<>();
    for (String block : unfolded.split("BEGIN:VEVENT\r\n")) {
      if (!block.contains("END:VEVENT")) {
        continue;
      }
      out.add(block.substring(0, block.indexOf("END:VEVENT")).lines()
          .filter(l -> l.matches("[A-Z-]+:.*"))
          .collect(Collectors.toMap(l -> l.substring(0, l.indexOf(':')), l -> unescape(l.substring(l.indexOf(':') + 1)),
              (a, b) -> a)));
    }
    return out;
  }

  private static String unescape(String value) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char next = value.charAt(++i);
        out.append(next == 'n' || next == 'N' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void matchesTheSnapshot(String url, Map<String, String> event, JsonObject snapshot, String lang) {
    String id = event.get("URL").substring(event.get("URL").indexOf('#') + 1);
    JsonObject session = Api.session(snapshot, id);
    Function<JsonObject, String> in = t -> t == null ? "" : t.getString(lang, t.getString(lang.equals("en") ? "zh" : "en", ""));
    assertThat(event.get("SUMMARY")).as("%s %s: the title", url, id).endsWith(in.apply(session.getJsonObject("title")));
    JsonObject room = snapshot.getJsonArray("rooms").stream().map(JsonObject.class::cast)
        .filter(r -> r.getString("id").equals(session.getString("room"))).findFirst().orElseThrow();
    assertThat(event.get("LOCATION")).as("%s %s: the room", url, id).isEqualTo(in.apply(room.getJsonObject("name")));
    String description = in.apply(session.getJsonObject("description"));
    if (!description.isBlank()) {
      assertThat(event.get("DESCRIPTION")).as("%s %s: the description", url, id).contains(description);
    }
  }
}
