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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.GoldenScenario;
import podium.event.Agenda;
import podium.event.Audience;
import podium.event.Change;
import podium.event.ChangeCodec;

/**
 * Every change kind, for every audience, gives the same frame text as golden/frames.jsonl, which
 * was written by the code before the typed command and change model; and decodes to itself.
 * "staff" is what an admin gets (the embargo audience, called staff before roles came); "staffRole"
 * what the other staff roles get. Run with -Dgolden.write=true
 * to write it again (only when the protocol is meant to change).
 */
@Tag("unit")
class GoldenFramesTest {

  private static final Path DIR = Path.of("src/test/resources/golden");

  @Test
  void everyChangeKindEncodesAsBefore() throws IOException {
    List<String> out = new ArrayList<>();
    Agenda agenda = GoldenScenario.start();
    for (GoldenScenario.Step step : GoldenScenario.run()) {
      Change change = step.change();
      long version = step.version();
      out.add(new JsonObject().put("version", version).put("screen", change.screen())
          .put("public", Frames.text(version, change, Audience.PUBLIC))
          .put("staff", Frames.text(version, change, Audience.EMBARGO))
          .put("staffRole", Frames.text(version, change, Audience.STAFF)).encode());
      assertThat(ChangeCodec.decode(change.kind(), ChangeCodec.encode(change))).as("decoded as encoded")
          .isEqualTo(change);
      agenda = step.after();
    }
    out.add(new JsonObject().put("snapshotPublic", agenda.toJson(Audience.PUBLIC).encode())
        .put("snapshotStaff", agenda.toJson(Audience.EMBARGO).encode())
        .put("snapshotStaffRole", agenda.toJson(Audience.STAFF).encode()).encode());
    Path golden = DIR.resolve("frames.jsonl");
    if (Boolean.getBoolean("golden.write")) {
      Files.write(golden, out, StandardCharsets.UTF_8);
    }
    assertThat(out).containsExactlyElementsOf(Files.readAllLines(golden, StandardCharsets.UTF_8));
  }
}
