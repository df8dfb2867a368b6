package podium.event;

import io.vertx.core.json.JsonObject;

/**
 * When a speaker timer turns to warning and to danger: so many minutes before the session's end.
 * Set per event (5 and 1 by default) and, where a session needs its own, per session.
 */
public record TimerPhases(int warningMinutes, int dangerMinutes) {

  public static final TimerPhases DEFAULT = new TimerPhases(5, 1);
  public static final int MAX_MINUTES = 120;

  /** Where a speaker timer stands: its colour on the stage and on a stage manager's buttons. */
  public enum Phase { NORMAL, WARNING, DANGER, OVER }

  public TimerPhases {
    if (dangerMinutes < 0 || warningMinutes < dangerMinutes || warningMinutes > MAX_MINUTES) {
      throw new IllegalArgumentException("0 <= danger <= warning <= " + MAX_MINUTES);
    }
  }

  /** The phase with so many whole seconds left (negative past the end): over once none is left. */
  public Phase at(long secondsLeft) {
    if (secondsLeft <= 0) {
      return Phase.OVER;
    }
    if (secondsLeft <= dangerMinutes * 60L) {
      return Phase.DANGER;
    }
    return secondsLeft <= warningMinutes * 60L ? Phase.WARNING : Phase.NORMAL;
  }

  public JsonObject toJson() {
    return new JsonObject().put("warningMinutes", warningMinutes).put("dangerMinutes", dangerMinutes);
  }

  /** Null for null: a session without phases of its own takes its event's. */
  public static TimerPhases fromJson(JsonObject j) {
    return j == null ? null : new TimerPhases(j.getInteger("warningMinutes"), j.getInteger("dangerMinutes"));
  }
}
