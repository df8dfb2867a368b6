package podium.interop;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * When each session of a draft is: the event's zone (time_zone_name, or else the offset the times
 * carry), then each start from date or from start on its day, and each end from duration or end.
 */
final class DraftTimes {

  /** A start and end, or null when the problems say why not. */
  record Slot(Instant start, Instant end) { }

  private static final DateTimeFormatter COMPACT_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS]XX");

  private final Problems problems;
  private final ZoneId zone;

  DraftTimes(Draft draft, Problems problems) {
    this.problems = problems;
    this.zone = zone(draft);
  }

  ZoneId zone() {
    return zone;
  }

  private ZoneId zone(Draft draft) {
    if (draft.zoneName() != null) {
      try {
        return ZoneId.of(draft.zoneName());
      } catch (DateTimeException e) {
        problems.add("conference", "time_zone_name", "'" + draft.zoneName() + "' is not a time zone such as Europe/Berlin");
        return null;
      }
    }
    for (Draft.Item i : draft.sessions()) {
      OffsetDateTime at = i.date() == null ? null : offsetTime(i.date());
      if (at != null) {
        problems.warn("the file names no time_zone_name: times are read at the offset " + at.getOffset()
            + " that " + i.where() + " carries");
        return at.getOffset();
      }
    }
    if (!draft.sessions().isEmpty()) {
      problems.add("conference", "time_zone_name", "is missing, and no session's date carries an offset");
    }
    return null;
  }

  Slot slot(Draft.Item i) {
    if (zone == null) {
      return null;
    }
    Instant start = start(i);
    if (start == null) {
      return null;
    }
    Instant end;
    if (i.duration() != null) {
      Duration d = Durations.parse(i.duration());
      if (d == null) {
        problems.add(i.where(), "duration", "'" + i.duration() + "' is not a duration such as 0:45, 00:45 or 01:30:00");
        return null;
      }
      end = start.plus(d);
    } else if (i.end() != null && instant(i.end()) != null) {
      end = instant(i.end());
    } else {
      problems.add(i.where(), "duration", i.end() == null ? "is missing (and so is end)" : "is missing, and end is not a time");
      return null;
    }
    if (!end.isAfter(start)) {
      problems.add(i.where(), "duration", "must be more than 0");
      return null;
    }
    if (Duration.between(start, end).toHours() >= 24) {
      problems.add(i.where(), "duration", "must be less than 24 hours");
      return null;
    }
    return new Slot(start, end);
  }

  private Instant start(Draft.Item i) {
    if (i.date() != null) {
      Instant at = instant(i.date());
      if (at == null) {
        problems.add(i.where(), "date", "'" + i.date() + "' is not a time such as 2023-08-16T09:00:00+08:00");
      }
      return at;
    }
    if (i.start() == null || i.day() == null || i.day().date() == null) {
      problems.add(i.where(), "date", "is missing (and so is a start on a dated day)");
      return null;
    }
    try {
      LocalTime t = LocalTime.parse(i.start().length() == 4 ? "0" + i.start() : i.start());
      // frab days may run past midnight (day_change): an early start belongs to the next date.
      boolean nextDate = i.day().begins() != null && t.isBefore(i.day().begins());
      return i.day().date().plusDays(nextDate ? 1 : 0).atTime(t).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(i.where(), "start", "'" + i.start() + "' is not a time of day such as 09:00");
      return null;
    }
  }

  /** An ISO time with an offset, or a local one read in the event's zone; null if neither. */
  private Instant instant(String text) {
    OffsetDateTime exact = offsetTime(text);
    if (exact != null) {
      return exact.toInstant();
    }
    try {
      return LocalDateTime.parse(text.replace(' ', 'T')).atZone(zone).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static OffsetDateTime offsetTime(String text) {
    String t = text.strip().replace(' ', 'T');
    try {
      return OffsetDateTime.parse(t);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(t, COMPACT_OFFSET);
      } catch (DateTimeParseException again) {
        return null;
      }
    }
  }
}
