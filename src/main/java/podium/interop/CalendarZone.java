package podium.interop;

import biweekly.component.DaylightSavingsTime;
import biweekly.component.Observance;
import biweekly.component.StandardTime;
import biweekly.component.VTimezone;
import biweekly.util.DateTimeComponents;
import biweekly.util.ICalDate;
import biweekly.util.UtcOffset;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * The VTIMEZONE of an event's zone, written from java.time's rules (the ones every Podium time
 * uses) for the span the event covers: the observance in force when it starts, and one per
 * transition until it ends. Nothing is downloaded, and a zone given only as an offset works too.
 */
final class CalendarZone {

  private CalendarZone() {
  }

  static VTimezone of(ZoneId zone, Instant from, Instant to) {
    VTimezone vtz = new VTimezone(zone.getId());
    ZoneRules rules = zone.getRules();
    ZoneOffsetTransition before = rules.previousTransition(from.plusNanos(1));
    if (before == null) {
      ZoneOffset offset = rules.getOffset(from);
      vtz.addStandardTime(observe(new StandardTime(), LocalDateTime.of(1970, 1, 1, 0, 0), offset, offset));
      return vtz;
    }
    for (ZoneOffsetTransition t = before; t != null && !t.getInstant().isAfter(to);
        t = rules.nextTransition(t.getInstant())) {
      if (rules.isDaylightSavings(t.getInstant())) {
        vtz.addDaylightSavingsTime(observe(new DaylightSavingsTime(), t.getDateTimeBefore(), t.getOffsetBefore(),
            t.getOffsetAfter()));
      } else {
        vtz.addStandardTime(observe(new StandardTime(), t.getDateTimeBefore(), t.getOffsetBefore(), t.getOffsetAfter()));
      }
    }
    return vtz;
  }

  private static <T extends Observance> T observe(T o, LocalDateTime onset, ZoneOffset from, ZoneOffset to) {
    o.setDateStart(new ICalDate(new DateTimeComponents(onset.getYear(), onset.getMonthValue(), onset.getDayOfMonth(),
        onset.getHour(), onset.getMinute(), onset.getSecond(), false), true));
    o.setTimezoneOffsetFrom(new UtcOffset(from.getTotalSeconds() * 1000L));
    o.setTimezoneOffsetTo(new UtcOffset(to.getTotalSeconds() * 1000L));
    return o;
  }
}
