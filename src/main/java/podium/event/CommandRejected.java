package podium.event;

/** A command that breaks a rule; it changes nothing. The code is stable and part of the API. */
public final class CommandRejected extends RuntimeException {

  private final ErrorCode code;

  public CommandRejected(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
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
