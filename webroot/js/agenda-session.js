// One session as the attendee sees it: venue-local times, room, title, speakers, its live status
// and what changed, with its details (description, speakers' titles) behind a disclosure button.
import { el, fmtTime, t } from './text.js';
import { lateness } from './running-late.js';

/**
 * ctx: {state, lang, words, zone, stars (Set), highlighted (Set of ids), open (Set of keys),
 * where ('agenda' | 'starred'), showRoom, onStar(id), onDetails(key)}
 */
export function sessionItem(s, ctx) {
  const { state, lang, words, zone } = ctx;
  const starred = ctx.stars.has(s.id);
  const changed = ctx.highlighted.has(s.id);
  const detailsId = `${ctx.where}-details-${s.id}`;
  const open = ctx.open.has(detailsId);
  const delay = s.delayMinutes || 0;
  return el('li', {
    class: ['session', `status-${s.status}`, `type-${s.type}`, changed && 'changed', starred && 'starred'],
    'data-session': s.id,
  },
  el('div', { class: 'when' },
    timeEl('start', s.start, zone, lang),
    timeEl('end', s.end, zone, lang),
    delay !== 0 && el('span', { class: 'sr-only' }, words.wasAt('')),
    delay !== 0 && el('s', { class: 'planned' }, fmtTime(s.plannedStart, zone, lang))),
  el('div', { class: 'what' },
    statusLine(s, ctx, changed),
    expectedLine(s, ctx),
    el('h3', { class: 'title' }, el('button', {
      type: 'button', class: 'title-button', 'aria-expanded': String(open), 'aria-controls': detailsId,
      'data-key': `details:${detailsId}`, onclick: () => ctx.onDetails(detailsId),
    }, t(s.title, lang))),
    speakerLine(s, state, lang),
    ctx.showRoom && el('p', { class: 'room' }, roomName(state, s.room, lang)),
    s.status === 'cancelled' && t(s.reason, lang) && el('p', { class: 'reason' }, words.reason(t(s.reason, lang))),
    details(s, ctx, detailsId, open)),
  el('button', {
    class: 'star', type: 'button', 'aria-pressed': String(starred), 'aria-label': words.star(t(s.title, lang)),
    'data-key': `star:${ctx.where}:${s.id}`, onclick: () => ctx.onStar(s.id),
  }, starred ? '★' : '☆'));
}

export function timeEl(cls, iso, zone, lang) {
  return el('time', { class: cls, datetime: iso }, fmtTime(iso, zone, lang));
}

/** The type and the status marks on one line, which every session has, so a new mark adds no line. */
export function statusLine(s, ctx, changed) {
  const { words, state, lang } = ctx;
  const delay = s.delayMinutes || 0;
  const moved = s.plannedRoom && s.plannedRoom !== s.room;
  const open = s.status !== 'cancelled';
  return el('p', { class: 'badges' },
    el('span', { class: 'type' }, words.typeName(s.type)),
    s.status === 'live' && el('span', { class: ['badge', 'badge-live'] }, words.live),
    s.status === 'cancelled' && el('span', { class: ['badge', 'badge-cancelled'] }, words.cancelled),
    s.status === 'ended' && el('span', { class: ['badge', 'badge-ended'] }, words.ended),
    delay > 0 && open && el('span', { class: ['badge', 'badge-delayed', 'delay'] }, words.delayed(delay)),
    delay < 0 && open && el('span', { class: ['badge', 'badge-delayed', 'delay'] }, words.earlier(-delay)),
    moved && el('span', { class: ['badge', 'badge-moved', 'moved'] }, words.moved(roomName(state, s.plannedRoom, lang))),
    changed && el('span', { class: 'sr-only' }, ` (${words.changedMark})`));
}

/**
 * "Expected 09:38 (about 3 min late)" when the hub projects the session later than its own start
 * (running-late.js), or a live one past its end; null otherwise. The plan beside it stays as it is.
 */
export function expectedLine(s, ctx) {
  const { state, words, zone, lang } = ctx;
  const late = lateness(state, s);
  if (!late) return null;
  // Two unbreakable halves: a narrow column wraps between them, never inside "(about 5 min late)".
  const text = late.start ? [el('span', {}, words.expectedAt(fmtTime(late.start, zone, lang))), words.gap,
    el('span', {}, words.aboutLate(late.minutes))] : words.expectedEnd(fmtTime(late.end, zone, lang));
  return el('p', { class: 'expected', 'data-expected': s.id }, text);
}

function details(s, ctx, id, open) {
  const { state, lang, words, zone } = ctx;
  const people = (s.speakers || []).map(sid => speaker(state, sid)).filter(Boolean);
  const planned = s.plannedStart && s.plannedStart !== s.start;
  const late = lateness(state, s);
  return el('div', { class: ['details', !open && 'hidden'], id },
    t(s.description, lang) && el('p', { class: 'description' }, t(s.description, lang)),
    people.length ? el('ul', { class: 'people', 'aria-label': words.speakers }, people.map(p => {
      const role = [t(p.title, lang), t(p.affiliation, lang)].filter(Boolean).join(' · ');
      return el('li', {}, el('span', { class: 'person' }, t(p.name, lang)), role && el('span', { class: 'person-role' }, role));
    })) : null,
    el('dl', { class: 'facts' },
      el('dt', {}, words.time), el('dd', {}, `${fmtTime(s.start, zone, lang)}–${fmtTime(s.end, zone, lang)}`,
        planned ? ` (${words.wasAt(fmtTime(s.plannedStart, zone, lang))})` : '',
        late && el('span', { class: 'expected-fact' }, ' · ', late.start
          ? words.expected(fmtTime(late.start, zone, lang), late.minutes) : words.expectedEnd(fmtTime(late.end, zone, lang)))),
      el('dt', {}, words.room), el('dd', {}, roomName(state, s.room, lang)),
      el('dt', {}, words.type), el('dd', {}, words.typeName(s.type))));
}

function speakerLine(s, state, lang) {
  const names = (s.speakers || []).map(id => speakerName(state, id, lang));
  return names.length ? el('p', { class: 'speakers' }, names.join(lang === 'zh' ? '、' : ', ')) : null;
}

export function speaker(state, id) {
  return (state.speakers || []).find(x => x.id === id) || null;
}

export function speakerName(state, id, lang) {
  const sp = speaker(state, id);
  return sp ? t(sp.name, lang) : id;
}

export function roomName(state, id, lang) {
  const room = (state.rooms || []).find(r => r.id === id);
  return room ? t(room.name, lang) : id;
}

const ms = iso => Date.parse(iso);

/**
 * "Now" and "Up next" in every room: now is what is live there, else what the clock says is on;
 * next is the room's next scheduled session after that. Sorted by start, then by room.
 */
export function nowAndNext(state, nowMs) {
  const rooms = [...(state.rooms || [])].sort((a, b) => (a.position || 0) - (b.position || 0));
  const now = [];
  const next = [];
  for (const room of rooms) {
    const open = (state.sessions || []).filter(s => s.room === room.id && s.status !== 'cancelled' && s.status !== 'ended');
    let current = open.filter(s => s.status === 'live');
    if (!current.length) current = open.filter(s => ms(s.start) <= nowMs && nowMs < ms(s.end));
    // While something is live, "next" follows it, whatever the clock says (rehearsals, the 2023 demo).
    const from = current.some(s => s.status === 'live') ? Math.max(...current.map(s => ms(s.start))) : nowMs;
    const later = open.filter(s => s.status === 'scheduled' && !current.includes(s) && ms(s.start) > from)
      .sort((a, b) => ms(a.start) - ms(b.start));
    now.push(...current);
    if (later.length) next.push(later[0]);
  }
  const byStart = (a, b) => ms(a.start) - ms(b.start);
  return { now: now.sort(byStart), next: next.sort(byStart) };
}
