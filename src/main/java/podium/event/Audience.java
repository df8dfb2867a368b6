package podium.event;

/** Who may see a change or a snapshot. Staff see everything the public sees, and more. */
public enum Audience {
  PUBLIC, STAFF;

  public String wire() {
    return Spelling.of(this);
  }

  public boolean sees(Audience of) {
    return this == STAFF || of == PUBLIC;
  }
}
