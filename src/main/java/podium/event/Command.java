package podium.event;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/** A staff command, parsed and checked field by field; the rules check it against the agenda. */
public interface Command {

  record Delay(String session, int minutes, boolean cascade) implements Command { }

  record Move(String session, String room) implements Command { }

  record Cancel(String session, Text reason) implements Command { }

  record Start(String session) implements Command { }

  record End(String session) implements Command { }

  /** Every field but the session is optional; null means "leave as it is". */
  record Update(String session, Session.Type kind, Text title, Text description, List<String> speakers,
      Instant start, Instant end) implements Command { }

  record Add(String session, Session.Type kind, String room, Text title, Text description, List<String> speakers,
      Instant start, Instant end) implements Command { }

  /** The longest delay staff may enter at once, either way: twelve hours. */
  int MAX_DELAY_MINUTES = 720;

  static Command parse(JsonObject body, ZoneId zone) {
    Object type = body.getValue("type");
    if (!(type instanceof String name)) {
      throw new CommandRejected("unknown_command", "the body needs a string 'type', e.g. \"session.delay\"");
    }
    return switch (name) {
      case "session.delay" -> {
        Fields f = new Fields(body, Set.of("session", "minutes", "cascade"));
        int minutes = f.integer("minutes", -MAX_DELAY_MINUTES, MAX_DELAY_MINUTES);
        if (minutes == 0) {
          throw CommandRejected.invalidField("minutes", "must not be 0");
        }
        yield new Delay(f.id("session"), minutes, f.bool("cascade", false));
      }
      case "session.move" -> {
        Fields f = new Fields(body, Set.of("session", "room"));
        yield new Move(f.id("session"), f.id("room"));
      }
      case "session.cancel" -> {
        Fields f = new Fields(body, Set.of("session", "reason"));
        yield new Cancel(f.id("session"), f.text("reason", false));
      }
      case "session.start" -> new Start(new Fields(body, Set.of("session")).id("session"));
      case "session.end" -> new End(new Fields(body, Set.of("session")).id("session"));
      case "session.update" -> {
        Fields f = new Fields(body, Set.of("session", "kind", "title", "description", "speakers", "start", "end"));
        yield new Update(f.id("session"), f.has("kind") ? f.choice("kind", Session.Type.class) : null,
            f.has("title") ? f.text("title", true) : null, f.has("description") ? f.text("description", false) : null,
            f.has("speakers") ? f.ids("speakers") : null, f.has("start") ? f.time("start", zone) : null,
            f.has("end") ? f.time("end", zone) : null);
      }
      case "session.add" -> {
        Fields f = new Fields(body, Set.of("session", "kind", "room", "title", "description", "speakers", "start", "end"));
        yield new Add(f.id("session"), f.choice("kind", Session.Type.class), f.id("room"), f.text("title", true),
            f.text("description", false), f.has("speakers") ? f.ids("speakers") : List.of(), f.time("start", zone),
            f.time("end", zone));
      }
      default -> {
        if (name.startsWith("announcement.") || name.startsWith("speaker.") || name.startsWith("notice.")) {
          yield StageRules.parse(name, body, zone);
        } else if (name.startsWith("award.")) {
          yield AwardRules.parse(name, body);
        } else if (name.startsWith("screen.")) {
          yield ScreenRules.parse(name, body);
        }
        throw new CommandRejected("unknown_command", "no command '" + name + "'");
      }
    };
  }
}
