package podium.event;

import java.util.List;
import java.util.regex.Pattern;

/** The body of each command, read field by field into its record (see Catalogue for the table). */
final class CommandParser {

  private static final Pattern CODE = Pattern.compile("[A-Z0-9]{4,8}");

  private CommandParser() {
  }

  static Command.Delay delay(Fields f) {
    int minutes = f.integer("minutes");
    if (minutes == 0) {
      throw CommandRejected.invalidField("minutes", "must not be 0");
    }
    return new Command.Delay(f.id("session"), minutes, f.bool("cascade", false));
  }

  static Command.Update update(Fields f) {
    return new Command.Update(f.id("session"), f.has("kind") ? f.choice("kind", Session.Type.class) : null,
        f.has("title") ? f.text("title", true) : null, f.has("description") ? f.text("description", false) : null,
        f.has("speakers") ? f.ids("speakers") : null, f.has("start") ? f.time("start") : null,
        f.has("end") ? f.time("end") : null);
  }

  static Command.Add add(Fields f) {
    return new Command.Add(f.id("session"), f.choice("kind", Session.Type.class), f.id("room"), f.text("title", true),
        f.text("description", false), f.has("speakers") ? f.ids("speakers") : List.of(), f.time("start"),
        f.time("end"));
  }

  static Command.PostAnnouncement postAnnouncement(Fields f) {
    if (f.has("expiresAt") && f.has("expiresInMinutes")) {
      throw CommandRejected.invalidField("expiresInMinutes", "cannot come with expiresAt");
    }
    return new Command.PostAnnouncement(f.optionalId("announcement"), f.text("text", true),
        f.has("expiresAt") ? f.time("expiresAt") : null,
        f.has("expiresInMinutes") ? f.integer("expiresInMinutes") : null);
  }

  static Command.OnStage onStage(Fields f) {
    return new Command.OnStage(f.id("session"), f.optionalId("speaker"), f.optionalId("next"), f.mentions("next"));
  }

  static Command.Reveal reveal(Fields f) {
    return new Command.Reveal(f.id("award"), f.has("rank") ? f.integer("rank") : null);
  }

  static Command.Pair pair(Fields f) {
    String code = f.string("code", 16).trim().toUpperCase(java.util.Locale.ROOT);
    if (!CODE.matcher(code).matches()) {
      throw CommandRejected.invalidField("code", "must be the code the screen shows, e.g. K7P3QX");
    }
    return new Command.Pair(code, f.id("room"), f.choice("layout", Screen.Layout.class), f.text("name", false),
        f.has("lang") ? lang(f) : Screen.Lang.ZH_EN);
  }

  static Command.Assign assign(Fields f) {
    return new Command.Assign(f.id("screen"), f.optionalId("room"),
        f.has("layout") ? f.choice("layout", Screen.Layout.class) : null,
        f.has("name") ? f.text("name", true) : null, f.has("lang") ? lang(f) : null);
  }

  static Command.SetClock setClock(Fields f) {
    return new Command.SetClock(f.has("mode") ? f.choice("mode", EventClock.Mode.class) : null,
        f.has("at") ? f.time("at") : null,
        f.has("speed") ? f.number("speed", EventClock.MIN_SPEED, EventClock.MAX_SPEED) : null,
        f.has("paused") ? f.bool("paused", false) : null);
  }

  static Command.UpdateEvent updateEvent(Fields f) {
    java.time.ZoneId zone = null;
    if (f.has("timeZone")) {
      try {
        zone = java.time.ZoneId.of(f.string("timeZone", 64));
      } catch (java.time.DateTimeException e) {
        throw CommandRejected.invalidField("timeZone", "must be an IANA time zone such as Asia/Shanghai");
      }
    }
    return new Command.UpdateEvent(f.has("title") ? f.text("title", true) : null,
        f.has("venue") ? f.text("venue", false) : null, zone, f.has("days") ? f.days("days") : null);
  }

  static Command.UpdateRoom updateRoom(Fields f) {
    return new Command.UpdateRoom(f.id("room"), f.has("name") ? f.text("name", true) : null,
        f.has("kind") ? roomKind(f) : null, f.has("position") ? f.integer("position") : null);
  }

  static String roomKind(Fields f) {
    String kind = f.string("kind", 16);
    if (!Room.KINDS.contains(kind)) {
      throw CommandRejected.invalidField("kind", "must be one of " + Room.KINDS);
    }
    return kind;
  }

  static Command.AddSpeaker addSpeaker(Fields f) {
    return new Command.AddSpeaker(f.id("speaker"), f.text("name", true), f.text("title", false),
        f.text("affiliation", false));
  }

  static Command.UpdateSpeaker updateSpeaker(Fields f) {
    return new Command.UpdateSpeaker(f.id("speaker"), f.has("name") ? f.text("name", true) : null,
        f.has("title") ? f.text("title", false) : null, f.has("affiliation") ? f.text("affiliation", false) : null);
  }

  static Command.SetResults setResults(Fields f) {
    List<Command.Placing> placings = new java.util.ArrayList<>();
    for (io.vertx.core.json.JsonObject r : f.objects("results", 100)) {
      Fields p = new Fields(r, java.util.Set.of("rank", "nominee"), "results");
      placings.add(new Command.Placing(p.integer("rank"), p.id("nominee")));
    }
    if (placings.stream().map(Command.Placing::nominee).distinct().count() < placings.size()) {
      throw CommandRejected.invalidField("results", "names a nominee twice");
    }
    return new Command.SetResults(f.id("award"), placings);
  }

  static Command.SaveCue saveCue(Fields f) {
    if (f.has("at") && f.has("after")) {
      throw CommandRejected.invalidField("after", "cannot come with at: a cue is due at a time or after a cue");
    }
    List<io.vertx.core.json.JsonObject> commands = f.objects("commands", 20);
    for (int i = 0; i < commands.size(); i++) {
      Object type = commands.get(i).getValue("type");
      if (type instanceof String t && (t.startsWith("cue.") || t.equals("change.undo") || t.equals("screen.pair"))) {
        throw CommandRejected.invalidField("commands", "#" + (i + 1) + ": a cue may not hold " + t);
      }
      try {
        Catalogue.parse(commands.get(i));
      } catch (CommandRejected e) {
        throw new CommandRejected(e.code(), "commands #" + (i + 1) + ": " + e.getMessage());
      }
    }
    return new Command.SaveCue(f.id("cue"), f.text("name", true), f.has("position") ? f.integer("position") : null,
        commands, f.has("at") ? f.time("at") : null, f.optionalId("after"),
        f.has("afterMinutes") ? f.integer("afterMinutes") : 0);
  }

  private static Screen.Lang lang(Fields f) {
    Screen.Lang lang = Screen.Lang.parse(f.string("lang", 8));
    if (lang == null) {
      throw CommandRejected.invalidField("lang", "must be one of zh-en, en-zh, zh, en");
    }
    return lang;
  }

  static Command.SetTimer setTimer(Fields f) {
    int warning = f.integer("warningMinutes");
    int danger = f.integer("dangerMinutes");
    if (danger > warning) {
      throw CommandRejected.invalidField("dangerMinutes", "must be no more than warningMinutes");
    }
    return new Command.SetTimer(f.optionalId("session"), new TimerPhases(warning, danger));
  }
}
