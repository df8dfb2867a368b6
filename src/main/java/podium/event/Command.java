package podium.event;

import java.util.List;

/**
 * A staff command, parsed and checked field by field before any lock is taken (see Catalogue);
 * its rule then checks it against the agenda. One record per command type.
 */
public sealed interface Command {

  /** The longest delay staff may enter at once, either way: twelve hours. */
  int MAX_DELAY_MINUTES = 720;

  record Delay(String session, int minutes, boolean cascade) implements Command { }

  record Move(String session, String room) implements Command { }

  record Cancel(String session, Text reason) implements Command { }

  record Start(String session) implements Command { }

  record End(String session) implements Command { }

  /** Every field but the session is optional; null means "leave as it is". */
  record Update(String session, Session.Type kind, Text title, Text description, List<String> speakers,
      Moment start, Moment end) implements Command { }

  record Add(String session, Session.Type kind, String room, Text title, Text description, List<String> speakers,
      Moment start, Moment end) implements Command { }

  /** Expires at expiresAt, or expiresInMinutes after posting, or never when both are null. */
  record PostAnnouncement(String announcement, Text text, Moment expiresAt, Integer expiresInMinutes)
      implements Command { }

  record ClearAnnouncement(String announcement) implements Command { }

  /** speaker null: nobody; cuesNext: the body named "next", even as null, so the cue changes. */
  record OnStage(String session, String speaker, String next, boolean cuesNext) implements Command { }

  record Emergency(Text text) implements Command { }

  record ClearNotice() implements Command { }

  record SetResult(String award, int rank, String nominee) implements Command { }

  /** Reveals one rank, or (rank null) every unrevealed rank of the award. */
  record Reveal(String award, Integer rank) implements Command { }

  /** Staff typed the code a new screen shows; the store finds which screen that is. */
  record Pair(String code, String room, Screen.Layout layout, Text name, Screen.Lang lang) implements Command { }

  record Assign(String screen, String room, Screen.Layout layout, Text name, Screen.Lang lang) implements Command { }

  record Reload(String screen) implements Command { }

  record Identify(String screen) implements Command { }

  /** Any field null: keep it as it is (mode, the clock's current time, speed, paused). */
  record SetClock(EventClock.Mode mode, Moment at, Double speed, Boolean paused) implements Command { }
}
