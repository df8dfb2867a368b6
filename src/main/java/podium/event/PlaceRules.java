package podium.event;

/** The event's own settings, its rooms and its speakers. */
final class PlaceRules {

  private PlaceRules() {
  }

  /** Every session must stay on one of the event's days, read in its zone. */
  static Change updateEvent(Agenda agenda, Command.UpdateEvent c, Facts facts) {
    Event e = agenda.event();
    Event next = new Event(e.slug(), c.title() != null ? c.title() : e.title(), c.venue() != null ? c.venue() : e.venue(),
        c.zone() != null ? c.zone() : e.zone(), c.days() != null ? c.days() : e.days(), e.clock(), e.rehearsalOf(),
        e.timer());
    for (Session s : agenda.sessions()) {
      java.time.LocalDate day = s.start().atZone(next.zone()).toLocalDate();
      if (!next.days().contains(day)) {
        throw new CommandRejected(ErrorCode.PAST_DAY_END, "'" + s.id() + "' is on " + day + " in " + next.zone()
            + ", which would not be one of the event's days");
      }
    }
    if (next.equals(e)) {
      throw CommandRejected.invalidState("the update changes nothing");
    }
    return new Change.EventUpdated(next);
  }

  static Change addRoom(Agenda agenda, Command.AddRoom c, Facts facts) {
    if (agenda.room(c.room()).isPresent()) {
      throw new CommandRejected(ErrorCode.DUPLICATE_ID, "a room '" + c.room() + "' exists already");
    }
    int last = agenda.rooms().stream().mapToInt(Room::position).max().orElse(-1);
    return new Change.RoomChanged(ChangeKind.ROOM_ADDED, new Room(c.room(), c.name(), c.kind(), last + 1));
  }

  static Change updateRoom(Agenda agenda, Command.UpdateRoom c, Facts facts) {
    Room r = agenda.room(c.room()).orElseThrow(() -> CommandRejected.unknown(ErrorCode.UNKNOWN_ROOM, c.room()));
    Room next = new Room(r.id(), c.name() != null ? c.name() : r.name(), c.kind() != null ? c.kind() : r.kind(),
        c.position() != null ? c.position() : r.position(), r.stage());
    if (next.equals(r)) {
      throw CommandRejected.invalidState("the update changes nothing in '" + r.id() + "'");
    }
    return new Change.RoomChanged(ChangeKind.ROOM_UPDATED, next);
  }

  static Change addSpeaker(Agenda agenda, Command.AddSpeaker c, Facts facts) {
    if (agenda.speaker(c.speaker()).isPresent()) {
      throw new CommandRejected(ErrorCode.DUPLICATE_ID, "a speaker '" + c.speaker() + "' exists already");
    }
    return new Change.SpeakerChanged(ChangeKind.SPEAKER_ADDED, new Speaker(c.speaker(), c.name(), c.title(),
        c.affiliation()));
  }

  static Change updateSpeaker(Agenda agenda, Command.UpdateSpeaker c, Facts facts) {
    Speaker s = agenda.speaker(c.speaker())
        .orElseThrow(() -> CommandRejected.unknown(ErrorCode.UNKNOWN_SPEAKER, c.speaker()));
    Speaker next = new Speaker(s.id(), c.name() != null ? c.name() : s.name(), c.title() != null ? c.title() : s.title(),
        c.affiliation() != null ? c.affiliation() : s.affiliation());
    if (next.equals(s)) {
      throw CommandRejected.invalidState("the update changes nothing in '" + s.id() + "'");
    }
    return new Change.SpeakerChanged(ChangeKind.SPEAKER_UPDATED, next);
  }
}
