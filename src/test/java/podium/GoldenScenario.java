package podium;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import podium.event.Agenda;
import podium.event.Before;
import podium.event.Catalogue;
import podium.event.Change;
import podium.event.Facts;
import podium.event.Role;

/**
 * Every kind of change, once at least: golden/commands.jsonl run through the rules on the demo, as
 * an admin, each step at its own time. An undo finds its change in the run's own history, as the
 * store would find it in the change log.
 */
public final class GoldenScenario {

  public static final Path COMMANDS = Path.of("src/test/resources/golden/commands.jsonl");
  public static final Instant SEEDED = Instant.parse("2023-08-16T00:20:00Z");

  /** One step: its version, its change, and the agenda after it. */
  public record Step(long version, Change change, Agenda after) { }

  private GoldenScenario() {
  }

  public static Agenda start() {
    return DemoEvent.agenda(SEEDED);
  }

  public static List<Step> run() {
    List<String> lines;
    try {
      lines = Files.readAllLines(COMMANDS, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Agenda agenda = start();
    Map<Long, Facts.Undoable> log = new HashMap<>();
    List<Step> steps = new ArrayList<>();
    for (String line : lines) {
      JsonObject step = new JsonObject(line);
      JsonObject body = step.getJsonObject("body");
      Instant at = Instant.parse(step.getString("at"));
      Facts.Undoable target = "change.undo".equals(body.getString("type")) ? log.get(body.getLong("version")) : null;
      // A fired cue makes several changes, each with a version of its own.
      for (Change change : Catalogue.parse(body).decideAll(agenda,
          new Facts(at, at, "golden", "staff:golden", Role.ADMIN, step.getString("screen"), target))) {
        long version = steps.size() + 1L;
        log.put(version, new Facts.Undoable(version, change, Before.of(agenda, change.touched()), "staff:golden"));
        agenda = agenda.apply(change);
        steps.add(new Step(version, change, agenda));
      }
    }
    return steps;
  }
}
