package podium.event;

import io.vertx.core.json.JsonObject;

/** A command that breaks a rule; it changes nothing. The code is stable and part of the API. */
public final class CommandRejected extends RuntimeException {

  private final ErrorCode code;
  private final JsonObject details;

  public CommandRejected(ErrorCode code, String message) {
    this(code, message, null);
  }

  /** details: more for the client, e.g. the current state of what someone else changed first. */
  public CommandRejected(ErrorCode code, String message, JsonObject details) {
    super(message, null, false, false);
    this.code = code;
    this.details = details;
  }

  public ErrorCode code() {
    return code;
  }

  /** Null, or fields that go into the refusal beside code and message. */
  public JsonObject details() {
    return details;
  }

  public static CommandRejected invalidField(String field, String problem) {
    return new CommandRejected(ErrorCode.INVALID_FIELD, "'" + field + "' " + problem);
  }

  /** A reference to something the event does not have: code is one of the UNKNOWN_ codes. */
  public static CommandRejected unknown(ErrorCode code, String id) {
    String what = code.wire().substring("unknown_".length());
    return new CommandRejected(code, "no " + what + " '" + id + "' in this event");
  }

  public static CommandRejected invalidState(String message) {
    return new CommandRejected(ErrorCode.INVALID_STATE, message);
  }
}
