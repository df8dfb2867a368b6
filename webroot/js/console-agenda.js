// The live agenda grid: one column per room, one row per hour of the chosen day, each session with
// its status and actual times (a delay strikes the planned time, a move names the old room, a
// cancellation its reason) and, when its room runs late, when the hub expects it, with the actions
// to apply or dismiss that. Choosing a session opens its panel beside the grid.
import { el } from './text.js';
import { venueDay, venueHour } from './console-time.js';
import { openAddSession, sessionPanel } from './console-session.js';
import { sortedRooms, speakerName, statusBadges } from './console-names.js';
import { lateActions, lateLine } from './console-late.js';

export const agendaView = { id: 'agenda', label: w => w.agenda, render };

export function daysOf(state) {
  const zone = state.event.timeZone;
  const days = new Set(state.event.days || []);
  (state.sessions || []).forEach(s => days.add(venueDay(s.start, zone)));
  return [...days].sort();
}

function render(app) {
  const w = app.words;
  const state = app.live.state;
  const zone = state.event.timeZone;
  const days = daysOf(state);
  const today = venueDay(app.live.eventNow(), zone);
  if (!app.day || !days.includes(app.day)) app.day = days.includes(today) ? today : days[0];
  const selected = (state.sessions || []).find(s => s.id === app.selected) || null;
  const toolbar = el('div', { class: 'toolbar' },
    days.length > 1 && el('div', { class: 'day-tabs', role: 'group', 'aria-label': w.days }, days.map(day => el('button', {
      type: 'button', class: ['btn', 'btn-small', day === app.day && 'active'], 'aria-pressed': String(day === app.day),
      'data-key': `day-${day}`, onclick: () => { app.day = day; app.render(); },
    }, day))),
    days.length <= 1 && el('h2', { class: 'toolbar-title' }, app.day || w.noDays),
    el('span', { class: 'spacer' }),
    app.may('session.add') && el('button', { type: 'button', class: 'btn', 'data-action': 'add-session', onclick: () => openAddSession(app) }, w.addSession));
  return el('div', { class: 'agenda-view' },
    el('section', { class: 'agenda-main', 'aria-label': w.agenda }, toolbar, grid(app, state, selected)),
    el('aside', { class: 'session-side', 'aria-label': w.sessionPanel, 'data-scroll': 'session-side' }, sessionPanel(app, selected)));
}

function grid(app, state, selected) {
  const w = app.words;
  const zone = state.event.timeZone;
  const rooms = sortedRooms(state);
  const sessions = (state.sessions || []).filter(s => venueDay(s.start, zone) === app.day);
  const hours = [...new Set(sessions.map(s => venueHour(s.start, zone)))].sort();
  if (!sessions.length) return el('p', { class: 'empty' }, w.noSessions);
  const now = app.live.eventNow();
  const nowHour = venueDay(now, zone) === app.day ? venueHour(now, zone) : null;
  const table = el('div', { class: 'grid', role: 'table', 'aria-label': w.agendaGrid(app.day) },
    el('div', { class: ['grid-row', 'grid-head'], role: 'row' },
      el('span', { class: 'grid-time', role: 'columnheader' }, w.time),
      rooms.map(r => el('span', { class: 'grid-room', role: 'columnheader' }, app.t(r.name)))),
    hours.map(hour => el('div', { class: ['grid-row', hour === nowHour && 'now-hour'], role: 'row' },
      el('span', { class: 'grid-time', role: 'rowheader' }, `${hour}:00`),
      rooms.map(r => el('div', { class: 'grid-cell', role: 'cell' },
        sessions.filter(s => s.room === r.id && venueHour(s.start, zone) === hour)
          .map(s => [card(app, state, s, selected && selected.id === s.id, now), lateActions(app, state, s, 'grid')]))))));
  // One column per room, as many as the event has: set on the element, not in a style attribute.
  const columns = `4.5rem repeat(${rooms.length}, minmax(10.5rem, 1fr))`;
  table.querySelectorAll('.grid-row').forEach(row => { row.style.gridTemplateColumns = columns; });
  table.style.minWidth = `calc(4.5rem + ${rooms.length} * 10.5rem)`;
  return el('div', { class: 'grid-scroll', 'data-scroll': 'agenda-grid' }, table);
}

function card(app, state, s, isSelected, now) {
  const w = app.words;
  const delay = s.delayMinutes || 0;
  const moved = s.plannedRoom && s.plannedRoom !== s.room;
  const onNow = s.status === 'live' || (s.status === 'scheduled' && Date.parse(s.start) <= now && now < Date.parse(s.end));
  const speakers = (s.speakers || []).map(id => speakerName(app, state, id)).join(app.lang === 'zh' ? '、' : ', ');
  return el('button', {
    type: 'button', class: ['session-card', `status-${s.status}`, isSelected && 'selected', onNow && 'on-now', delay && 'delayed'],
    'data-session': s.id, 'data-key': `s-${s.id}`, 'aria-pressed': String(!!isSelected),
    onclick: () => app.select(isSelected ? null : s.id),
  },
  el('span', { class: 'card-when' },
    delay !== 0 && s.status !== 'cancelled' && el('s', { class: 'planned', 'aria-label': w.plannedAt(app.time(s.plannedStart)) }, app.time(s.plannedStart)),
    el('span', { class: 'start' }, app.time(s.start)), '–', el('span', { class: 'end' }, app.time(s.end))),
  lateLine(app, state, s),
  statusBadges(app, state, s),
  el('span', { class: 'card-title' }, app.t(s.title)),
  speakers && el('span', { class: 'card-speakers' }, speakers),
  s.onStage && el('span', { class: 'card-stage' }, w.nowSpeakingShort(speakerName(app, state, s.onStage))),
  s.status === 'cancelled' && app.t(s.reason) && el('span', { class: 'card-reason' }, app.t(s.reason)));
}

