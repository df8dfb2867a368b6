package podium.event;

import java.util.List;

/**
 * A staff command, parsed and checked field by field before any lock is taken (see Catalogue);
 * its rule then checks it against the agenda. One record per command type.
 */
public sealed interface Command {

  /** The longest delay staff may enter at once, either way: twelve hours. */
  int MAX_DELAY_MINUTES = 720;

  /**
   * What the store must look up for its rule (Facts): the screen waiting with a pairing code, or a
   * change of the log to undo; null for neither.
   */
  record Needs(String screenCode, Long change) {
    static final Needs NOTHING = new Needs(null, null);
  }

  default Needs needs() {
    return Needs.NOTHING;
  }

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

  /** Reveals one rank, or (rank null) every unrevealed rank of the award. */
  record Reveal(String award, Integer rank) implements Command { }

  /** Staff typed the code a new screen shows; the store finds which screen that is. */
  record Pair(String code, String room, Screen.Layout layout, Text name, Screen.Lang lang) implements Command {
    @Override
    public Needs needs() {
      return new Needs(code, null);
    }
  }

  record Assign(String screen, String room, Screen.Layout layout, Text name, Screen.Lang lang) implements Command { }

  record Reload(String screen) implements Command { }

  record Identify(String screen) implements Command { }

  /** Any field null: keep it as it is (mode, the clock's current time, speed, paused). */
  record SetClock(EventClock.Mode mode, Moment at, Double speed, Boolean paused) implements Command { }

  record Restore(String session) implements Command { }

  /** Any field null: keep it. */
  record UpdateEvent(Text title, Text venue, java.time.ZoneId zone, List<java.time.LocalDate> days) implements Command { }

  record AddRoom(String room, Text name, String kind) implements Command { }

  /** Any field null: keep it. */
  record UpdateRoom(String room, Text name, String kind, Integer position) implements Command { }

  record AddSpeaker(String speaker, Text name, Text title, Text affiliation) implements Command { }

  /** Any field null: keep it. */
  record UpdateSpeaker(String speaker, Text name, Text title, Text affiliation) implements Command { }

  record AddAward(String award, String session, Text name) implements Command { }

  /** Any field null: keep it. */
  record UpdateAward(String award, String session, Text name) implements Command { }

  /** Adds the nominee, or renames it. */
  record SetNominee(String award, String nominee, Text name) implements Command { }

  /** One nominee's place; two nominees at one rank are a tie. */
  record Placing(int rank, String nominee) { }

  /** The whole list of an award's results, embargoed until revealed. */
  record SetResults(String award, List<Placing> results) implements Command { }

  /** Takes a reveal back: one rank, or (rank null) every revealed rank of the award. */
  record Unreveal(String award, Integer rank) implements Command { }

  /** Undoes the change at that version, as a new change. */
  /** The crew's message to a room's speaker; an empty text clears it. */
  record StageMessage(String room, Text text) implements Command { }

  record Flash(String room) implements Command { }

  record Blackout(String room, boolean on) implements Command { }

  /** session null: the event's phases, which every session without its own takes. */
  record SetTimer(String session, TimerPhases phases) implements Command { }

  /** Publishes a room's running-late projection as it stands now on the event clock. */
  record Project(String room) implements Command { }

  /** Leaves a session out of its room's projection (staff know better, or will delay it themselves). */
  record Dismiss(String session) implements Command { }

  record Undo(long version) implements Command {
    @Override
    public Needs needs() {
      return new Needs(null, version);
    }
  }

  /** A cue, whole: commands are command bodies, run in order when it fires; at or after (+ minutes) schedule it. */
  record SaveCue(String cue, Text name, Integer position, List<io.vertx.core.json.JsonObject> commands, Moment at,
      String after, int afterMinutes) implements Command { }

  record RemoveCue(String cue) implements Command { }

  record FireCue(String cue) implements Command { }

  /**
   * A followed schedule's new release, already read into an agenda with this event's ids: the
   * marks the source last set and the sessions it owns (SourcePlan). Sent by the hub, never parsed.
   */
  record Follow(Agenda source, java.util.Map<String, SourceMark> marks, java.util.Set<String> owned)
      implements Command { }
}
