package podium.event;

import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one table of staff commands: for each type its fields, the role it needs, its parser and
 * its rule. A body is parsed whole here, before any connection or lock is taken; only what needs
 * the current agenda is left to the rule.
 */
public final class Catalogue {

  /** Reads a checked body into its command. */
  @FunctionalInterface
  interface Parser<C extends Command> {
    C parse(Fields fields);
  }

  /** Decides what a command does to the agenda; pure, it throws CommandRejected when it breaks a rule. */
  @FunctionalInterface
  public interface Rule<C extends Command> {
    Change apply(Agenda agenda, C command, Facts facts);
  }

  /** A rule whose command makes several changes, each with a version of its own (a fired cue). */
  @FunctionalInterface
  interface Steps<C extends Command> {
    List<Change> apply(Agenda agenda, C command, Facts facts);
  }

  /** One command type; role null: any staff role, its rule decides (an undo, by what it undoes). */
  public record Entry<C extends Command>(String type, Role role, Set<String> fields, Parser<C> parser, Steps<C> rule) {
    Parsed<C> parse(JsonObject body) {
      return new Parsed<>(this, parser.parse(new Fields(body, fields)));
    }
  }

  /** A command read from its body, with the entry it came from. */
  public record Parsed<C extends Command>(Entry<C> entry, C command) {
    public Role role() {
      return entry.role();
    }

    public String type() {
      return entry.type();
    }

    /** Every change the command makes, in order: one, for all but a fired cue. */
    public List<Change> decideAll(Agenda agenda, Facts facts) {
      return entry.rule().apply(agenda, command, facts);
    }

    /** The one change of a command that makes one. */
    public Change decide(Agenda agenda, Facts facts) {
      List<Change> all = decideAll(agenda, facts);
      if (all.size() != 1) {
        throw new IllegalStateException(entry.type() + " made " + all.size() + " changes");
      }
      return all.get(0);
    }
  }

  private static final Map<String, Entry<?>> ENTRIES = new LinkedHashMap<>();

  /** The range of a whole-number field, for the parser and for the pages that let staff type it. */
  public record Range(long min, long max) { }

  /** By "type.field" (or "list.field" for the items of a list, such as results). */
  private static final Map<String, Range> RANGES = new LinkedHashMap<>();

  static {
    range("session.delay", "minutes", -Command.MAX_DELAY_MINUTES, Command.MAX_DELAY_MINUTES);
    range("announcement.post", "expiresInMinutes", 1, 1440);
    range("award.reveal", "rank", 1, 50);
    range("award.unreveal", "rank", 1, 50);
    range("results", "rank", 1, 50);
    range("room.update", "position", 0, 999);
    range("cue.save", "position", 0, 9999);
    range("cue.save", "afterMinutes", 0, 600);
    range("change.undo", "version", 1, Integer.MAX_VALUE);
    range("stage.timer", "warningMinutes", 0, TimerPhases.MAX_MINUTES);
    range("stage.timer", "dangerMinutes", 0, TimerPhases.MAX_MINUTES);
  }

  static {
    add("session.delay", Role.EDITOR, Set.of("session", "minutes", "cascade"), CommandParser::delay,
        SessionRules::delay);
    add("session.move", Role.EDITOR, Set.of("session", "room"),
        f -> new Command.Move(f.id("session"), f.id("room")), SessionRules::move);
    add("session.cancel", Role.EDITOR, Set.of("session", "reason"),
        f -> new Command.Cancel(f.id("session"), f.text("reason", false)), SessionRules::cancel);
    add("session.start", Role.EDITOR, Set.of("session"), f -> new Command.Start(f.id("session")), SessionRules::start);
    add("session.end", Role.EDITOR, Set.of("session"), f -> new Command.End(f.id("session")), SessionRules::end);
    add("session.update", Role.EDITOR, Set.of("session", "kind", "title", "description", "speakers", "start", "end"),
        CommandParser::update, SessionRules::update);
    add("session.add", Role.EDITOR, Set.of("session", "kind", "room", "title", "description", "speakers", "start",
        "end"), CommandParser::add, SessionRules::add);
    add("announcement.post", Role.ANNOUNCER, Set.of("announcement", "text", "expiresAt", "expiresInMinutes"),
        CommandParser::postAnnouncement, StageRules::post);
    add("announcement.clear", Role.ANNOUNCER, Set.of("announcement"),
        f -> new Command.ClearAnnouncement(f.id("announcement")), StageRules::clear);
    add("speaker.on_stage", Role.ANNOUNCER, Set.of("session", "speaker", "next"), CommandParser::onStage,
        StageRules::onStage);
    add("notice.emergency", Role.ANNOUNCER, Set.of("text"), f -> new Command.Emergency(f.text("text", true)),
        StageRules::emergency);
    add("notice.clear", Role.ANNOUNCER, Set.of(), f -> new Command.ClearNotice(), StageRules::clearNotice);
    add("session.restore", Role.EDITOR, Set.of("session"), f -> new Command.Restore(f.id("session")),
        SessionRules::restore);
    add("award.add", Role.AWARDS, Set.of("award", "session", "name"),
        f -> new Command.AddAward(f.id("award"), f.id("session"), f.text("name", true)), AwardRules::add);
    add("award.update", Role.AWARDS, Set.of("award", "session", "name"),
        f -> new Command.UpdateAward(f.id("award"), f.optionalId("session"), f.has("name") ? f.text("name", true) : null),
        AwardRules::update);
    add("award.nominee", Role.AWARDS, Set.of("award", "nominee", "name"),
        f -> new Command.SetNominee(f.id("award"), f.id("nominee"), f.text("name", true)), AwardRules::setNominee);
    add("award.set_results", Role.AWARDS, Set.of("award", "results"), CommandParser::setResults,
        AwardRules::setResults);
    add("award.reveal", Role.AWARDS, Set.of("award", "rank"), CommandParser::reveal, AwardRules::reveal);
    add("award.unreveal", Role.AWARDS, Set.of("award", "rank"),
        f -> new Command.Unreveal(f.id("award"), f.has("rank") ? f.integer("rank") : null), AwardRules::unreveal);
    add("screen.pair", Role.SCREENS, Set.of("code", "room", "layout", "name", "lang"), CommandParser::pair,
        ScreenRules::pair);
    add("screen.assign", Role.SCREENS, Set.of("screen", "room", "layout", "name", "lang"), CommandParser::assign,
        ScreenRules::assign);
    add("screen.reload", Role.SCREENS, Set.of("screen"), f -> new Command.Reload(f.id("screen")),
        ScreenRules::reload);
    add("screen.identify", Role.SCREENS, Set.of("screen"), f -> new Command.Identify(f.id("screen")),
        ScreenRules::identify);
    add("clock.set", Role.ADMIN, Set.of("mode", "at", "speed", "paused"), CommandParser::setClock, ClockRules::set);
    add("event.update", Role.ADMIN, Set.of("title", "venue", "timeZone", "days"), CommandParser::updateEvent,
        PlaceRules::updateEvent);
    add("room.add", Role.EDITOR, Set.of("room", "name", "kind"),
        f -> new Command.AddRoom(f.id("room"), f.text("name", true), f.has("kind") ? CommandParser.roomKind(f) : "room"),
        PlaceRules::addRoom);
    add("room.update", Role.EDITOR, Set.of("room", "name", "kind", "position"), CommandParser::updateRoom,
        PlaceRules::updateRoom);
    add("speaker.add", Role.EDITOR, Set.of("speaker", "name", "title", "affiliation"), CommandParser::addSpeaker,
        PlaceRules::addSpeaker);
    add("speaker.update", Role.EDITOR, Set.of("speaker", "name", "title", "affiliation"), CommandParser::updateSpeaker,
        PlaceRules::updateSpeaker);
    add("stage.message", Role.ANNOUNCER, Set.of("room", "text"),
        f -> new Command.StageMessage(f.id("room"), f.has("text") ? f.text("text", false) : Text.EMPTY),
        CrewRules::message);
    add("stage.flash", Role.ANNOUNCER, Set.of("room"), f -> new Command.Flash(f.id("room")), CrewRules::flash);
    add("stage.blackout", Role.ANNOUNCER, Set.of("room", "on"),
        f -> new Command.Blackout(f.id("room"), f.bool("on", true)), CrewRules::blackout);
    add("stage.timer", Role.ANNOUNCER, Set.of("session", "warningMinutes", "dangerMinutes"), CommandParser::setTimer,
        CrewRules::timer);
    add("stage.project", Role.ADMIN, Set.of("room"), f -> new Command.Project(f.id("room")), CrewRules::project);
    add("stage.dismiss", Role.EDITOR, Set.of("session"), f -> new Command.Dismiss(f.id("session")),
        CrewRules::dismiss);
    // Any role: the rule checks the role of every command in the cue.
    add("cue.save", null, Set.of("cue", "name", "position", "commands", "at", "after", "afterMinutes"),
        CommandParser::saveCue, CueRules::save);
    add("cue.remove", null, Set.of("cue"), f -> new Command.RemoveCue(f.id("cue")), CueRules::remove);
    steps("cue.fire", null, Set.of("cue"), f -> new Command.FireCue(f.id("cue")), CueRules::fire);
    // Any role: the rule checks the role of the change it undoes.
    add("change.undo", null, Set.of("version"), f -> new Command.Undo(f.integer("version")),
        UndoRules::undo);
  }

  /** Not in the table: no body can ask for it; the hub sends it for a followed schedule. */
  private static final Entry<Command.Follow> FOLLOW = new Entry<>("schedule.follow", Role.EDITOR, Set.of(),
      f -> {
        throw new CommandRejected(ErrorCode.UNKNOWN_COMMAND, "schedule.follow is sent by the hub only");
      }, SourceRules::follow);

  /** A followed schedule's release, as a command of the write path. */
  public static Parsed<Command.Follow> follow(Command.Follow command) {
    return new Parsed<>(FOLLOW, command);
  }

  private Catalogue() {
  }

  private static void range(String of, String field, long min, long max) {
    RANGES.put(of + "." + field, new Range(min, max));
  }

  static Range range(String of, String field) {
    Range r = RANGES.get(of + "." + field);
    if (r == null) {
      throw new IllegalStateException("no range declared for " + of + "." + field);
    }
    return r;
  }

  /**
   * What staff pages need to know of the commands, so that they never guess it: for each type the
   * role it needs (null: any staff role, the rule decides), its fields, the ranges of its
   * whole-number fields, and the longest text any field takes.
   */
  public static JsonObject describe() {
    io.vertx.core.json.JsonArray commands = new io.vertx.core.json.JsonArray();
    for (Entry<?> e : ENTRIES.values()) {
      JsonObject ranges = new JsonObject();
      RANGES.forEach((key, r) -> {
        if (key.startsWith(e.type() + ".")) {
          ranges.put(key.substring(e.type().length() + 1), new JsonObject().put("min", r.min()).put("max", r.max()));
        }
      });
      commands.add(new JsonObject().put("type", e.type()).put("role", e.role() == null ? null : e.role().wire())
          .put("fields", new io.vertx.core.json.JsonArray(e.fields().stream().sorted().toList())).put("ranges", ranges));
    }
    io.vertx.core.json.JsonArray roles = new io.vertx.core.json.JsonArray();
    for (Role r : Role.values()) {
      roles.add(r.wire());
    }
    return new JsonObject().put("roles", roles).put("textMaxLength", Text.MAX_LENGTH).put("commands", commands);
  }

  private static <C extends Command> void add(String type, Role role, Set<String> fields, Parser<C> parser,
      Rule<C> rule) {
    ENTRIES.put(type, new Entry<>(type, role, fields, parser, (agenda, c, facts) -> List.of(rule.apply(agenda, c, facts))));
  }

  private static <C extends Command> void steps(String type, Role role, Set<String> fields, Parser<C> parser,
      Steps<C> rule) {
    ENTRIES.put(type, new Entry<>(type, role, fields, parser, rule));
  }

  /** Parses a body whole; throws CommandRejected (unknown_command, invalid_field) for a bad one. */
  public static Parsed<?> parse(JsonObject body) {
    Object type = body.getValue("type");
    if (!(type instanceof String name)) {
      throw new CommandRejected(ErrorCode.UNKNOWN_COMMAND, "the body needs a string 'type', e.g. \"session.delay\"");
    }
    Entry<?> entry = ENTRIES.get(name);
    if (entry == null) {
      throw new CommandRejected(ErrorCode.UNKNOWN_COMMAND, "no command '" + name + "'");
    }
    return entry.parse(body);
  }

  public static Collection<Entry<?>> entries() {
    return ENTRIES.values();
  }
}
