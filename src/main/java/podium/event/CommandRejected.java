package podium.event;

/** A command that breaks a rule; it changes nothing. The code is stable and part of the API. */
public final class CommandRejected extends RuntimeException {

  private final String code;

  public CommandRejected(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static CommandRejected invalidField(String field, String problem) {
    return new CommandRejected("invalid_field", "'" + field + "' " + problem);
  }

  public static CommandRejected unknown(String what, String id) {
    return new CommandRejected("unknown_" + what, "no " + what + " '" + id + "' in this event");
  }

  public static CommandRejected invalidState(String message) {
    return new CommandRejected("invalid_state", message);
  }
}
