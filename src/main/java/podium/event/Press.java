package podium.event;

import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * One press of a stage manager's button (a Stream Deck through Companion, or a desk's OSC message):
 * an action, in a room for all but GO, with its argument. It means a catalogue command only
 * against the agenda at the moment of the press (command): GO fires the cue the console's GO
 * shows, START starts the room's next session, END ends its live one, DELAY delays the live one or
 * else the next with cascade. The command then goes the way of any other: its role, its rule, the
 * change log.
 */
public record Press(Action action, String room, int minutes, Text text) {

  /** The buttons, each with the catalogue command it becomes. */
  public enum Action {
    GO("cue.fire"), START("session.start"), END("session.end"), DELAY("session.delay"), MESSAGE("stage.message"),
    CLEAR("stage.message"), FLASH("stage.flash");

    private final String type;

    Action(String type) {
      this.type = type;
    }

    public String type() {
      return type;
    }

    public String wire() {
      return Spelling.of(this);
    }

    /** The role its command needs, from the catalogue; null for GO, whose cue's commands decide. */
    public Role role() {
      return Catalogue.entries().stream().filter(e -> e.type().equals(type)).findFirst().orElseThrow().role();
    }

    /** The action spelled so, or null. */
    public static Action parse(String wire) {
      return Spelling.parse(Action.class, wire);
    }
  }

  public static Press go() {
    return new Press(Action.GO, null, 0, Text.EMPTY);
  }

  /** START, END, CLEAR or FLASH in a room. */
  public static Press in(String room, Action action) {
    if (action == Action.GO || action == Action.DELAY || action == Action.MESSAGE) {
      throw new IllegalArgumentException(action + " takes another form");
    }
    return new Press(action, roomId(room), 0, Text.EMPTY);
  }

  /** Minutes as the catalogue bounds session.delay's, and not 0. */
  public static Press delay(String room, long minutes) {
    Catalogue.Range r = Catalogue.range("session.delay", "minutes");
    if (minutes == 0 || minutes < r.min() || minutes > r.max()) {
      throw CommandRejected.invalidField("minutes", "must be a whole number from " + r.min() + " to " + r.max()
          + ", not 0");
    }
    return new Press(Action.DELAY, roomId(room), (int) minutes, Text.EMPTY);
  }

  /** A message to show; clearing one is CLEAR, so an empty text is a mistake here. */
  public static Press message(String room, Text text) {
    if (text.isBlank()) {
      throw CommandRejected.invalidField("text", "is required (CLEAR takes the message away)");
    }
    return new Press(Action.MESSAGE, roomId(room), 0, text);
  }

  private static String roomId(String room) {
    if (room == null || !Fields.ID.matcher(room).matches()) {
      throw CommandRejected.invalidField("room", "must be a room id: lowercase letters, digits and '-', at most 64");
    }
    return room;
  }

  /** What makes two presses of one target the same press: the action and its argument. */
  public String repeatKey() {
    return switch (action) {
      case DELAY -> "delay " + minutes;
      case MESSAGE -> "message " + text.toJson().encode();
      default -> action.wire();
    };
  }

  /**
   * The catalogue body this press means now (now: the event clock's); refused (invalid_state) when
   * there is nothing for it to act on, unknown_room for a room the event does not have.
   */
  public JsonObject command(Agenda agenda, Instant now) {
    JsonObject body = new JsonObject().put("type", action.type());
    if (action == Action.GO) {
      Cue cue = Cue.next(agenda, now).orElseThrow(() -> CommandRejected.invalidState(
          "no cue is waiting: the run of show is done (a missed cue is fired from its own row)"));
      return body.put("cue", cue.id());
    }
    Room r = agenda.room(room).orElseThrow(() -> CommandRejected.unknown(ErrorCode.UNKNOWN_ROOM, room));
    RoomNow on = RoomNow.of(agenda, r, now);
    return switch (action) {
      case START -> body.put("session", required(on.next(), "nothing is left to start in '" + room + "' today").id());
      case END -> body.put("session", required(on.live(), "nothing is live in '" + room + "'").id());
      case DELAY -> body.put("session", required(on.live() != null ? on.live() : on.next(),
          "nothing is live or left to start in '" + room + "' today").id()).put("minutes", minutes).put("cascade", true);
      case MESSAGE -> body.put("room", room).put("text", text.toJson());
      case CLEAR, FLASH -> body.put("room", room);
      default -> throw new IllegalStateException(action.toString());
    };
  }

  private static Session required(Session s, String otherwise) {
    if (s == null) {
      throw CommandRejected.invalidState(otherwise);
    }
    return s;
  }
}
