package podium.interop;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import podium.event.Room;
import podium.event.Session;
import podium.event.Spelling;

/** frab's free-text session types and room types, to Podium's and back (docs/FORMATS.md, "Types"). */
final class SessionTypes {

  /** Checked in this order; the first word found in the type decides. */
  private static final List<Map.Entry<String, Session.Type>> WORDS = List.of(
      Map.entry("keynote", Session.Type.KEYNOTE), Map.entry("break", Session.Type.BREAK),
      Map.entry("pause", Session.Type.BREAK), Map.entry("lunch", Session.Type.BREAK),
      Map.entry("coffee", Session.Type.BREAK), Map.entry("ceremony", Session.Type.CEREMONY),
      Map.entry("opening", Session.Type.CEREMONY), Map.entry("closing", Session.Type.CEREMONY),
      Map.entry("award", Session.Type.AWARD), Map.entry("expo", Session.Type.EXPO),
      Map.entry("exhibit", Session.Type.EXPO), Map.entry("poster", Session.Type.EXPO),
      Map.entry("report", Session.Type.REPORT), Map.entry("workshop", Session.Type.MEETING),
      Map.entry("meeting", Session.Type.MEETING), Map.entry("meetup", Session.Type.MEETING),
      Map.entry("hands-on", Session.Type.MEETING), Map.entry("panel", Session.Type.FORUM),
      Map.entry("discussion", Session.Type.FORUM), Map.entry("forum", Session.Type.FORUM));

  private SessionTypes() {
  }

  /** Podium's own spelling as is; else by the words above; else a speech (talk, lecture, …). */
  static Session.Type of(String type) {
    if (type == null || type.isBlank()) {
      return Session.Type.SPEECH;
    }
    String t = type.trim().toLowerCase(Locale.ROOT);
    Session.Type own = Spelling.parse(Session.Type.class, t);
    if (own != null) {
      return own;
    }
    return WORDS.stream().filter(w -> t.contains(w.getKey())).map(Map.Entry::getValue).findFirst()
        .orElse(Session.Type.SPEECH);
  }

  /** A frab room type (lecturehall, stage, workshop, project, …) as a Podium room kind. */
  static String roomKind(String frabType) {
    if (frabType == null) {
      return "hall";
    }
    return switch (frabType.toLowerCase(Locale.ROOT)) {
      case "workshop", "forum" -> "forum";
      case "project", "expo" -> "expo";
      default -> "hall";
    };
  }

  /** A Podium room kind as a frab room type, so that a round trip keeps it. */
  static String frabRoomType(Room room) {
    return switch (room.kind() == null ? "" : room.kind()) {
      case "forum" -> "workshop";
      case "expo" -> "project";
      default -> "lecturehall";
    };
  }
}
