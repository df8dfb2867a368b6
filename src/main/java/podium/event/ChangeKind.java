package podium.event;

/**
 * Every kind of change, with who may see it. The wire name is the constant's name in lower case,
 * its first '_' a '.': SPEAKER_ON_STAGE is "speaker.on_stage".
 */
public enum ChangeKind {
  SESSION_UPDATED, SESSION_DELAYED, SESSION_MOVED, SESSION_CANCELLED, SESSION_STARTED, SESSION_ENDED,
  SESSION_ADDED,
  SPEAKER_ON_STAGE,
  ANNOUNCEMENT_POSTED, ANNOUNCEMENT_CLEARED,
  NOTICE_EMERGENCY, NOTICE_CLEARED,
  /** Embargoed: an award result entered ahead of its reveal. */
  AWARD_RESULT_SET(Audience.EMBARGO),
  AWARD_REVEALED,
  SCREEN_ASSIGNED(Audience.STAFF), SCREEN_RELOAD(Audience.STAFF), SCREEN_IDENTIFY(Audience.STAFF),
  CLOCK_SET;

  private final Audience audience;
  private final String wire;

  ChangeKind() {
    this(Audience.PUBLIC);
  }

  ChangeKind(Audience audience) {
    this.audience = audience;
    this.wire = Spelling.of(this).replaceFirst("_", ".");
  }

  /** The least audience that sees it; any other gets a skip frame at its version. */
  public Audience audience() {
    return audience;
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
