package podium.event;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** What each session command does to the agenda. Pure: the same agenda and command give the same change. */
public final class SessionRules {

  private SessionRules() {
  }

  static Change delay(Agenda agenda, Command.Delay c, Facts facts) {
    Session s = open(agenda, c.session());
    Duration by = Duration.ofMinutes(c.minutes());
    // A live session that runs over keeps its start: only its end moves.
    Session delayed = s.status() == Session.Status.LIVE ? s.at(s.start(), s.end().plus(by)) : s.shifted(by);
    if (!delayed.end().isAfter(delayed.start())) {
      throw CommandRejected.invalidField("minutes", "would leave the session with no time");
    }
    if (c.minutes() < 0) {
      requireEarlierFree(agenda, s, delayed);
    }
    List<Session> touched = new ArrayList<>(List.of(delayed));
    if (c.cascade() && c.minutes() > 0) {
      touched.addAll(Cascade.moved(Cascade.after(agenda, s), delayed.end()));
    }
    for (Session t : touched) {
      requireSameDay(agenda, t);
    }
    return new Change.SessionDelayed(c.session(), touched, c.minutes(), c.cascade());
  }

  private static void requireSameDay(Agenda agenda, Session s) {
    LocalDate day = localDay(agenda, s.start());
    Instant dayEnd = day.plusDays(1).atStartOfDay(agenda.event().zone()).toInstant();
    if (s.end().isAfter(dayEnd) || !localDay(agenda, s.plannedStart()).equals(day)) {
      throw new CommandRejected(ErrorCode.PAST_DAY_END,
          "'" + s.id() + "' would leave its day (" + day + " in " + agenda.event().zone() + ")");
    }
  }

  static Change move(Agenda agenda, Command.Move c, Facts facts) {
    Session s = open(agenda, c.session());
    agenda.room(c.room()).orElseThrow(() -> CommandRejected.unknown(ErrorCode.UNKNOWN_ROOM, c.room()));
    if (s.room().equals(c.room())) {
      throw CommandRejected.invalidState("'" + s.id() + "' is already in '" + c.room() + "'");
    }
    requireFree(agenda, s, c.room());
    return new Change.SessionMoved(c.session(), List.of(s.inRoom(c.room())), s.room(), c.room());
  }

  static Change cancel(Agenda agenda, Command.Cancel c, Facts facts) {
    Session s = open(agenda, c.session());
    return sessions(ChangeKind.SESSION_CANCELLED, c.session(), List.of(s.withStatus(Session.Status.CANCELLED, c.reason())));
  }

  /** A cancelled session comes back as scheduled, in its room and at its time, if both are still free. */
  static Change restore(Agenda agenda, Command.Restore c, Facts facts) {
    Session s = existing(agenda, c.session());
    if (s.status() != Session.Status.CANCELLED) {
      throw CommandRejected.invalidState("'" + s.id() + "' is " + Spelling.of(s.status()) + ", not cancelled");
    }
    Session back = s.withStatus(Session.Status.SCHEDULED, Text.EMPTY);
    requireFree(agenda, back, back.room());
    return sessions(ChangeKind.SESSION_RESTORED, c.session(), List.of(back));
  }

  /** Starting a session ends whatever else is live in its room: one room, one live session. */
  static Change start(Agenda agenda, Command.Start c, Facts facts) {
    Instant now = facts.now();
    Session s = existing(agenda, c.session());
    if (s.status() != Session.Status.SCHEDULED) {
      throw CommandRejected.invalidState("'" + s.id() + "' is " + Spelling.of(s.status()) + ", not scheduled");
    }
    List<Session> touched = new ArrayList<>();
    for (Session other : agenda.sessions()) {
      if (other.room().equals(s.room()) && other.status() == Session.Status.LIVE) {
        Session ended = onItsDay(agenda, other, now) && now.isAfter(other.start()) ? other.at(other.start(), now) : other;
        touched.add(ended.withStatus(Session.Status.ENDED, other.reason()));
      }
    }
    // A break started late still ends on time, down to its shortest, as the cascade would leave it.
    Session started = !onItsDay(agenda, s, now) ? s
        : s.type() == Session.Type.BREAK && now.isAfter(s.start()) ? Cascade.place(s, now) : s.at(now, now.plus(s.length()));
    touched.add(0, started.withStatus(Session.Status.LIVE, s.reason()));
    return sessions(ChangeKind.SESSION_STARTED, c.session(), touched);
  }

  static Change end(Agenda agenda, Command.End c, Facts facts) {
    Instant now = facts.now();
    Session s = existing(agenda, c.session());
    if (s.status() != Session.Status.LIVE) {
      throw CommandRejected.invalidState("'" + s.id() + "' is " + Spelling.of(s.status()) + ", not live");
    }
    Session ended = onItsDay(agenda, s, now) && now.isAfter(s.start()) ? s.at(s.start(), now) : s;
    return sessions(ChangeKind.SESSION_ENDED, c.session(), List.of(ended.withStatus(Session.Status.ENDED, s.reason())));
  }

  static Change update(Agenda agenda, Command.Update c, Facts facts) {
    ZoneId zone = agenda.event().zone();
    Session s = existing(agenda, c.session());
    List<String> speakers = c.speakers() == null ? s.speakers() : knownSpeakers(agenda, c.speakers());
    Session updated = s.withContent(c.kind() == null ? s.type() : c.kind(), c.title() == null ? s.title() : c.title(),
        c.description() == null ? s.description() : c.description(), speakers);
    if (c.start() != null || c.end() != null) {
      updated = updated.at(c.start() == null ? s.start() : c.start().in(zone), c.end() == null ? s.end() : c.end().in(zone));
      requireOrder(updated.start(), updated.end());
      requireSameDay(agenda, updated);
      if (updated.isOpen()) {
        requireFree(agenda, updated, updated.room());
      }
    }
    if (updated.equals(s)) {
      throw CommandRejected.invalidState("the update changes nothing in '" + s.id() + "'");
    }
    return sessions(ChangeKind.SESSION_UPDATED, c.session(), List.of(updated));
  }

  static Change add(Agenda agenda, Command.Add c, Facts facts) {
    if (agenda.session(c.session()).isPresent()) {
      throw new CommandRejected(ErrorCode.DUPLICATE_ID, "a session '" + c.session() + "' exists already");
    }
    agenda.room(c.room()).orElseThrow(() -> CommandRejected.unknown(ErrorCode.UNKNOWN_ROOM, c.room()));
    Instant start = c.start().in(agenda.event().zone());
    Instant end = c.end().in(agenda.event().zone());
    requireOrder(start, end);
    Session s = new Session(c.session(), c.kind(), c.room(), c.room(), c.title(), c.description(), start, end,
        start, end, Session.Status.SCHEDULED, knownSpeakers(agenda, c.speakers()), Text.EMPTY, null, null);
    requireSameDay(agenda, s);
    requireFree(agenda, s, s.room());
    return sessions(ChangeKind.SESSION_ADDED, c.session(), List.of(s));
  }

  /** Brought forward, a session must not land on one before it; overlap with later ones only shrinks. */
  private static void requireEarlierFree(Agenda agenda, Session before, Session after) {
    for (Session other : agenda.sessions()) {
      if (!other.id().equals(before.id()) && other.room().equals(before.room()) && other.isOpen()
          && other.start().isBefore(before.start()) && after.start().isBefore(other.end())) {
        throw new CommandRejected(ErrorCode.ROOM_BUSY, "'" + before.room() + "' holds '" + other.id() + "' then");
      }
    }
  }

  /** Moving a session must not put it on top of another in that room. */
  private static void requireFree(Agenda agenda, Session s, String room) {
    for (Session other : agenda.sessions()) {
      if (!other.id().equals(s.id()) && other.room().equals(room) && other.isOpen()
          && other.start().isBefore(s.end()) && s.start().isBefore(other.end())) {
        throw new CommandRejected(ErrorCode.ROOM_BUSY, "'" + room + "' holds '" + other.id() + "' at that time");
      }
    }
  }

  private static void requireOrder(Instant start, Instant end) {
    if (!end.isAfter(start)) {
      throw CommandRejected.invalidField("end", "must be after start");
    }
    if (Duration.between(start, end).toHours() >= 24) {
      throw CommandRejected.invalidField("end", "must be less than 24 hours after start");
    }
  }

  private static List<String> knownSpeakers(Agenda agenda, List<String> ids) {
    for (String id : ids) {
      agenda.speaker(id).orElseThrow(() -> CommandRejected.unknown(ErrorCode.UNKNOWN_SPEAKER, id));
    }
    return ids;
  }

  private static Session existing(Agenda agenda, String id) {
    return agenda.session(id).orElseThrow(() -> CommandRejected.unknown(ErrorCode.UNKNOWN_SESSION, id));
  }

  private static Session open(Agenda agenda, String id) {
    Session s = existing(agenda, id);
    if (!s.isOpen()) {
      throw CommandRejected.invalidState("'" + id + "' is " + Spelling.of(s.status()));
    }
    return s;
  }

  /**
   * Start and end record the real time only on the session's own day; on a rehearsal or the demo
   * event (dated 2023) they change the status and keep the scheduled times.
   */
  private static boolean onItsDay(Agenda agenda, Session s, Instant now) {
    return localDay(agenda, now).equals(localDay(agenda, s.plannedStart()));
  }

  private static LocalDate localDay(Agenda agenda, Instant at) {
    return at.atZone(agenda.event().zone()).toLocalDate();
  }

  private static Change sessions(ChangeKind kind, String session, List<Session> touched) {
    return new Change.SessionChanged(kind, session, touched);
  }
}
