package podium.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import podium.DemoEvent;
import podium.event.Agenda;
import podium.event.Audience;
import podium.event.Change;
import podium.event.Command;
import podium.event.Rules;
import podium.event.ScreenRules;

/**
 * Every change kind, for every audience, gives the same frame text as golden/frames.jsonl, which
 * was written by the code before the typed command and change model. Run with -Dgolden.write=true
 * to write it again (only when the protocol is meant to change).
 */
class GoldenFramesTest {

  private static final Path DIR = Path.of("src/test/resources/golden");

  @Test
  void everyChangeKindEncodesAsBefore() throws IOException {
    List<String> out = new ArrayList<>();
    Agenda agenda = DemoEvent.agenda();
    long version = 0;
    for (String line : Files.readAllLines(DIR.resolve("commands.jsonl"), StandardCharsets.UTF_8)) {
      JsonObject step = new JsonObject(line);
      Instant at = Instant.parse(step.getString("at"));
      JsonObject body = step.getJsonObject("body");
      Command command = Command.parse(body, agenda.event().zone());
      Change change = step.containsKey("screen")
          ? ScreenRules.pair(agenda, (ScreenRules.Pair) command, step.getString("screen"))
          : Rules.apply(agenda, command, at);
      version++;
      String full = new JsonObject().put("type", "change").put("version", version).put("kind", change.kind())
          .put("data", change.data()).encode();
      String pub = change.audience() == Audience.PUBLIC ? full
          : new JsonObject().put("type", "skip").put("version", version).encode();
      String screen = change.kind().startsWith("screen.") ? change.data().getString("screen") : null;
      out.add(new JsonObject().put("version", version).put("screen", screen).put("public", pub).put("staff", full)
          .encode());
      agenda = agenda.apply(change);
    }
    out.add(new JsonObject().put("snapshotPublic", agenda.toJson(Audience.PUBLIC).encode())
        .put("snapshotStaff", agenda.toJson(Audience.STAFF).encode()).encode());
    Path golden = DIR.resolve("frames.jsonl");
    if (Boolean.getBoolean("golden.write")) {
      Files.write(golden, out, StandardCharsets.UTF_8);
    }
    assertThat(out).containsExactlyElementsOf(Files.readAllLines(golden, StandardCharsets.UTF_8));
  }
}
