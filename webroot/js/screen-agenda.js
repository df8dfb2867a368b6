// What a room's screen should say now: the session on, the ones coming, and what changed about
// them (delays, cancellations, moves, the hub's running-late projection), read from the live state
// at the venue's time.
import { el, t } from './text.js';
import { WORDS, bi } from './screen-words.js';
import { hhmm, minutesUntil, venueDay } from './screen-clock.js';
import { expectedStart, lateness } from './running-late.js';

const ms = iso => Date.parse(iso);

/** Sessions that run in the room or were planned there (so a move away is still shown), by start. */
export function roomSessions(state, room) {
  return (state.sessions || []).filter(s => s.room === room || s.plannedRoom === room)
    .sort((a, b) => ms(a.start) - ms(b.start));
}

const runsHere = (s, room) => s.room === room && s.status !== 'cancelled';

/**
 * now: the live session in the room, else the one whose start..end holds the time (a cancelled or
 * moved one too, so nobody waits for it); next: up to `count` later sessions that day (a session
 * the room runs late for is still coming until its projected start), and first: the first of them
 * that really takes place here (for the countdown).
 */
export function roomNowNext(state, room, now, count = 3) {
  const list = roomSessions(state, room);
  const zone = state.event.timeZone;
  const today = venueDay(now, zone);
  const current = list.find(s => s.room === room && s.status === 'live')
    || list.find(s => runsHere(s, room) && s.status === 'scheduled' && ms(s.start) <= now && now < ms(s.end))
    || list.find(s => !runsHere(s, room) && ms(s.start) <= now && now < ms(s.end));
  const coming = list.filter(s => s !== current && s.status !== 'live' && s.status !== 'ended'
    && expectedStart(state, s) > now && venueDay(ms(s.start), zone) === today);
  const next = coming.slice(0, count);
  const first = coming.find(s => runsHere(s, room)) || null;
  const laterToday = list.some(s => ms(s.end) > now && s.status !== 'ended' && runsHere(s, room));
  return { current, next, first, over: !current && !first && !laterToday };
}

export function roomName(state, id, lang) {
  const room = (state.rooms || []).find(r => r.id === id);
  return room ? t(room.name, lang) : id || '';
}

export function speaker(state, id) {
  return (state.speakers || []).find(s => s.id === id) || null;
}

/** The marks a session needs on a screen in `room`: cancelled, moved away or in, delayed. */
export function marks(s, state, room, mode) {
  const zone = state.event.timeZone;
  const delay = s.delayMinutes || 0;
  const out = [];
  if (s.status === 'cancelled') out.push(bi(mode, ['mark', 'mark-cancelled'], l => WORDS[l].cancelled));
  if (s.status === 'live') out.push(bi(mode, ['mark', 'mark-live'], l => WORDS[l].live));
  if (room && s.room !== room) {
    out.push(bi(mode, ['mark', 'mark-moved'], l => WORDS[l].movedTo(roomName(state, s.room, l))));
  } else if (s.plannedRoom && s.plannedRoom !== s.room) {
    out.push(bi(mode, ['mark', 'mark-moved-in'], l => WORDS[l].movedFrom(roomName(state, s.plannedRoom, l))));
  }
  if (delay !== 0 && s.status !== 'cancelled') {
    const time = hhmm(ms(s.start), zone);
    out.push(bi(mode, ['mark', 'mark-delayed'], l => (delay > 0 ? WORDS[l].delayed(delay, time)
      : WORDS[l].earlier(-delay, time))));
  }
  const late = !room || s.room === room ? lateness(state, s) : null;
  if (late) {
    const expected = l => (late.start ? WORDS[l].expected(hhmm(ms(late.start), zone), late.minutes)
      : WORDS[l].expectedEnd(hhmm(ms(late.end), zone)));
    out.push(bi(mode, ['mark', 'mark-expected'], expected));
  }
  return out.length ? el('div', { class: 'marks' }, out) : null;
}

/** "09:05–09:35", with the planned start struck through when it moved. */
export function timeRange(s, zone) {
  const delay = s.delayMinutes || 0;
  return el('div', { class: 'time-range' },
    delay !== 0 && el('s', { class: 'planned' }, hhmm(ms(s.plannedStart), zone)),
    el('span', { class: 'start' }, hhmm(ms(s.start), zone)),
    el('span', { class: 'dash' }, '–'),
    el('span', { class: 'end' }, hhmm(ms(s.end), zone)));
}

export function speakerNames(s, state, lang) {
  return (s.speakers || []).map(id => speaker(state, id)).filter(Boolean)
    .map(sp => t(sp.name, lang)).join(lang === 'zh' ? '、' : ', ');
}

/** One session as a block: time, marks, title, speakers. size: 'now' | 'next' | 'cell'. */
export function sessionBlock(s, state, room, mode, size) {
  const zone = state.event.timeZone;
  return el('article', { class: ['session', `session-${size}`, `status-${s.status}`,
    room && s.room !== room && 'moved-away'], 'data-session': s.id },
  el('div', { class: 'when-row' }, timeRange(s, zone), marks(s, state, room, mode)),
  bi(mode, 'title', l => t(s.title, l)),
  (s.speakers || []).length ? bi(mode, 'speakers', l => speakerNames(s, state, l)) : null);
}

/** "Starts in 12 min", or "Starts at 13:30" when it is hours away; from the projected start when it runs late. */
export function countdown(s, state, now, mode) {
  const start = expectedStart(state, s);
  const m = minutesUntil(start, now);
  const time = hhmm(start, state.event.timeZone);
  return bi(mode, 'countdown', l => (m > 90 ? WORDS[l].startsAt(time) : WORDS[l].startsIn(m)));
}

/** The calm end of the day: never a blank screen. */
export function dayOver(mode) {
  return el('section', { class: 'day-over' },
    bi(mode, 'over', l => WORDS[l].over),
    bi(mode, 'over-note', l => WORDS[l].overNote));
}
