package podium.outbound;

import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import podium.event.Agenda;
import podium.event.Room;
import podium.event.RunningLate;
import podium.event.Session;

/**
 * What a phone is told of one starred session, in its language: the session's title and what
 * happened, its time (the projected one when its room runs late) and room, where to open it, and
 * how urgent and how long-lived the push is. Public agenda only: nothing embargoed is ever in it.
 */
record PushNotice(String reason, String title, String body, Instant start, String url, String tag) {

  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

  /** Null when the session is gone from the agenda (it cannot be told of). */
  static PushNotice of(Agenda agenda, String slug, String sessionId, String reason, String lang) {
    Session s = agenda.session(sessionId).orElse(null);
    if (s == null) {
      return null;
    }
    boolean zh = "zh".equals(lang);
    Room room = agenda.room(s.room()).orElse(null);
    String roomName = room == null ? s.room() : room.name().in(lang);
    Instant start = expectedStart(room, s);
    String at = HOURS.format(start.atZone(agenda.event().zone()));
    String name = s.title().in(lang);
    String title = switch (reason) {
      case "delayed" -> zh ? name + " 时间调整" : name + " is delayed";
      case "moved" -> zh ? name + " 换到 " + roomName : name + " moved to " + roomName;
      case "cancelled" -> zh ? name + " 已取消" : name + " is cancelled";
      case "restored" -> zh ? name + " 恢复举行" : name + " is back on";
      default -> zh ? name + " 即将开始" : name + " starts soon";
    };
    String body = "cancelled".equals(reason) ? s.reason().in(lang)
        : zh ? at + " · " + roomName : at + " · " + roomName;
    return new PushNotice(reason, title, body, start, "/?event=" + slug + "#agenda/" + s.id(),
        "podium:" + slug + ":" + s.id());
  }

  /** Its own start, or the one its room's running-late projection expects. */
  private static Instant expectedStart(Room room, Session s) {
    if (room != null) {
      for (RunningLate.Expected e : room.stage().expected()) {
        if (e.session().equals(s.id())) {
          return e.start();
        }
      }
    }
    return s.start();
  }

  /** Urgent when the phone's owner must act now: a room change, a cancellation, a session about to start. */
  PushOptions options(long eventId, String session, Instant now) {
    PushOptions.Urgency urgency = "delayed".equals(reason) || "restored".equals(reason)
        ? PushOptions.Urgency.NORMAL : PushOptions.Urgency.HIGH;
    // Worth delivering until the session would have started; a phone off all day gets nothing stale.
    long ttl = Math.max(60, Math.min(24 * 3600, Duration.between(now, start).getSeconds()));
    return new PushOptions((int) ttl, urgency, PushOptions.sessionTopic(eventId, session));
  }

  byte[] payload(String event, String session) {
    return new JsonObject().put("event", event).put("session", session).put("reason", reason).put("title", title)
        .put("body", body).put("start", start.toString()).put("url", url).put("tag", tag).encode()
        .getBytes(StandardCharsets.UTF_8);
  }
}
