package podium.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * The screen fleet: pairing, assignment and remote actions. Every change names its screen, so
 * the hub can hand it to that one device besides staff.
 */
public final class ScreenRules {

  /** A command of this family. */
  public interface ScreenCommand extends Command { }

  /** Staff typed the code a new screen shows; the store finds which screen that is. */
  public record Pair(String code, String room, Screen.Layout layout, Text name, Screen.Lang lang)
      implements ScreenCommand { }

  record Assign(String screen, String room, Screen.Layout layout, Text name, Screen.Lang lang)
      implements ScreenCommand { }

  record Reload(String screen) implements ScreenCommand { }

  record Identify(String screen) implements ScreenCommand { }

  private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z0-9]{4,8}");

  private ScreenRules() {
  }

  static Command parse(String type, JsonObject body) {
    return switch (type) {
      case "screen.pair" -> {
        Fields f = new Fields(body, Set.of("code", "room", "layout", "name", "lang"));
        Object code = body.getValue("code");
        if (!(code instanceof String s) || !CODE.matcher(s.trim().toUpperCase()).matches()) {
          throw CommandRejected.invalidField("code", "must be the code the screen shows, e.g. K7P3QX");
        }
        yield new Pair(s.trim().toUpperCase(), f.id("room"), f.choice("layout", Screen.Layout.class),
            f.text("name", false), f.has("lang") ? lang(body) : Screen.Lang.ZH_EN);
      }
      case "screen.assign" -> {
        Fields f = new Fields(body, Set.of("screen", "room", "layout", "name", "lang"));
        yield new Assign(f.id("screen"), f.optionalId("room"),
            f.has("layout") ? f.choice("layout", Screen.Layout.class) : null,
            f.has("name") ? f.text("name", true) : null, f.has("lang") ? lang(body) : null);
      }
      case "screen.reload" -> new Reload(new Fields(body, Set.of("screen")).id("screen"));
      case "screen.identify" -> new Identify(new Fields(body, Set.of("screen")).id("screen"));
      default -> throw new CommandRejected("unknown_command", "no command '" + type + "'");
    };
  }

  private static Screen.Lang lang(JsonObject body) {
    Object v = body.getValue("lang");
    for (Screen.Lang l : Screen.Lang.values()) {
      if (l.wire().equals(v)) {
        return l;
      }
    }
    throw CommandRejected.invalidField("lang", "must be one of zh-en, en-zh, zh, en");
  }

  /** Pairs the screen the store found for the code. */
  public static Change pair(Agenda agenda, Pair c, String screenId) {
    requireRoom(agenda, c.room());
    Text name = c.name().isBlank() ? agenda.room(c.room()).orElseThrow().name() : c.name();
    return assigned(new Screen(screenId, name, c.room(), c.layout(), c.lang()));
  }

  static Change apply(Agenda agenda, ScreenCommand command) {
    if (command instanceof Pair) {
      throw new IllegalStateException("pairing needs the store to find the screen by its code");
    } else if (command instanceof Assign c) {
      Screen s = screen(agenda, c.screen());
      if (c.room() != null) {
        requireRoom(agenda, c.room());
      }
      Screen changed = new Screen(s.id(), c.name() == null ? s.name() : c.name(), c.room() == null ? s.room() : c.room(),
          c.layout() == null ? s.layout() : c.layout(), c.lang() == null ? s.lang() : c.lang());
      if (changed.equals(s)) {
        throw CommandRejected.invalidState("the assignment changes nothing for '" + s.id() + "'");
      }
      return assigned(changed);
    } else if (command instanceof Reload c) {
      return new Change("screen.reload", Audience.STAFF, new JsonObject().put("screen", screen(agenda, c.screen()).id()));
    }
    Identify c = (Identify) command;
    Screen s = screen(agenda, c.screen());
    return new Change("screen.identify", Audience.STAFF, new JsonObject().put("screen", s.id()).put("name", s.name().toJson()));
  }

  private static Change assigned(Screen s) {
    return new Change("screen.assigned", Audience.STAFF, new JsonObject().put("screen", s.id())
        .put("assignment", s.toJson()).put("screens", new JsonArray().add(s.toJson())));
  }

  private static Screen screen(Agenda agenda, String id) {
    return agenda.screen(id).orElseThrow(() -> CommandRejected.unknown("screen", id));
  }

  private static void requireRoom(Agenda agenda, String room) {
    agenda.room(room).orElseThrow(() -> CommandRejected.unknown("room", room));
  }
}
