// Venue time for screens: the event's clock (live.eventNow(): real or simulated, on the hub's
// time), read in the event's time zone. ?at=2023-08-16T09:10 (venue-local) overrides it for tests;
// it keeps ticking from there.
import { fmtTime } from './text.js';

const loadedAt = Date.now();
const AT = new URLSearchParams(location.search).get('at');
let atMs = null;

/** Now on the venue's clock, in ms since the epoch. */
export function venueNow(live, zone) {
  if (!AT) return live.eventNow();
  if (atMs === null) atMs = parseVenueTime(AT, zone);
  if (Number.isNaN(atMs)) return live.eventNow();
  return atMs + (Date.now() - loadedAt);
}

/** An ISO time with an offset, or a venue-local one ("2023-08-16T09:10") read in zone. */
export function parseVenueTime(text, zone) {
  if (/(Z|[+-]\d\d:?\d\d)$/.test(text)) return Date.parse(text);
  const m = /^(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d)(?::(\d\d))?)?$/.exec(text);
  if (!m) return NaN;
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] || 0), +(m[5] || 0), +(m[6] || 0));
  let utc = guess - zoneOffset(guess, zone);
  utc = guess - zoneOffset(utc, zone); // once more, in case the guess crossed a DST change
  return utc;
}

/** How far the zone's wall clock is ahead of UTC at that instant, in ms. */
function zoneOffset(ms, zone) {
  const parts = {};
  new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms)).forEach(p => { parts[p.type] = p.value; });
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24, +parts.minute, +parts.second);
  return wall - Math.floor(ms / 1000) * 1000;
}

/** The venue-local calendar day of an instant, "2023-08-16". */
export function venueDay(ms, zone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(ms));
}

export function hhmm(ms, zone) {
  return fmtTime(ms, zone, 'en');
}

const secondsFormats = new Map();

/** "09:12:34" in the venue's zone: the speaker timer's clock, to the second like its countdown. */
export function hhmmss(ms, zone) {
  let f = secondsFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    secondsFormats.set(zone, f);
  }
  return f.format(new Date(ms));
}

/** Whole minutes from now until then, rounded up (0 when due). */
export function minutesUntil(ms, now) {
  return Math.max(0, Math.ceil((ms - now) / 60_000));
}
