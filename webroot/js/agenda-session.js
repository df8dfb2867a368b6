// One session as the attendee sees it: venue-local times, room, title, speakers, and what changed.
import { el, fmtTime, t } from './text.js';

/**
 * ctx: {state, lang, words, stars (Set), changed (Set of ids highlighted), onStar(id), showRoom}
 */
export function sessionItem(s, ctx) {
  const { state, lang, words } = ctx;
  const zone = state.event.timeZone;
  const starred = ctx.stars.has(s.id);
  const delay = s.delayMinutes || 0;
  const moved = s.plannedRoom && s.plannedRoom !== s.room;
  return el('li', {
    class: ['session', `status-${s.status}`, `type-${s.type}`, ctx.changed.has(s.id) && 'changed', starred && 'starred'],
    'data-session': s.id,
  },
  el('div', { class: 'when' },
    el('span', { class: 'start' }, fmtTime(s.start, zone, lang)),
    delay !== 0 && el('s', { class: 'planned' }, fmtTime(s.plannedStart, zone, lang)),
    el('span', { class: 'end' }, fmtTime(s.end, zone, lang))),
  el('div', { class: 'what' },
    badges(s, ctx, delay, moved),
    el('h3', { class: 'title' }, t(s.title, lang)),
    speakerLine(s, state, lang),
    ctx.showRoom && el('p', { class: 'room' }, roomName(state, s.room, lang)),
    s.status === 'cancelled' && t(s.reason, lang) && el('p', { class: 'reason' }, t(s.reason, lang))),
  el('button', {
    class: 'star', type: 'button', 'aria-pressed': String(starred),
    'aria-label': starred ? words.unstar : words.star, title: starred ? words.unstar : words.star,
    onclick: () => ctx.onStar(s.id),
  }, starred ? '★' : '☆'));
}

function badges(s, ctx, delay, moved) {
  const { words, state, lang } = ctx;
  const list = [
    s.status === 'live' && el('span', { class: ['badge', 'badge-live'] }, words.live),
    s.status === 'cancelled' && el('span', { class: ['badge', 'badge-cancelled'] }, words.cancelled),
    s.status === 'ended' && el('span', { class: ['badge', 'badge-ended'] }, words.ended),
    delay > 0 && s.status !== 'cancelled' && el('span', { class: ['badge', 'badge-delayed', 'delay'] }, words.delayed(delay)),
    delay < 0 && s.status !== 'cancelled' && el('span', { class: ['badge', 'badge-delayed', 'delay'] }, words.earlier(-delay)),
    moved && el('span', { class: ['badge', 'badge-moved', 'moved'] }, words.moved(roomName(state, s.plannedRoom, lang))),
  ].filter(Boolean);
  return list.length ? el('div', { class: 'badges' }, list) : null;
}

function speakerLine(s, state, lang) {
  const names = (s.speakers || []).map(id => {
    const sp = (state.speakers || []).find(x => x.id === id);
    return sp ? t(sp.name, lang) : id;
  });
  return names.length ? el('p', { class: 'speakers' }, names.join(lang === 'zh' ? '、' : ', ')) : null;
}

export function roomName(state, id, lang) {
  const room = (state.rooms || []).find(r => r.id === id);
  return room ? t(room.name, lang) : id;
}

/** "Now" by status live, else by time; "Up next" is whatever starts soonest after that. */
export function nowAndNext(sessions, nowMs) {
  const open = sessions.filter(s => s.status !== 'cancelled' && s.status !== 'ended');
  let now = open.filter(s => s.status === 'live');
  if (!now.length) {
    now = open.filter(s => Date.parse(s.start) <= nowMs && nowMs < Date.parse(s.end));
  }
  // While something is live, "next" follows it, whatever the clock says (rehearsals, the 2023 demo).
  const from = now.some(s => s.status === 'live') ? Math.min(...now.map(s => Date.parse(s.start))) : nowMs;
  const later = open.filter(s => s.status === 'scheduled' && Date.parse(s.start) > from && !now.includes(s));
  const first = later.length ? Math.min(...later.map(s => Date.parse(s.start))) : null;
  return { now, next: later.filter(s => Date.parse(s.start) === first).slice(0, 4) };
}
