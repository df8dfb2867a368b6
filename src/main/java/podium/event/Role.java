package podium.event;

/**
 * What a staff member may do. Every command names one role in the Catalogue; admin may do all.
 * Only admin and awards ever see an embargoed award result.
 */
public enum Role {
  ADMIN, EDITOR, ANNOUNCER, AWARDS, SCREENS;

  public boolean may(Role needed) {
    return this == ADMIN || this == needed;
  }

  public boolean seesEmbargoed() {
    return Permission.SEE_EMBARGOED.grantedTo(this);
  }

  public String wire() {
    return Spelling.of(this);
  }

  /** The role spelled so, or null. */
  public static Role parse(String wire) {
    return Spelling.parse(Role.class, wire);
  }
}
