package podium.control;

import com.illposed.osc.OSCMessage;
import java.util.List;
import java.util.regex.Pattern;
import podium.event.CommandRejected;
import podium.event.Press;
import podium.event.Text;

/**
 * The OSC address space (docs/CONTROL.md): what one message means, checked whole (address,
 * argument count and types, bounds) before anything acts on it.
 *
 * <pre>
 * /podium/{event}/go
 * /podium/{event}/{room}/start | end | clear | flash
 * /podium/{event}/{room}/delay     i minutes (or a whole f), -720…720, not 0
 * /podium/{event}/{room}/message   s text (both languages) | s en, s zh
 * </pre>
 *
 * A trigger (go, start, end, clear, flash) takes no argument, or one number or boolean as buttons
 * on control surfaces send it: non-zero or true is the press, 0 or false the button let go
 * (ignored). Address patterns (wildcards) are never expanded: javaosc's parser refuses a message
 * with one (unparsable), and one that got past it would be an unknown address.
 */
final class OscMessages {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  /** The kinds of bad message, each logged once and counted (podium_osc_bad_messages_total{kind}). */
  static final String UNPARSABLE = "unparsable";
  static final String UNKNOWN_ADDRESS = "unknown_address";
  static final String BAD_ARGUMENTS = "bad_arguments";
  static final String OUT_OF_RANGE = "out_of_range";

  /** One message: a press on an event, a button let go (press null, bad null), or a bad message of a kind. */
  record Reading(String slug, Press press, String bad, String problem) {

    static Reading bad(String kind, String problem) {
      return new Reading(null, null, kind, problem);
    }

    static final Reading RELEASE = new Reading(null, null, null, null);
  }

  private OscMessages() {
  }

  static Reading read(OSCMessage message) {
    String[] parts = message.getAddress().split("/", -1);
    if (parts.length < 4 || parts.length > 5 || !parts[0].isEmpty() || !parts[1].equals("podium")
        || !ID.matcher(parts[2]).matches() || parts.length == 5 && !ID.matcher(parts[3]).matches()) {
      return Reading.bad(UNKNOWN_ADDRESS, "'" + message.getAddress() + "' is not /podium/{event}/go or"
          + " /podium/{event}/{room}/{action}");
    }
    Press.Action action = Press.Action.parse(parts[parts.length - 1]);
    if (action == null) {
      return Reading.bad(UNKNOWN_ADDRESS, "'" + message.getAddress() + "': '" + parts[parts.length - 1]
          + "' is none of go, start, end, delay, message, clear, flash");
    }
    if ((action == Press.Action.GO) != (parts.length == 4)) {
      return Reading.bad(UNKNOWN_ADDRESS, "'" + message.getAddress() + "': go takes no room; start, end, delay,"
          + " message, clear and flash take one");
    }
    String slug = parts[2];
    String room = parts.length == 5 ? parts[3] : null;
    List<Object> args = message.getArguments();
    try {
      return switch (action) {
        case DELAY -> new Reading(slug, Press.delay(room, minutes(args)), null, null);
        case MESSAGE -> new Reading(slug, Press.message(room, text(args)), null, null);
        default -> trigger(args) ? new Reading(slug, action == Press.Action.GO ? Press.go() : Press.in(room, action),
            null, null) : Reading.RELEASE;
      };
    } catch (BadArguments e) {
      return Reading.bad(BAD_ARGUMENTS, message.getAddress() + ": " + e.getMessage());
    } catch (CommandRejected e) {
      return Reading.bad(OUT_OF_RANGE, message.getAddress() + ": " + e.getMessage());
    }
  }

  /** Pressed (true) or let go (false). */
  private static boolean trigger(List<Object> args) {
    if (args.isEmpty()) {
      return true;
    }
    if (args.size() == 1 && args.get(0) instanceof Number n && Double.isFinite(n.doubleValue())) {
      return n.doubleValue() != 0;
    }
    if (args.size() == 1 && args.get(0) instanceof Boolean b) {
      return b;
    }
    throw new BadArguments("takes no argument, or one number or boolean (0 or false: let go)");
  }

  private static long minutes(List<Object> args) {
    if (args.size() == 1 && (args.get(0) instanceof Integer || args.get(0) instanceof Long)) {
      return ((Number) args.get(0)).longValue();
    }
    if (args.size() == 1 && args.get(0) instanceof Number n && Double.isFinite(n.doubleValue())
        && n.doubleValue() == Math.rint(n.doubleValue()) && Math.abs(n.doubleValue()) < 1e6) {
      return (long) n.doubleValue();
    }
    throw new BadArguments("takes one whole number of minutes (i, or a whole f)");
  }

  private static Text text(List<Object> args) {
    if (args.isEmpty() || args.size() > 2 || !args.stream().allMatch(a -> a instanceof String)) {
      throw new BadArguments("takes one string (both languages) or two (English, Chinese)");
    }
    io.vertx.core.json.JsonObject both = new io.vertx.core.json.JsonObject().put("en", args.get(0))
        .put("zh", args.get(args.size() - 1));
    return Text.parse(both, "text");
  }

  /** A message whose arguments are not what its address takes. */
  private static final class BadArguments extends RuntimeException {
    BadArguments(String problem) {
      super(problem, null, false, false);
    }
  }
}
