package podium.event;

import java.util.List;

/**
 * What one command did: one record per change kind, holding the new state of everything it touched.
 * ChangeCodec turns it into the JSON of the changes table and of the wire; Agenda.apply and the
 * store's table writes take its Touched entities; the audience comes from its kind.
 */
public sealed interface Change {

  ChangeKind kind();

  /** The new state of what it touched. */
  Touched touched();

  /** The least audience that sees it: its kind's, except for an undo (that of what it undid). */
  default Audience audience() {
    return kind().audience();
  }

  /** The role that may undo it (besides admin): its kind's, except for an undo (that of what it undid). */
  default Role undoRole() {
    return kind().role();
  }

  /** The screen this change is addressed to, which gets it in full; null for most. */
  default String screen() {
    return null;
  }

  <R> R accept(Visitor<R> visitor);

  /** One method per record: adding a change kind does not compile until every visitor handles it. */
  interface Visitor<R> {
    R sessionDelayed(SessionDelayed c);

    R sessionMoved(SessionMoved c);

    R sessionChanged(SessionChanged c);

    R onStage(OnStage c);

    R announcementPosted(AnnouncementPosted c);

    R announcementCleared(AnnouncementCleared c);

    R emergencyPosted(EmergencyPosted c);

    R emergencyCleared(EmergencyCleared c);

    R resultSet(ResultSet c);

    R eventUpdated(EventUpdated c);

    R roomChanged(RoomChanged c);

    R speakerChanged(SpeakerChanged c);

    R awardChanged(AwardChanged c);

    R undone(Undone c);

    R cueChanged(CueChanged c);

    R revealed(Revealed c);

    R screenAssigned(ScreenAssigned c);

    R screenSignal(ScreenSignal c);

    R clockSet(ClockSet c);
  }

  /** sessions: the session itself first, then any it pushed along. */
  record SessionDelayed(String session, List<Session> sessions, int minutes, boolean cascade) implements Change {
    public ChangeKind kind() {
      return ChangeKind.SESSION_DELAYED;
    }

    public Touched touched() {
      return Touched.sessions(sessions);
    }

    public <R> R accept(Visitor<R> v) {
      return v.sessionDelayed(this);
    }
  }

  record SessionMoved(String session, List<Session> sessions, String from, String to) implements Change {
    public ChangeKind kind() {
      return ChangeKind.SESSION_MOVED;
    }

    public Touched touched() {
      return Touched.sessions(sessions);
    }

    public <R> R accept(Visitor<R> v) {
      return v.sessionMoved(this);
    }
  }

  /** Cancelled, restored, started, ended, updated or added: the kind says which; nothing more to tell. */
  record SessionChanged(ChangeKind kind, String session, List<Session> sessions) implements Change {
    public SessionChanged {
      if (!List.of(ChangeKind.SESSION_CANCELLED, ChangeKind.SESSION_RESTORED, ChangeKind.SESSION_STARTED,
          ChangeKind.SESSION_ENDED, ChangeKind.SESSION_UPDATED, ChangeKind.SESSION_ADDED).contains(kind)) {
        throw new IllegalArgumentException(kind + " is not a plain session change");
      }
    }

    public Touched touched() {
      return Touched.sessions(sessions);
    }

    public <R> R accept(Visitor<R> v) {
      return v.sessionChanged(this);
    }
  }

  /** speaker and next: speaker ids or null; sessions holds the staged session. */
  record OnStage(String session, String speaker, String next, List<Session> sessions) implements Change {
    public ChangeKind kind() {
      return ChangeKind.SPEAKER_ON_STAGE;
    }

    public Touched touched() {
      return Touched.sessions(sessions);
    }

    public <R> R accept(Visitor<R> v) {
      return v.onStage(this);
    }
  }

  record AnnouncementPosted(Announcement announcement) implements Change {
    public ChangeKind kind() {
      return ChangeKind.ANNOUNCEMENT_POSTED;
    }

    public Touched touched() {
      return Touched.announcement(announcement);
    }

    public <R> R accept(Visitor<R> v) {
      return v.announcementPosted(this);
    }
  }

  record AnnouncementCleared(String announcement) implements Change {
    public ChangeKind kind() {
      return ChangeKind.ANNOUNCEMENT_CLEARED;
    }

    public Touched touched() {
      return Touched.cleared(announcement);
    }

    public <R> R accept(Visitor<R> v) {
      return v.announcementCleared(this);
    }
  }

  record EmergencyPosted(Notice notice) implements Change {
    public ChangeKind kind() {
      return ChangeKind.NOTICE_EMERGENCY;
    }

    public Touched touched() {
      return Touched.notice(notice);
    }

    public <R> R accept(Visitor<R> v) {
      return v.emergencyPosted(this);
    }
  }

  record EmergencyCleared() implements Change {
    public ChangeKind kind() {
      return ChangeKind.NOTICE_CLEARED;
    }

    public Touched touched() {
      return Touched.notice(null);
    }

    public <R> R accept(Visitor<R> v) {
      return v.emergencyCleared(this);
    }
  }

  /**
   * Embargoed results as the change log kept them before awards were carried whole (see
   * AwardChanged): read back from older databases, never made any more.
   */
  record ResultSet(String award, List<Award.Result> results) implements Change {
    public ChangeKind kind() {
      return ChangeKind.AWARD_RESULT_SET;
    }

    public Touched touched() {
      return Touched.results(results);
    }

    public <R> R accept(Visitor<R> v) {
      return v.resultSet(this);
    }
  }

  /** results: lowest place first; showAt: the reveal's moment in server ms, which screens play from. */
  record Revealed(String award, List<Award.Result> results, long showAt) implements Change {
    public ChangeKind kind() {
      return ChangeKind.AWARD_REVEALED;
    }

    public Touched touched() {
      return Touched.results(results);
    }

    public <R> R accept(Visitor<R> v) {
      return v.revealed(this);
    }
  }

  record ScreenAssigned(Screen assignment) implements Change {
    public ChangeKind kind() {
      return ChangeKind.SCREEN_ASSIGNED;
    }

    public Touched touched() {
      return Touched.screen(assignment);
    }

    public String screen() {
      return assignment.id();
    }

    public <R> R accept(Visitor<R> v) {
      return v.screenAssigned(this);
    }
  }

  /** Reload or identify: a signal to one screen that changes no state. name: for identify, else null. */
  record ScreenSignal(ChangeKind kind, String screen, Text name) implements Change {
    public ScreenSignal {
      if (kind != ChangeKind.SCREEN_RELOAD && kind != ChangeKind.SCREEN_IDENTIFY) {
        throw new IllegalArgumentException(kind + " is not a screen signal");
      }
    }

    public Touched touched() {
      return Touched.NOTHING;
    }

    public <R> R accept(Visitor<R> v) {
      return v.screenSignal(this);
    }
  }

  /** The event's clock was set; event: the event with its new clock. */
  record ClockSet(Event event) implements Change {
    public ChangeKind kind() {
      return ChangeKind.CLOCK_SET;
    }

    public Touched touched() {
      return Touched.event(event);
    }

    public <R> R accept(Visitor<R> v) {
      return v.clockSet(this);
    }
  }

  /** The event's own settings: title, venue, zone, days. */
  record EventUpdated(Event event) implements Change {
    public ChangeKind kind() {
      return ChangeKind.EVENT_UPDATED;
    }

    public Touched touched() {
      return Touched.event(event);
    }

    public <R> R accept(Visitor<R> v) {
      return v.eventUpdated(this);
    }
  }

  /** A room added or updated, or its stage changed (its message, a flash, a blackout, its projection). */
  record RoomChanged(ChangeKind kind, Room room) implements Change {
    public RoomChanged {
      if (kind != ChangeKind.ROOM_ADDED && kind != ChangeKind.ROOM_UPDATED && kind != ChangeKind.STAGE_MESSAGE
          && kind != ChangeKind.STAGE_FLASHED && kind != ChangeKind.STAGE_BLACKOUT
          && kind != ChangeKind.ROOM_RUNNING_LATE) {
        throw new IllegalArgumentException(kind + " is not a room change");
      }
    }

    public Touched touched() {
      return Touched.room(room);
    }

    public <R> R accept(Visitor<R> v) {
      return v.roomChanged(this);
    }
  }

  /** A speaker added or updated. */
  record SpeakerChanged(ChangeKind kind, Speaker speaker) implements Change {
    public SpeakerChanged {
      if (kind != ChangeKind.SPEAKER_ADDED && kind != ChangeKind.SPEAKER_UPDATED) {
        throw new IllegalArgumentException(kind + " is not a speaker change");
      }
    }

    public Touched touched() {
      return Touched.speaker(speaker);
    }

    public <R> R accept(Visitor<R> v) {
      return v.speakerChanged(this);
    }
  }

  /**
   * An award carried whole (added, renamed, its nominees or its embargoed results set, or a reveal
   * withdrawn: ranks names the ranks taken down). Each audience gets the award as it may see it.
   */
  record AwardChanged(ChangeKind kind, Award award, List<Integer> ranks) implements Change {
    public AwardChanged {
      if (!List.of(ChangeKind.AWARD_ADDED, ChangeKind.AWARD_UPDATED, ChangeKind.AWARD_RESULT_SET,
          ChangeKind.AWARD_WITHDRAWN).contains(kind)) {
        throw new IllegalArgumentException(kind + " is not a whole-award change");
      }
      ranks = List.copyOf(ranks);
    }

    public Touched touched() {
      return Touched.award(award);
    }

    public <R> R accept(Visitor<R> v) {
      return v.awardChanged(this);
    }
  }

  /**
   * An undo of the change at version undoes (of kind undid), as a new change: restored is what that
   * change touched, as it was before it. It is seen by whoever saw the change it undid.
   */
  record Undone(long undoes, ChangeKind undid, Audience seenBy, Touched restored) implements Change {
    public ChangeKind kind() {
      return ChangeKind.CHANGE_UNDONE;
    }

    public Audience audience() {
      return seenBy;
    }

    public Role undoRole() {
      return undid.role();
    }

    public Touched touched() {
      return restored;
    }

    public <R> R accept(Visitor<R> v) {
      return v.undone(this);
    }
  }

  /**
   * A cue saved (cue: the cue), removed (removed: its id), or fired (cue: the cue marked fired,
   * after the changes of its commands, which have versions of their own just before this one).
   */
  record CueChanged(ChangeKind kind, Cue cue, String removed) implements Change {
    public CueChanged {
      if (!List.of(ChangeKind.CUE_SAVED, ChangeKind.CUE_REMOVED, ChangeKind.CUE_FIRED).contains(kind)
          || (kind == ChangeKind.CUE_REMOVED) != (removed != null)) {
        throw new IllegalArgumentException(kind + " is not a cue change of that shape");
      }
    }

    public Touched touched() {
      return removed != null ? Touched.removedCue(removed) : Touched.cue(cue);
    }

    public <R> R accept(Visitor<R> v) {
      return v.cueChanged(this);
    }
  }
}
