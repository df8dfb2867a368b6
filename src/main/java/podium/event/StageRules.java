package podium.event;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What is said from the stage and on the ticker: announcements, who is speaking, emergencies. */
public final class StageRules {

  /** A command of this family. */
  public interface StageCommand extends Command { }

  /** Expires at expiresAt, or expiresInMinutes after posting, or never when both are null. */
  record PostAnnouncement(String announcement, Text text, Instant expiresAt, Integer expiresInMinutes)
      implements StageCommand { }

  record ClearAnnouncement(String announcement) implements StageCommand { }

  record OnStage(String session, String speaker, String next, boolean cuesNext) implements StageCommand { }

  record Emergency(Text text) implements StageCommand { }

  record ClearNotice() implements StageCommand { }

  private StageRules() {
  }

  static Command parse(String type, JsonObject body, ZoneId zone) {
    return switch (type) {
      case "announcement.post" -> {
        Fields f = new Fields(body, Set.of("announcement", "text", "expiresAt", "expiresInMinutes"));
        if (f.has("expiresAt") && f.has("expiresInMinutes")) {
          throw CommandRejected.invalidField("expiresInMinutes", "cannot come with expiresAt");
        }
        yield new PostAnnouncement(f.optionalId("announcement"), f.text("text", true),
            f.has("expiresAt") ? f.time("expiresAt", zone) : null,
            f.has("expiresInMinutes") ? f.integer("expiresInMinutes", 1, 1440) : null);
      }
      case "announcement.clear" -> new ClearAnnouncement(new Fields(body, Set.of("announcement")).id("announcement"));
      case "speaker.on_stage" -> {
        Fields f = new Fields(body, Set.of("session", "speaker", "next"));
        yield new OnStage(f.id("session"), f.optionalId("speaker"), f.optionalId("next"), f.mentions("next"));
      }
      case "notice.emergency" -> new Emergency(new Fields(body, Set.of("text")).text("text", true));
      case "notice.clear" -> {
        new Fields(body, Set.of());
        yield new ClearNotice();
      }
      default -> throw new CommandRejected("unknown_command", "no command '" + type + "'");
    };
  }

  static Change apply(Agenda agenda, StageCommand command, Instant now) {
    if (command instanceof PostAnnouncement c) {
      String id = c.announcement() != null ? c.announcement() : "a-" + UUID.randomUUID().toString().substring(0, 8);
      Instant expires = c.expiresInMinutes() != null ? now.plus(Duration.ofMinutes(c.expiresInMinutes()))
          : c.expiresAt();
      if (expires != null && !expires.isAfter(now)) {
        throw CommandRejected.invalidField("expiresAt", "is in the past");
      }
      Announcement a = new Announcement(id, c.text(), now, expires);
      return new Change("announcement.posted", Audience.PUBLIC, new JsonObject().put("announcement", id)
          .put("announcements", new JsonArray().add(a.toJson())));
    } else if (command instanceof ClearAnnouncement c) {
      if (agenda.announcements().stream().noneMatch(a -> a.id().equals(c.announcement()))) {
        throw CommandRejected.unknown("announcement", c.announcement());
      }
      return new Change("announcement.cleared", Audience.PUBLIC, new JsonObject().put("announcement", c.announcement())
          .put("clearedAnnouncements", new JsonArray().add(c.announcement())));
    } else if (command instanceof OnStage c) {
      return onStage(agenda, c);
    } else if (command instanceof Emergency c) {
      return new Change("notice.emergency", Audience.PUBLIC,
          new JsonObject().put("notice", new Notice(c.text(), now).toJson()));
    } else if (agenda.notice() == null) {
      throw CommandRejected.invalidState("there is no emergency notice to clear");
    }
    return new Change("notice.cleared", Audience.PUBLIC, new JsonObject().putNull("notice"));
  }

  private static Change onStage(Agenda agenda, OnStage c) {
    Session s = agenda.session(c.session()).orElseThrow(() -> CommandRejected.unknown("session", c.session()));
    if (!s.isOpen()) {
      throw CommandRejected.invalidState("'" + s.id() + "' is " + Session.wire(s.status()));
    }
    for (String id : new String[] {c.speaker(), c.next()}) {
      if (id != null) {
        agenda.speaker(id).orElseThrow(() -> CommandRejected.unknown("speaker", id));
      }
    }
    Session staged = s.withStage(c.speaker(), c.cuesNext() ? c.next() : s.upNext());
    return new Change("speaker.on_stage", Audience.PUBLIC, new JsonObject().put("session", s.id())
        .put("speaker", c.speaker()).put("next", staged.upNext())
        .put("sessions", new JsonArray(List.of(staged.toJson()))));
  }
}
