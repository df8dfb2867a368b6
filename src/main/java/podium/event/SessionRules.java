package podium.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What each session command does to the agenda. Pure: the same agenda and command give the same change. */
public final class SessionRules {

  private SessionRules() {
  }

  public static Change apply(Agenda agenda, Command command, Instant now) {
    if (command instanceof Command.Delay c) {
      return delay(agenda, c);
    } else if (command instanceof Command.Move c) {
      return move(agenda, c);
    } else if (command instanceof Command.Cancel c) {
      return cancel(agenda, c);
    } else if (command instanceof Command.Start c) {
      return start(agenda, c, now);
    } else if (command instanceof Command.End c) {
      return end(agenda, c, now);
    } else if (command instanceof Command.Update c) {
      return update(agenda, c);
    } else if (command instanceof Command.Add c) {
      return add(agenda, c);
    }
    throw new CommandRejected("unknown_command", "no session rule for " + command);
  }

  static Change delay(Agenda agenda, Command.Delay c) {
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
      touched.addAll(pushLater(agenda, s, delayed.end()));
    }
    for (Session t : touched) {
      requireSameDay(agenda, t);
    }
    return change("session.delayed", sessionData(c.session(), touched).put("minutes", c.minutes())
        .put("cascade", c.cascade()));
  }

  /**
   * The later open sessions in the same room that day move only as far as they must to start
   * after the one before them: free time absorbs a delay, a break keeps its length and is pushed.
   */
  private static List<Session> pushLater(Agenda agenda, Session delayed, Instant newEnd) {
    LocalDate day = localDay(agenda, delayed.start());
    List<Session> pushed = new ArrayList<>();
    Instant previousEnd = newEnd;
    for (Session later : agenda.sessions()) {
      boolean follows = later.room().equals(delayed.room()) && !later.id().equals(delayed.id())
          && later.status() == Session.Status.SCHEDULED && !later.start().isBefore(delayed.start())
          && localDay(agenda, later.start()).equals(day);
      if (!follows) {
        continue;
      }
      if (!later.start().isBefore(previousEnd)) {
        break;
      }
      Session moved = later.shifted(Duration.between(later.start(), previousEnd));
      pushed.add(moved);
      previousEnd = moved.end();
    }
    return pushed;
  }

  private static void requireSameDay(Agenda agenda, Session s) {
    LocalDate day = localDay(agenda, s.start());
    Instant dayEnd = day.plusDays(1).atStartOfDay(agenda.event().zone()).toInstant();
    if (s.end().isAfter(dayEnd) || !localDay(agenda, s.plannedStart()).equals(day)) {
      throw new CommandRejected("past_day_end",
          "'" + s.id() + "' would leave its day (" + day + " in " + agenda.event().zone() + ")");
    }
  }

  static Change move(Agenda agenda, Command.Move c) {
    Session s = open(agenda, c.session());
    agenda.room(c.room()).orElseThrow(() -> CommandRejected.unknown("room", c.room()));
    if (s.room().equals(c.room())) {
      throw CommandRejected.invalidState("'" + s.id() + "' is already in '" + c.room() + "'");
    }
    requireFree(agenda, s, c.room());
    return change("session.moved",
        sessionData(c.session(), List.of(s.inRoom(c.room()))).put("from", s.room()).put("to", c.room()));
  }

  static Change cancel(Agenda agenda, Command.Cancel c) {
    Session s = open(agenda, c.session());
    return change("session.cancelled",
        sessionData(c.session(), List.of(s.withStatus(Session.Status.CANCELLED, c.reason()))));
  }

  /** Starting a session ends whatever else is live in its room: one room, one live session. */
  static Change start(Agenda agenda, Command.Start c, Instant now) {
    Session s = existing(agenda, c.session());
    if (s.status() != Session.Status.SCHEDULED) {
      throw CommandRejected.invalidState("'" + s.id() + "' is " + Session.wire(s.status()) + ", not scheduled");
    }
    List<Session> touched = new ArrayList<>();
    for (Session other : agenda.sessions()) {
      if (other.room().equals(s.room()) && other.status() == Session.Status.LIVE) {
        Session ended = onItsDay(agenda, other, now) && now.isAfter(other.start()) ? other.at(other.start(), now) : other;
        touched.add(ended.withStatus(Session.Status.ENDED, other.reason()));
      }
    }
    Session started = onItsDay(agenda, s, now) ? s.at(now, now.plus(s.length())) : s;
    touched.add(0, started.withStatus(Session.Status.LIVE, s.reason()));
    return change("session.started", sessionData(c.session(), touched));
  }

  static Change end(Agenda agenda, Command.End c, Instant now) {
    Session s = existing(agenda, c.session());
    if (s.status() != Session.Status.LIVE) {
      throw CommandRejected.invalidState("'" + s.id() + "' is " + Session.wire(s.status()) + ", not live");
    }
    Session ended = onItsDay(agenda, s, now) && now.isAfter(s.start()) ? s.at(s.start(), now) : s;
    return change("session.ended", sessionData(c.session(), List.of(ended.withStatus(Session.Status.ENDED, s.reason()))));
  }

  static Change update(Agenda agenda, Command.Update c) {
    Session s = existing(agenda, c.session());
    List<String> speakers = c.speakers() == null ? s.speakers() : knownSpeakers(agenda, c.speakers());
    Session updated = s.withContent(c.kind() == null ? s.type() : c.kind(), c.title() == null ? s.title() : c.title(),
        c.description() == null ? s.description() : c.description(), speakers);
    if (c.start() != null || c.end() != null) {
      updated = updated.at(c.start() == null ? s.start() : c.start(), c.end() == null ? s.end() : c.end());
      requireOrder(updated.start(), updated.end());
      requireSameDay(agenda, updated);
      if (updated.isOpen()) {
        requireFree(agenda, updated, updated.room());
      }
    }
    if (updated.equals(s)) {
      throw CommandRejected.invalidState("the update changes nothing in '" + s.id() + "'");
    }
    return change("session.updated", sessionData(c.session(), List.of(updated)));
  }

  static Change add(Agenda agenda, Command.Add c) {
    if (agenda.session(c.session()).isPresent()) {
      throw new CommandRejected("duplicate_id", "a session '" + c.session() + "' exists already");
    }
    agenda.room(c.room()).orElseThrow(() -> CommandRejected.unknown("room", c.room()));
    requireOrder(c.start(), c.end());
    Session s = new Session(c.session(), c.kind(), c.room(), c.room(), c.title(), c.description(), c.start(), c.end(),
        c.start(), c.end(), Session.Status.SCHEDULED, knownSpeakers(agenda, c.speakers()), Text.EMPTY, null, null);
    requireSameDay(agenda, s);
    requireFree(agenda, s, s.room());
    return change("session.added", sessionData(c.session(), List.of(s)));
  }

  /** Brought forward, a session must not land on one before it; overlap with later ones only shrinks. */
  private static void requireEarlierFree(Agenda agenda, Session before, Session after) {
    for (Session other : agenda.sessions()) {
      if (!other.id().equals(before.id()) && other.room().equals(before.room()) && other.isOpen()
          && other.start().isBefore(before.start()) && after.start().isBefore(other.end())) {
        throw new CommandRejected("room_busy", "'" + before.room() + "' holds '" + other.id() + "' then");
      }
    }
  }

  /** Moving a session must not put it on top of another in that room. */
  private static void requireFree(Agenda agenda, Session s, String room) {
    for (Session other : agenda.sessions()) {
      if (!other.id().equals(s.id()) && other.room().equals(room) && other.isOpen()
          && other.start().isBefore(s.end()) && s.start().isBefore(other.end())) {
        throw new CommandRejected("room_busy", "'" + room + "' holds '" + other.id() + "' at that time");
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
      agenda.speaker(id).orElseThrow(() -> CommandRejected.unknown("speaker", id));
    }
    return ids;
  }

  private static Session existing(Agenda agenda, String id) {
    return agenda.session(id).orElseThrow(() -> CommandRejected.unknown("session", id));
  }

  private static Session open(Agenda agenda, String id) {
    Session s = existing(agenda, id);
    if (!s.isOpen()) {
      throw CommandRejected.invalidState("'" + id + "' is " + Session.wire(s.status()));
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

  private static JsonObject sessionData(String id, List<Session> touched) {
    return new JsonObject().put("session", id)
        .put("sessions", new JsonArray(touched.stream().map(Session::toJson).toList()));
  }

  private static Change change(String kind, JsonObject data) {
    return new Change(kind, Audience.PUBLIC, data);
  }
}
