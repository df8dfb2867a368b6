package podium.interop;

import java.nio.charset.StandardCharsets;

/** The formats an import reads. Which one a file is comes from its content, never from its name. */
public enum ScheduleFormat {
  PODIUM("podium"), FRAB_JSON("frab-json"), FRAB_XML("frab-xml");

  private final String wire;

  ScheduleFormat(String wire) {
    this.wire = wire;
  }

  public String wire() {
    return wire;
  }

  /** XML starts with '<'; JSON with '{': frab's has a "schedule" object, Podium's "sessions" at the top. */
  static ScheduleFormat detect(byte[] file, io.vertx.core.json.JsonObject json) {
    if (json != null) {
      if (json.containsKey("schedule")) {
        return FRAB_JSON;
      }
      if (json.containsKey("sessions") && json.containsKey("timeZone")) {
        return PODIUM;
      }
      throw ScheduleRefused.of("file", "schedule", "is missing: this JSON is neither a frab/pretalx schedule.json"
          + " (with a 'schedule' object) nor a Podium agenda document (with 'timeZone' and 'sessions')");
    }
    String head = new String(file, 0, Math.min(file.length, 64), StandardCharsets.UTF_8).strip();
    if (head.startsWith("\uFEFF")) {
      head = head.substring(1).strip();
    }
    if (head.startsWith("<")) {
      return FRAB_XML;
    }
    throw ScheduleRefused.of("file", "format", "is not a schedule: expected schedule.json, schedule.xml"
        + " or a Podium agenda document");
  }

  /** True when the first character that is not white space (or a byte-order mark) opens a JSON object. */
  static boolean looksLikeJson(byte[] file) {
    for (int i = 0; i < file.length; i++) {
      int b = file[i] & 0xff;
      if (b == '{') {
        return true;
      }
      boolean skip = b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF;
      if (!skip) {
        return false;
      }
    }
    return false;
  }
}
