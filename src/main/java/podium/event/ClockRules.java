package podium.event;

import java.time.Instant;

/** Setting the event's clock: back to real time, or a simulated one that jumps, runs faster or pauses. */
final class ClockRules {

  private ClockRules() {
  }

  static Change set(Agenda agenda, Command.SetClock c, Facts facts) {
    Event event = agenda.event();
    EventClock current = event.clock();
    EventClock.Mode mode = c.mode() != null ? c.mode() : current.mode();
    EventClock next;
    if (mode == EventClock.Mode.REAL) {
      if (c.at() != null || c.speed() != null || c.paused() != null) {
        throw CommandRejected.invalidField("mode", "a real clock takes no 'at', 'speed' or 'paused'");
      }
      next = EventClock.REAL;
    } else {
      // It runs on from where it shows now (facts.now), unless told to jump.
      Instant at = c.at() != null ? c.at().in(event.zone()) : facts.now();
      next = EventClock.simulated(facts.real(), at, c.speed() != null ? c.speed() : current.speed(),
          c.paused() != null ? c.paused() : current.simulated() && current.paused());
    }
    if (next.equals(current) || (mode == EventClock.Mode.REAL && !current.simulated())) {
      throw CommandRejected.invalidState("the clock is set so already");
    }
    return new Change.ClockSet(event.withClock(next));
  }
}
