package podium.event;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** What is said from the stage and on the ticker: announcements, who is speaking, emergencies. */
final class StageRules {

  private StageRules() {
  }

  static Change post(Agenda agenda, Command.PostAnnouncement c, Facts facts) {
    Instant now = facts.now();
    String id = c.announcement() != null ? c.announcement() : "a-" + facts.newId();
    Instant expires = c.expiresInMinutes() != null ? now.plus(Duration.ofMinutes(c.expiresInMinutes()))
        : c.expiresAt() == null ? null : c.expiresAt().in(agenda.event().zone());
    if (expires != null && !expires.isAfter(now)) {
      throw CommandRejected.invalidField("expiresAt", "is in the past");
    }
    return new Change.AnnouncementPosted(new Announcement(id, c.text(), now, expires));
  }

  static Change clear(Agenda agenda, Command.ClearAnnouncement c, Facts facts) {
    if (agenda.announcements().stream().noneMatch(a -> a.id().equals(c.announcement()))) {
      throw CommandRejected.unknown(ErrorCode.UNKNOWN_ANNOUNCEMENT, c.announcement());
    }
    return new Change.AnnouncementCleared(c.announcement());
  }

  static Change onStage(Agenda agenda, Command.OnStage c, Facts facts) {
    Session s = agenda.session(c.session())
        .orElseThrow(() -> CommandRejected.unknown(ErrorCode.UNKNOWN_SESSION, c.session()));
    if (!s.isOpen()) {
      throw CommandRejected.invalidState("'" + s.id() + "' is " + Spelling.of(s.status()));
    }
    for (String id : new String[] {c.speaker(), c.next()}) {
      if (id != null) {
        agenda.speaker(id).orElseThrow(() -> CommandRejected.unknown(ErrorCode.UNKNOWN_SPEAKER, id));
      }
    }
    Session staged = s.withStage(c.speaker(), c.cuesNext() ? c.next() : s.upNext());
    return new Change.OnStage(s.id(), c.speaker(), staged.upNext(), List.of(staged));
  }

  static Change emergency(Agenda agenda, Command.Emergency c, Facts facts) {
    return new Change.EmergencyPosted(new Notice(c.text(), facts.now()));
  }

  static Change clearNotice(Agenda agenda, Command.ClearNotice c, Facts facts) {
    if (agenda.notice() == null) {
      throw CommandRejected.invalidState("there is no emergency notice to clear");
    }
    return new Change.EmergencyCleared();
  }
}
