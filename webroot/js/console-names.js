// How the console names rooms, speakers and a session's state, for every view that shows them.
import { el } from './text.js';

export function sortedRooms(state) {
  return [...(state.rooms || [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || (a.id < b.id ? -1 : 1));
}

export function statusBadges(app, state, s) {
  const w = app.words;
  const delay = s.delayMinutes || 0;
  const moved = s.plannedRoom && s.plannedRoom !== s.room;
  const list = [
    s.status === 'live' && el('span', { class: ['badge', 'badge-live'] }, w.status.live),
    s.status === 'ended' && el('span', { class: ['badge', 'badge-ended'] }, w.status.ended),
    s.status === 'cancelled' && el('span', { class: ['badge', 'badge-cancelled'] }, w.status.cancelled),
    delay > 0 && s.status !== 'cancelled' && el('span', { class: ['badge', 'badge-delayed'] }, w.delayedBy(delay)),
    delay < 0 && s.status !== 'cancelled' && el('span', { class: ['badge', 'badge-delayed'] }, w.earlierBy(-delay)),
    moved && el('span', { class: ['badge', 'badge-moved'] }, w.movedFrom(roomName(app, state, s.plannedRoom))),
  ].filter(Boolean);
  return list.length ? el('span', { class: 'badges' }, list) : null;
}

export function speakerName(app, state, id) {
  const sp = (state.speakers || []).find(x => x.id === id);
  return sp ? app.t(sp.name) : id;
}

export function roomName(app, state, id) {
  const r = (state.rooms || []).find(x => x.id === id);
  return r ? app.t(r.name) : id;
}
