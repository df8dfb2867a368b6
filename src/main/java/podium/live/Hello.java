package podium.live;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A client's hello: which event, which channels, where it left off, its staff token if any, and
 * the protocol it speaks (docs/PROTOCOL.md, "Protocol versions").
 */
record Hello(String event, List<String> channels, String resumeEpoch, long resumeVersion, String token, int protocol) {

  /** The live protocol this hub speaks, sent in every welcome. */
  static final int PROTOCOL = 1;

  /** What a hello without "protocol" speaks: every live.js before the field came. */
  static final int FIRST_PROTOCOL = 1;

  private static final Pattern CHANNEL = Pattern.compile("public|staff|(room|screen):[a-z0-9][a-z0-9-]{0,63}");

  /** Asks for the staff channel; the login or token then decides the audience (staff or embargo). */
  boolean staff() {
    return channels.contains("staff");
  }

  /** The screen id of a screen:<id> channel, or null. */
  String screen() {
    return channels.stream().filter(c -> c.startsWith("screen:")).map(c -> c.substring(7)).findFirst().orElse(null);
  }

  /** Where a client's acknowledgements count in the delivery report; staff are not counted. */
  String where(boolean screen, podium.event.Audience audience) {
    if (audience != podium.event.Audience.PUBLIC) {
      return null;
    }
    String room = channels.stream().filter(c -> c.startsWith("room:")).map(c -> c.substring(5)).findFirst().orElse("");
    return room + (screen ? "|screen" : "|phone");
  }

  boolean resumes() {
    return resumeEpoch != null;
  }

  static Hello parse(JsonObject frame) {
    if (!(frame.getValue("event") instanceof String event) || event.isEmpty() || event.length() > 64) {
      throw new ProtocolError(ProtocolError.Code.BAD_HELLO, "hello needs an 'event' slug");
    }
    Object rawChannels = frame.getValue("channels", new JsonArray().add("public"));
    if (!(rawChannels instanceof JsonArray list) || list.isEmpty() || list.size() > 16) {
      throw new ProtocolError(ProtocolError.Code.BAD_HELLO, "'channels' must be a list of 1 to 16 channels");
    }
    for (Object c : list) {
      if (!(c instanceof String s) || !CHANNEL.matcher(s).matches()) {
        throw new ProtocolError(ProtocolError.Code.BAD_CHANNEL, "unknown channel " + c + ": use public, staff, room:<id> or screen:<id>");
      }
    }
    String epoch = null;
    long version = -1;
    Object resume = frame.getValue("resume");
    if (resume != null) {
      if (!(resume instanceof JsonObject r) || !(r.getValue("epoch") instanceof String e)
          || !(r.getValue("version") instanceof Number v) || v.longValue() < 0) {
        throw new ProtocolError(ProtocolError.Code.BAD_HELLO, "'resume' must be {\"epoch\": string, \"version\": number >= 0}");
      }
      epoch = e;
      version = v.longValue();
    }
    if (list.contains("staff") && list.stream().anyMatch(c -> ((String) c).startsWith("screen:"))) {
      throw new ProtocolError(ProtocolError.Code.BAD_CHANNEL, "a connection is staff or a screen, not both");
    }
    Object token = frame.getValue("token");
    if (token != null && !(token instanceof String)) {
      throw new ProtocolError(ProtocolError.Code.BAD_HELLO, "'token' must be a string");
    }
    return new Hello(event, list.stream().map(String.class::cast).distinct().toList(), epoch, version, (String) token,
        protocol(frame.getValue("protocol")));
  }

  /** A protocol this hub speaks; a newer one is refused, and the client may say hello again with an older one. */
  private static int protocol(Object value) {
    if (value == null) {
      return FIRST_PROTOCOL;
    }
    BigInteger asked = value instanceof Integer || value instanceof Long ? BigInteger.valueOf(((Number) value).longValue())
        : value instanceof BigInteger big ? big : null;
    if (asked == null || asked.signum() < 1) {
      throw new ProtocolError(ProtocolError.Code.BAD_HELLO, "'protocol' must be a positive integer");
    }
    if (asked.compareTo(BigInteger.valueOf(PROTOCOL)) > 0) {
      throw new ProtocolError(ProtocolError.Code.UNSUPPORTED_PROTOCOL, "this hub speaks protocol " + PROTOCOL
          + " at most; say hello again with a protocol it speaks");
    }
    return asked.intValue();
  }
}
