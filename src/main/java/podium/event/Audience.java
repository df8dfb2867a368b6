package podium.event;

/**
 * Who may see a change or a snapshot: the public; staff; and, besides, the staff who may see
 * embargoed award results (admin and awards). Each sees everything the one before it sees.
 */
public enum Audience {
  PUBLIC, STAFF, EMBARGO;

  public String wire() {
    return Spelling.of(this);
  }

  public boolean sees(Audience of) {
    return ordinal() >= of.ordinal();
  }

  /** The audience of a staff member or token with that role. */
  public static Audience of(Role role) {
    return role.seesEmbargoed() ? EMBARGO : STAFF;
  }
}
