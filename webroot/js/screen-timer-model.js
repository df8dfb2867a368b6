// What a speaker timer shows, worked out from the state and the time alone (no DOM): the session
// live in the room and the time left to its end, its phase, the next session with its expected
// start, and the crew's message, flash and blackout. The page redraws the timer whole when this
// view's shape changes, and only its digits every second.
import { t } from './text.js';
import { venueDay } from './screen-clock.js';

/** A flash plays this long after stage.flashedAt (the hub's real time), and never later. */
export const FLASH_MS = 5_000;
const DEFAULT_PHASES = { warningMinutes: 5, dangerMinutes: 1 };
const MINUTE = 60_000;

const ms = iso => Date.parse(iso);
const pad = n => String(n).padStart(2, '0');

/** The session's own phases, else its event's, else 5 and 1 minutes. */
export function phasesOf(state, session) {
  return (session && session.timer) || (state.event && state.event.timer) || DEFAULT_PHASES;
}

/** normal, warning, danger or over, for the time left to the end (ms). */
export function phaseAt(remaining, phases) {
  if (remaining <= 0) return 'over';
  if (remaining <= phases.dangerMinutes * MINUTE) return 'danger';
  if (remaining <= phases.warningMinutes * MINUTE) return 'warning';
  return 'normal';
}

/**
 * "24:13", "1:02:13"; past the end "+02:13", counting up. Whole seconds, rounded so that it shows
 * 00:00 at the end itself and the phase turns when the digits do (05:00 is already a warning).
 */
export function digits(remaining) {
  const over = remaining <= 0;
  const secs = over ? Math.floor(-remaining / 1000) : Math.ceil(remaining / 1000);
  const h = Math.floor(secs / 3600);
  const body = h ? `${h}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}` : `${pad(Math.floor(secs / 60))}:${pad(secs % 60)}`;
  return over ? `+${body}` : body;
}

function stageOf(state, room) {
  const r = (state.rooms || []).find(x => x.id === room);
  return (r && r.stage) || {};
}

const sameMinute = (a, b) => Math.floor(a / MINUTE) === Math.floor(b / MINUTE);

/**
 * {live, next, count: {remaining, text, phase}, nextStart, nextExpected, message, blackout,
 * flashing, dayOver} for `room` at `now` (the event's clock) and `realNow` (the hub's real time,
 * which flashes are timed on).
 */
export function timerView(state, room, now, realNow) {
  const zone = state.event.timeZone;
  const stage = stageOf(state, room);
  const projected = id => (stage.expected || []).find(e => e.session === id) || null;
  const startOf = s => (projected(s.id) ? ms(projected(s.id).start) : ms(s.start));
  const endOf = s => (projected(s.id) ? ms(projected(s.id).end) : ms(s.end));
  const planned = s => ms(s.plannedStart || s.start);
  const mine = (state.sessions || []).filter(s => s.room === room);
  const live = mine.find(s => s.status === 'live') || null;
  const today = venueDay(now, zone);
  // Coming: still scheduled today and not yet over; with a session live, only those planned after it
  // (one started late keeps its place in the order, whatever its actual start).
  const coming = mine.filter(s => s.status === 'scheduled' && venueDay(ms(s.start), zone) === today
      && endOf(s) > now && (!live || planned(s) >= planned(live)))
    .sort((a, b) => startOf(a) - startOf(b) || planned(a) - planned(b));
  const next = coming[0] || null;
  const nextStart = next ? ms(next.start) : null;
  const expected = next && projected(next.id) ? startOf(next) : null;
  const nextExpected = expected !== null && !sameMinute(expected, nextStart) ? expected : null;

  let count = null;
  if (live) {
    const remaining = ms(live.end) - now;
    count = { remaining, text: digits(remaining), phase: phaseAt(remaining, phasesOf(state, live)) };
  } else if (next) {
    const until = (expected ?? nextStart) - now;
    // Once due, it counts how late the session is against its own start (the projection, which
    // then expects it "now", would start again from zero every minute).
    const remaining = until > 0 ? until : Math.min(until, nextStart - now);
    count = { remaining, text: digits(remaining), phase: until > 0 ? 'between' : 'due' };
  }
  const message = stage.message && (t(stage.message, 'en').trim() || t(stage.message, 'zh').trim()) ? stage.message : null;
  const flashedAgo = stage.flashedAt ? realNow - ms(stage.flashedAt) : NaN;
  return {
    live, next, count, nextStart, nextExpected, message,
    blackout: !!stage.blackout,
    // Recent on the hub's clock, so a reload (or a screen that comes back later) never replays an old one.
    flashing: flashedAgo > -FLASH_MS && flashedAgo < FLASH_MS,
    dayOver: !live && !next,
  };
}

/** What, besides the digits, the picture is made of: a change of it needs a whole new picture. */
export function shapeOf(view) {
  return JSON.stringify([view.live && view.live.id, view.next && view.next.id, view.count && view.count.phase,
    view.count && view.count.text.length, view.nextStart, view.nextExpected, view.message, view.blackout,
    view.flashing, view.dayOver]);
}
