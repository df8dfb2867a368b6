package podium.event;

/**
 * Every kind of change, with who may see it and which role may undo it. The wire name is the
 * constant's name in lower case, its first '_' a '.': SPEAKER_ON_STAGE is "speaker.on_stage".
 */
public enum ChangeKind {
  SESSION_UPDATED(Role.EDITOR), SESSION_DELAYED(Role.EDITOR), SESSION_MOVED(Role.EDITOR),
  SESSION_CANCELLED(Role.EDITOR), SESSION_RESTORED(Role.EDITOR), SESSION_STARTED(Role.EDITOR),
  SESSION_ENDED(Role.EDITOR), SESSION_ADDED(Role.EDITOR),
  SPEAKER_ON_STAGE(Role.ANNOUNCER),
  ANNOUNCEMENT_POSTED(Role.ANNOUNCER), ANNOUNCEMENT_CLEARED(Role.ANNOUNCER),
  NOTICE_EMERGENCY(Role.ANNOUNCER), NOTICE_CLEARED(Role.ANNOUNCER),
  EVENT_UPDATED(Role.ADMIN), CLOCK_SET(Role.ADMIN),
  ROOM_ADDED(Role.EDITOR), ROOM_UPDATED(Role.EDITOR), SPEAKER_ADDED(Role.EDITOR), SPEAKER_UPDATED(Role.EDITOR),
  /** A room's stage: the crew's message to the speaker, a flash, a blackout of its timers. */
  STAGE_MESSAGE(Role.ANNOUNCER), STAGE_FLASHED(Role.ANNOUNCER), STAGE_BLACKOUT(Role.ANNOUNCER),
  /** A room's running-late projection moved by a whole minute (published by the hub's stage clock). */
  ROOM_RUNNING_LATE(Role.EDITOR),
  AWARD_ADDED(Role.AWARDS), AWARD_UPDATED(Role.AWARDS),
  /** Embargoed: award results entered ahead of their reveal. */
  AWARD_RESULT_SET(Audience.EMBARGO, Role.AWARDS),
  AWARD_REVEALED(Role.AWARDS), AWARD_WITHDRAWN(Role.AWARDS),
  SCREEN_ASSIGNED(Audience.STAFF, Role.SCREENS), SCREEN_RELOAD(Audience.STAFF, Role.SCREENS),
  SCREEN_IDENTIFY(Audience.STAFF, Role.SCREENS),
  /** Cue lists: staff only. A fired cue is marked fired after the changes its commands made. */
  CUE_SAVED(Audience.STAFF, Role.ADMIN), CUE_REMOVED(Audience.STAFF, Role.ADMIN), CUE_FIRED(Audience.STAFF, Role.ADMIN),
  /** An undo: its audience and role are those of the change it undid (see Change.Undone). */
  CHANGE_UNDONE(Role.ADMIN);

  private final Audience audience;
  private final Role role;
  private final String wire;

  ChangeKind(Role role) {
    this(Audience.PUBLIC, role);
  }

  ChangeKind(Audience audience, Role role) {
    this.audience = audience;
    this.role = role;
    this.wire = Spelling.of(this).replaceFirst("_", ".");
  }

  /** The least audience that sees it; any other gets a skip frame at its version. */
  public Audience audience() {
    return audience;
  }

  /** The role that may undo it (admin may undo anything). */
  public Role role() {
    return role;
  }

  public String wire() {
    return wire;
  }

  public static ChangeKind parse(String wire) {
    for (ChangeKind k : values()) {
      if (k.wire.equals(wire)) {
        return k;
      }
    }
    throw new IllegalArgumentException("no change kind '" + wire + "'");
  }
}
