package podium.event;

import io.vertx.core.json.JsonObject;

/**
 * When a speaker timer turns to warning and to danger: so many minutes before the session's end.
 * Set per event (5 and 1 by default) and, where a session needs its own, per session.
 */
public record TimerPhases(int warningMinutes, int dangerMinutes) {

  public static final TimerPhases DEFAULT = new TimerPhases(5, 1);
  public static final int MAX_MINUTES = 120;

  public TimerPhases {
    if (dangerMinutes < 0 || warningMinutes < dangerMinutes || warningMinutes > MAX_MINUTES) {
      throw new IllegalArgumentException("0 <= danger <= warning <= " + MAX_MINUTES);
    }
  }

  public JsonObject toJson() {
    return new JsonObject().put("warningMinutes", warningMinutes).put("dangerMinutes", dangerMinutes);
  }

  /** Null for null: a session without phases of its own takes its event's. */
  public static TimerPhases fromJson(JsonObject j) {
    return j == null ? null : new TimerPhases(j.getInteger("warningMinutes"), j.getInteger("dangerMinutes"));
  }
}
