package podium.interop;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** frab durations as real exports write them: "0:45", "00:45", "01:30:00"; and back as "HH:MM". */
final class Durations {

  private static final Pattern HOURS_MINUTES = Pattern.compile("(\\d{1,3}):([0-5]\\d)(?::([0-5]\\d))?");

  private Durations() {
  }

  /** The duration, or null when the text is none of the shapes above. */
  static Duration parse(String text) {
    Matcher m = HOURS_MINUTES.matcher(text.trim());
    if (!m.matches()) {
      return null;
    }
    return Duration.ofHours(Integer.parseInt(m.group(1))).plusMinutes(Integer.parseInt(m.group(2)))
        .plusSeconds(m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
  }

  /** "HH:MM", rounded down to the minute (sessions are whole minutes anyway). */
  static String format(Duration d) {
    long minutes = d.toMinutes();
    return String.format("%02d:%02d", minutes / 60, minutes % 60);
  }
}
