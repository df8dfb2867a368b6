package podium.event;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/**
 * The event's own clock, which every page and every start/end takes "now" from: the real time, or
 * a simulated one (the demo, a rehearsal) that ran from eventAnchor at realAnchor at a speed, or
 * stands still at eventAnchor while paused.
 */
public record EventClock(Mode mode, Instant realAnchor, Instant eventAnchor, double speed, boolean paused) {

  public enum Mode { REAL, SIMULATED }

  public static final EventClock REAL = new EventClock(Mode.REAL, null, null, 1, false);
  public static final double MIN_SPEED = 0.5;
  public static final double MAX_SPEED = 60;

  public EventClock {
    if (mode == Mode.SIMULATED && (realAnchor == null || eventAnchor == null)) {
      throw new IllegalArgumentException("a simulated clock needs both anchors");
    }
  }

  /** A simulated clock that shows eventTime at real time realNow. */
  public static EventClock simulated(Instant realNow, Instant eventTime, double speed, boolean paused) {
    return new EventClock(Mode.SIMULATED, realNow, eventTime, speed, paused);
  }

  /** The event's time at a real instant, to the millisecond. */
  public Instant at(Instant real) {
    if (mode == Mode.REAL) {
      return real;
    }
    if (paused) {
      return eventAnchor;
    }
    long elapsedMs = Duration.between(realAnchor, real).toMillis();
    return eventAnchor.plusMillis(Math.round(elapsedMs * speed));
  }

  public boolean simulated() {
    return mode == Mode.SIMULATED;
  }

  public JsonObject toJson() {
    JsonObject j = new JsonObject().put("mode", Spelling.of(mode));
    return mode == Mode.REAL ? j : j.put("realAnchor", realAnchor.toString()).put("eventAnchor", eventAnchor.toString())
        .put("speed", speed).put("paused", paused);
  }

  public static EventClock fromJson(JsonObject j) {
    if (j == null || !"simulated".equals(j.getString("mode"))) {
      return REAL;
    }
    return simulated(Instant.parse(j.getString("realAnchor")), Instant.parse(j.getString("eventAnchor")),
        j.getDouble("speed", 1.0), j.getBoolean("paused", false));
  }
}
