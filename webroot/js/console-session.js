// The session panel and its actions: delay (with the cascade previewed by a dry run before it is
// confirmed), move, cancel, restore, start, end, edit, add. Each action is one dialog, one intent.
import { el } from './text.js';
import { dryRun } from './console-api.js';
import { within } from './console-catalogue.js';
import { bilingualField, field, select } from './console-dialog.js';
import { commandDialog, FormError } from './console-command.js';
import { errorText } from './console-dialog.js';
import { venueLocal } from './console-time.js';
import { roomName, sortedRooms, speakerName, statusBadges } from './console-names.js';
import { stageBlock } from './console-stage.js';
import { lateBlock } from './console-late.js';

export const KINDS = ['ceremony', 'speech', 'keynote', 'report', 'award', 'forum', 'expo', 'meeting', 'break'];

export function sessionPanel(app, s) {
  const w = app.words;
  const state = app.live.state;
  if (!s) {
    return el('div', { class: 'panel-empty' },
      el('h2', {}, w.sessionPanel),
      el('p', {}, w.chooseSession),
      el('p', { class: 'hint' }, w.shortcutsHint));
  }
  const may = type => app.may(type);
  const open = s.status === 'scheduled' || s.status === 'live';
  const action = (label, id, run, enabled = true, kind = null, keys = null) => el('button', {
    type: 'button', class: ['btn', kind], 'data-action': id, disabled: !enabled, 'aria-keyshortcuts': keys, onclick: run,
  }, label);
  const delays = may('session.delay') && s.status !== 'cancelled' && s.status !== 'ended' && el('div', { class: 'action-row', role: 'group', 'aria-label': w.delay },
    [5, 10, 15].map((m, i) => action(`+${m}`, `delay-${m}`, () => openDelay(app, s.id, m), true, null, String(i + 1))),
    action(w.delayOther, 'delay-custom', () => openDelay(app, s.id, null), true, null, 'D'));
  return el('div', { class: 'panel', 'data-panel-session': s.id },
    el('h2', { class: 'panel-title' }, app.t(s.title)),
    el('p', { class: 'panel-when' },
      s.delayMinutes && s.status !== 'cancelled' ? el('s', { class: 'planned' }, app.time(s.plannedStart)) : null,
      ' ', el('strong', {}, `${app.time(s.start)}–${app.time(s.end)}`), ' · ', roomName(app, state, s.room)),
    statusBadges(app, state, s),
    lateBlock(app, s),
    s.status === 'cancelled' && app.t(s.reason) && el('p', { class: 'panel-reason' }, w.reason, ': ', app.t(s.reason)),
    (s.speakers || []).length > 0 && el('p', { class: 'panel-speakers' }, (s.speakers || []).map(id => speakerName(app, state, id)).join(app.lang === 'zh' ? '、' : ', ')),
    app.t(s.description) && el('p', { class: 'panel-description' }, app.t(s.description)),
    delays && el('h3', { class: 'panel-heading' }, w.delay),
    delays,
    (may('session.start') || may('session.move')) && el('h3', { class: 'panel-heading' }, w.actions),
    el('div', { class: 'action-grid' },
      may('session.start') && action(w.start, 'start', () => openSimple(app, s, 'session.start'), s.status === 'scheduled', null, 'S'),
      may('session.end') && action(w.end, 'end', () => openSimple(app, s, 'session.end'), s.status === 'live', null, 'E'),
      may('session.move') && action(w.move, 'move', () => openMove(app, s), open, null, 'M'),
      may('session.update') && action(w.edit, 'edit', () => openEdit(app, s), true, null, 'Enter'),
      may('session.cancel') && s.status !== 'cancelled' && action(w.cancelSession, 'cancel', () => openCancel(app, s), s.status !== 'ended', 'btn-danger-quiet', 'X'),
      may('session.restore') && s.status === 'cancelled' && action(w.restore, 'restore', () => openSimple(app, s, 'session.restore'), true)),
    stageBlock(app, s));
}

/** Delay by minutes (null: ask), with a dry run of the cascade shown before the confirm button works. */
export function openDelay(app, sessionId, minutes) {
  const w = app.words;
  const s = find(app, sessionId);
  if (!s) return;
  const range = app.range('session.delay', 'minutes');
  const hint = w.minutesHint(range.min, range.max);
  const amount = el('input', { type: 'number', min: range.min, max: range.max, step: 1, inputmode: 'numeric', name: 'minutes', 'data-field': 'minutes' });
  amount.value = minutes || 5;
  const cascade = el('input', { type: 'checkbox', name: 'cascade', checked: true, 'data-field': 'cascade' });
  const preview = el('div', { class: 'preview', 'aria-live': 'polite', 'data-preview': 'delay' });
  let previewed = null; // the body the preview shows, JSON
  let timer = null;
  const body = () => ({ type: 'session.delay', session: s.id, minutes: Number(amount.value), cascade: cascade.checked });
  const d = commandDialog(app, {
    title: w.delayTitle(app.t(s.title)), wide: true,
    body: [
      field(w.minutes, amount, hint),
      el('div', { class: 'check' }, cascade, el('label', { for: cascade.id || (cascade.id = 'cascade-box') }, w.cascade)),
      el('h3', { class: 'panel-heading' }, w.preview), preview,
    ],
    confirm: w.confirmDelay(Number(amount.value)),
    build: () => {
      const b = body();
      if (JSON.stringify(b) !== previewed) throw new FormError(w.previewFirst);
      return b;
    },
    done: answer => w.delayedDone(app.t(s.title), Number(amount.value), answer.version),
    onRetry: () => refresh(),
  });
  d.root.classList.add('delay-dialog');
  const refresh = () => {
    clearTimeout(timer);
    previewed = null;
    d.setConfirm({ enabled: false, label: w.confirmDelay(Number(amount.value) || 0) });
    timer = setTimeout(runPreview, 250);
  };
  amount.addEventListener('input', refresh);
  cascade.addEventListener('change', refresh);
  async function runPreview() {
    const b = body();
    if (!within(range, b.minutes) || b.minutes === 0) {
      preview.replaceChildren(el('p', { class: 'error-text' }, hint));
      return;
    }
    preview.replaceChildren(el('p', { class: 'hint' }, w.previewing));
    try {
      const answer = await dryRun(app.slug, { ...b, expectedVersion: d.version });
      if (d.closed || JSON.stringify(body()) !== JSON.stringify(b)) return;
      preview.replaceChildren(cascadeList(app, answer.data || {}, s.id));
      previewed = JSON.stringify(b);
      d.setConfirm({ enabled: true });
    } catch (e) {
      if (d.closed) return;
      if (e.code === 'stale_version') d.showError(e);
      preview.replaceChildren(el('p', { class: 'error-text' }, errorText(app, e)));
    }
  }
  refresh();
  return d;
}

function cascadeList(app, data, first) {
  const w = app.words;
  const state = app.live.state;
  const moved = (data.sessions || []).map(after => ({ after, before: find(app, after.id) || after }));
  if (!moved.length) return el('p', {}, w.nothingMoves);
  return el('div', {},
    el('p', {}, w.sessionsMove(moved.length)),
    el('table', { class: 'preview-table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, w.session), el('th', { scope: 'col' }, w.room),
        el('th', { scope: 'col' }, w.now), el('th', { scope: 'col' }, w.after))),
      el('tbody', {}, moved.map(({ before, after }) => el('tr', { class: after.id === first ? 'first' : null, 'data-moves': after.id },
        el('td', {}, app.t(after.title)),
        el('td', {}, roomName(app, state, after.room)),
        el('td', {}, `${app.time(before.start)}–${app.time(before.end)}`),
        el('td', {}, el('strong', {}, `${app.time(after.start)}–${app.time(after.end)}`)))))));
}

function openMove(app, s) {
  const w = app.words;
  const state = app.live.state;
  const rooms = sortedRooms(state).filter(r => r.id !== s.room);
  const room = select(rooms.map(r => [r.id, app.t(r.name)]), null, { name: 'room', 'data-field': 'room' });
  commandDialog(app, {
    title: w.moveTitle(app.t(s.title)),
    intro: w.moveIntro(roomName(app, state, s.room), `${app.time(s.start)}–${app.time(s.end)}`),
    body: [field(w.toRoom, room)],
    confirm: w.move,
    build: () => ({ type: 'session.move', session: s.id, room: room.value }),
    done: (a, b) => w.movedDone(app.t(s.title), roomName(app, state, b.room), a.version),
  });
}

function openCancel(app, s) {
  const w = app.words;
  const reason = bilingualField(app, w.reason, null, { name: 'reason' });
  commandDialog(app, {
    title: w.cancelTitle(app.t(s.title)), intro: w.cancelIntro,
    body: [reason], confirm: w.cancelSession, danger: true, enterConfirms: false,
    build: () => {
      const b = { type: 'session.cancel', session: s.id };
      const r = reason.value();
      if (r) b.reason = r;
      return b;
    },
    done: a => w.cancelledDone(app.t(s.title), a.version),
  });
}

/** Start, end, restore: one confirmation, Enter confirms. */
function openSimple(app, s, type) {
  const w = app.words;
  const text = w.simple[type];
  commandDialog(app, {
    title: text.title(app.t(s.title)), intro: text.intro(app.time(app.live.eventNow())),
    body: [], confirm: text.confirm, cue: type !== 'session.restore',
    build: () => ({ type, session: s.id }),
    done: a => text.done(app.t(s.title), a.version),
  });
}

export function openSessionAction(app, id, action) {
  const s = find(app, id);
  if (!s) return false;
  const map = {
    start: () => s.status === 'scheduled' && openSimple(app, s, 'session.start'),
    end: () => s.status === 'live' && openSimple(app, s, 'session.end'),
    move: () => openMove(app, s),
    cancel: () => s.status !== 'cancelled' && s.status !== 'ended' && openCancel(app, s),
    restore: () => s.status === 'cancelled' && openSimple(app, s, 'session.restore'),
    edit: () => openEdit(app, s),
  };
  const type = { start: 'session.start', end: 'session.end', move: 'session.move', cancel: 'session.cancel', restore: 'session.restore', edit: 'session.update' }[action];
  if (!type || !app.may(type)) return false;
  return map[action]() !== false;
}

function sessionFields(app, s) {
  const w = app.words;
  const state = app.live.state;
  const zone = state.event.timeZone;
  const kind = select(KINDS.map(k => [k, w.kind[k] || k]), s ? s.type : 'speech', { name: 'kind' });
  const title = bilingualField(app, w.title, s ? s.title : null, { name: 'title', required: true });
  const description = bilingualField(app, w.description, s ? s.description : null, { name: 'description', multiline: true });
  const start = el('input', { type: 'datetime-local', name: 'start', required: true, step: 60 });
  const end = el('input', { type: 'datetime-local', name: 'end', required: true, step: 60 });
  const day = app.day || (state.event.days || [])[0];
  start.value = s ? venueLocal(s.start, zone) : `${day}T09:00`;
  end.value = s ? venueLocal(s.end, zone) : `${day}T09:30`;
  const chosen = new Set(s ? s.speakers || [] : []);
  const boxes = (state.speakers || []).map(sp => {
    const box = el('input', { type: 'checkbox', value: sp.id, checked: chosen.has(sp.id), name: 'speakers' });
    box.id = `sp-${sp.id}-${Math.random().toString(36).slice(2, 7)}`;
    return el('div', { class: 'check' }, box, el('label', { for: box.id }, app.t(sp.name)));
  });
  const speakers = el('fieldset', { class: 'speaker-list' }, el('legend', {}, w.speakers), boxes.length ? boxes : el('p', { class: 'hint' }, w.noSpeakers));
  return {
    kind, title, description, start, end, speakers,
    nodes: [field(w.kindLabel, kind), title, el('div', { class: 'field-row' }, field(w.startAt, start), field(w.endAt, end)), speakers, description],
    speakerIds: () => [...speakers.querySelectorAll('input:checked')].map(b => b.value),
    zone,
  };
}

function openEdit(app, s) {
  const w = app.words;
  const f = sessionFields(app, s);
  commandDialog(app, {
    title: w.editTitle(app.t(s.title)), wide: true, body: f.nodes, confirm: w.save,
    build: () => {
      const b = { type: 'session.update', session: s.id };
      if (f.kind.value !== s.type) b.kind = f.kind.value;
      const title = f.title.value();
      if (!title) throw new FormError(w.titleNeeded);
      if (JSON.stringify(title) !== JSON.stringify(s.title)) b.title = title;
      const description = f.description.value();
      if (JSON.stringify(description || '') !== JSON.stringify(s.description || '') && description !== null) b.description = description;
      if (f.start.value !== venueLocal(s.start, f.zone)) b.start = f.start.value;
      if (f.end.value !== venueLocal(s.end, f.zone)) b.end = f.end.value;
      const ids = f.speakerIds();
      if (ids.join() !== (s.speakers || []).join()) b.speakers = ids;
      if (Object.keys(b).length === 2) throw new FormError(w.nothingChanged);
      return b;
    },
    done: a => w.savedDone(a.version),
  });
}

export function openAddSession(app) {
  const w = app.words;
  const state = app.live.state;
  const f = sessionFields(app, null);
  const room = select(sortedRooms(state).map(r => [r.id, app.t(r.name)]), null, { name: 'room' });
  const id = el('input', { type: 'text', name: 'id', pattern: '[a-z0-9-]{1,64}', autocapitalize: 'none', spellcheck: 'false' });
  f.title.inputs[0].addEventListener('input', () => { if (!id.dataset.touched) id.value = slug(f.title.inputs[0].value); });
  id.addEventListener('input', () => { id.dataset.touched = '1'; });
  commandDialog(app, {
    title: w.addSession, wide: true, body: [...f.nodes.slice(0, 2), field(w.room, room), ...f.nodes.slice(2), field(w.idLabel, id, w.idHint)],
    confirm: w.add,
    build: () => {
      const title = f.title.value();
      if (!title) throw new FormError(w.titleNeeded);
      const sessionId = id.value || slug(typeof title === 'string' ? title : title.en);
      if (!/^[a-z0-9-]{1,64}$/.test(sessionId)) throw new FormError(w.idHint);
      if ((state.sessions || []).some(x => x.id === sessionId)) throw new FormError(w.idTaken(sessionId));
      const b = { type: 'session.add', session: sessionId, kind: f.kind.value, room: room.value, title, start: f.start.value, end: f.end.value };
      const description = f.description.value();
      if (description) b.description = description;
      const ids = f.speakerIds();
      if (ids.length) b.speakers = ids;
      return b;
    },
    done: a => w.addedDone(a.version),
  });
}

export function slug(text) {
  return String(text || '').toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 64);
}

function find(app, id) {
  return ((app.live.state && app.live.state.sessions) || []).find(x => x.id === id) || null;
}
