// The event itself: its settings (title, venue, zone, days), its rooms and speakers, and for admins
// the list of events, a switch between them, a new one and a schedule file imported (console-import.js).
// The published schedule it follows has its own panel (console-follow.js).
import { el } from './text.js';
import { get, post } from './console-api.js';
import { bilingualField, field, openDialog, select } from './console-dialog.js';
import { commandDialog, FormError } from './console-command.js';
import { sortedRooms } from './console-names.js';
import { slug } from './console-session.js';
import { openImport } from './console-import.js';
import { importWords } from './console-import-words.js';
import { followCard } from './console-follow.js';

const ROOM_KINDS = ['hall', 'forum', 'expo', 'room'];

export const eventView = { id: 'event', label: w => w.eventTab, render, enter: () => { events.list = null; } };

const events = { list: null, loading: false, imported: null, wait: 0 };

async function loadEvents(app) {
  if (events.loading) return;
  events.loading = true;
  try {
    events.list = (await get('/api/events')).events || [];
  } catch (e) {
    events.list = events.list || [];
  } finally {
    events.loading = false;
    // A new event reaches the list once every node has loaded it (within a second): ask again until then.
    if (events.imported && events.wait > 0 && !events.list.some(e => e.slug === events.imported)) {
      events.wait--;
      setTimeout(() => { events.list = null; app.render(); }, 250);
    }
    app.render();
  }
}

function render(app) {
  const w = app.words;
  const state = app.live.state;
  const ev = state.event;
  if (events.list === null) loadEvents(app);
  const settings = el('section', { class: 'card', 'aria-labelledby': 'ev-h' },
    el('div', { class: 'card-head' }, el('h2', { id: 'ev-h' }, w.eventSettings),
      app.may('event.update') && el('button', { type: 'button', class: 'btn', 'data-action': 'edit-event', onclick: () => openEventSettings(app) }, w.edit)),
    el('dl', { class: 'facts' },
      el('dt', {}, w.title), el('dd', { 'data-fact': 'title' }, app.t(ev.title)),
      el('dt', {}, w.venue), el('dd', { 'data-fact': 'venue' }, app.t(ev.venue) || '—'),
      el('dt', {}, w.timeZone), el('dd', {}, ev.timeZone),
      el('dt', {}, w.daysLabel), el('dd', {}, (ev.days || []).join(', ')),
      el('dt', {}, w.slugLabel), el('dd', { class: 'mono' }, ev.slug)));
  const mayRoom = app.may('room.add');
  const rooms = el('section', { class: 'card', 'aria-labelledby': 'rooms-h' },
    el('div', { class: 'card-head' }, el('h2', { id: 'rooms-h' }, w.rooms),
      mayRoom && el('button', { type: 'button', class: 'btn', 'data-action': 'add-room', onclick: () => openRoom(app, null) }, w.addRoom)),
    el('table', { class: 'data-table' },
      el('thead', {}, el('tr', {}, [w.name, w.kindLabel, w.position, w.actionsCol].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, sortedRooms(state).map(r => el('tr', { 'data-room': r.id },
        el('td', {}, app.t(r.name), el('br'), el('span', { class: ['hint', 'mono'] }, r.id)),
        el('td', {}, w.roomKind[r.kind] || r.kind),
        el('td', { class: 'num' }, String(r.position ?? '')),
        el('td', {}, app.may('room.update') && el('button', { type: 'button', class: ['btn', 'btn-small'], 'data-key': `room-${r.id}`, onclick: () => openRoom(app, r) }, w.edit)))))));
  const speakers = el('section', { class: 'card', 'aria-labelledby': 'sp-h' },
    el('div', { class: 'card-head' }, el('h2', { id: 'sp-h' }, w.speakers),
      app.may('speaker.add') && el('button', { type: 'button', class: 'btn', 'data-action': 'add-speaker', onclick: () => openSpeaker(app, null) }, w.addSpeaker)),
    el('div', { class: ['table-scroll', 'short'], 'data-scroll': 'speakers' },
      el('table', { class: 'data-table' },
        el('thead', {}, el('tr', {}, [w.name, w.speakerTitle, w.affiliation, w.actionsCol].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, (state.speakers || []).map(sp => el('tr', { 'data-speaker': sp.id },
          el('td', {}, app.t(sp.name)), el('td', {}, app.t(sp.title)), el('td', {}, app.t(sp.affiliation)),
          el('td', {}, app.may('speaker.update') && el('button', { type: 'button', class: ['btn', 'btn-small'], 'data-key': `speaker-${sp.id}`, onclick: () => openSpeaker(app, sp) }, w.edit))))))));
  const list = el('section', { class: 'card', 'aria-labelledby': 'events-h' },
    el('div', { class: 'card-head' }, el('h2', { id: 'events-h' }, w.events),
      app.me.role === 'admin' && el('div', { class: 'card-actions' },
        el('button', { type: 'button', class: 'btn', 'data-action': 'import-schedule', 'aria-haspopup': 'dialog', onclick: () => openImport(app, { done: imported }) }, importWords(app).importSchedule),
        el('button', { type: 'button', class: 'btn', 'data-action': 'create-event', onclick: () => openCreateEvent(app) }, w.createEvent))),
    el('ul', { class: 'event-list' }, (events.list || []).map(e => el('li', { 'data-event': e.slug },
      e.slug === app.slug ? el('strong', {}, app.t(e.title), ' ', el('span', { class: 'hint' }, w.current))
        : el('a', { href: `console.html?event=${encodeURIComponent(e.slug)}` }, app.t(e.title)),
      ' ', el('span', { class: ['hint', 'mono'] }, e.slug),
      e.slug === events.imported && el('span', { class: ['badge', 'badge-imported'] }, importWords(app).justImported)))));
  return el('div', { class: 'columns', 'data-scroll': 'event' }, settings, followCard(app), rooms, speakers, list);

  /** An import made or replaced an event: the list is read again, and marks it. */
  function imported(answer) {
    events.imported = answer.event;
    events.wait = 20;
    events.list = null;
    app.render();
  }
}

function openEventSettings(app) {
  const w = app.words;
  const ev = app.live.state.event;
  const title = bilingualField(app, w.title, ev.title, { name: 'event-title', required: true });
  const venue = bilingualField(app, w.venue, ev.venue, { name: 'venue' });
  const zone = el('input', { type: 'text', name: 'timeZone', value: ev.timeZone, spellcheck: 'false' });
  const days = el('input', { type: 'text', name: 'days', value: (ev.days || []).join(', '), spellcheck: 'false' });
  commandDialog(app, {
    title: w.eventSettings, wide: true,
    body: [title, venue, field(w.timeZone, zone, w.timeZoneHint), field(w.daysLabel, days, w.daysHint)],
    confirm: w.save,
    build: () => {
      const b = { type: 'event.update' };
      const t = title.value();
      if (!t) throw new FormError(w.titleNeeded);
      if (JSON.stringify(t) !== JSON.stringify(ev.title)) b.title = t;
      const v = venue.value();
      if (v && JSON.stringify(v) !== JSON.stringify(ev.venue)) b.venue = v;
      if (zone.value.trim() !== ev.timeZone) b.timeZone = zone.value.trim();
      const d = parseDays(days.value, w);
      if (d.join() !== (ev.days || []).join()) b.days = d;
      if (Object.keys(b).length === 1) throw new FormError(w.nothingChanged);
      return b;
    },
    done: a => w.savedDone(a.version),
  });
}

function parseDays(text, w) {
  const days = text.split(/[\s,]+/).filter(Boolean);
  if (!days.length || days.some(d => !/^\d{4}-\d\d-\d\d$/.test(d))) throw new FormError(w.daysHint);
  return days;
}

function openRoom(app, r) {
  const w = app.words;
  const name = bilingualField(app, w.name, r ? r.name : null, { name: 'room-name', required: true });
  const kind = select(ROOM_KINDS.map(k => [k, w.roomKind[k]]), r ? r.kind : 'forum', { name: 'kind' });
  const position = el('input', { type: 'number', name: 'position', min: 0, step: 1, value: r ? r.position ?? 0 : (app.live.state.rooms || []).length });
  const id = el('input', { type: 'text', name: 'room-id', autocapitalize: 'none', spellcheck: 'false' });
  if (!r) name.inputs[0].addEventListener('input', () => { if (!id.dataset.touched) id.value = slug(name.inputs[0].value); });
  id.addEventListener('input', () => { id.dataset.touched = '1'; });
  commandDialog(app, {
    title: r ? w.editRoom : w.addRoom,
    body: [name, field(w.kindLabel, kind), r && field(w.position, position), !r && field(w.idLabel, id, w.idHint)],
    confirm: r ? w.save : w.add,
    build: () => {
      const n = name.value();
      if (!n) throw new FormError(w.nameNeeded);
      if (r) {
        const b = { type: 'room.update', room: r.id };
        if (JSON.stringify(n) !== JSON.stringify(r.name)) b.name = n;
        if (kind.value !== r.kind) b.kind = kind.value;
        if (Number(position.value) !== (r.position ?? 0)) b.position = Number(position.value);
        if (Object.keys(b).length === 2) throw new FormError(w.nothingChanged);
        return b;
      }
      const roomId = id.value || slug(typeof n === 'string' ? n : n.en);
      if (!/^[a-z0-9-]{1,64}$/.test(roomId)) throw new FormError(w.idHint);
      return { type: 'room.add', room: roomId, name: n, kind: kind.value };
    },
    done: a => w.savedDone(a.version),
  });
}

function openSpeaker(app, sp) {
  const w = app.words;
  const name = bilingualField(app, w.name, sp ? sp.name : null, { name: 'speaker-name', required: true });
  const title = bilingualField(app, w.speakerTitle, sp ? sp.title : null, { name: 'speaker-title' });
  const affiliation = bilingualField(app, w.affiliation, sp ? sp.affiliation : null, { name: 'affiliation' });
  const id = el('input', { type: 'text', name: 'speaker-id', autocapitalize: 'none', spellcheck: 'false' });
  if (!sp) name.inputs[0].addEventListener('input', () => { if (!id.dataset.touched) id.value = slug(name.inputs[0].value); });
  id.addEventListener('input', () => { id.dataset.touched = '1'; });
  commandDialog(app, {
    title: sp ? w.editSpeaker : w.addSpeaker, wide: true,
    body: [name, title, affiliation, !sp && field(w.idLabel, id, w.idHint)],
    confirm: sp ? w.save : w.add,
    build: () => {
      const n = name.value();
      if (!n) throw new FormError(w.nameNeeded);
      const b = { type: sp ? 'speaker.update' : 'speaker.add', speaker: sp ? sp.id : id.value || slug(typeof n === 'string' ? n : n.en) };
      if (!/^[a-z0-9-]{1,64}$/.test(b.speaker)) throw new FormError(w.idHint);
      const same = (a, c) => JSON.stringify(a || null) === JSON.stringify(c || null);
      if (!sp || !same(n, sp.name)) b.name = n;
      const t = title.value();
      const a = affiliation.value();
      if (t && (!sp || !same(t, sp.title))) b.title = t;
      if (a && (!sp || !same(a, sp.affiliation))) b.affiliation = a;
      if (sp && Object.keys(b).length === 2) throw new FormError(w.nothingChanged);
      return b;
    },
    done: ans => w.savedDone(ans.version),
  });
}

/** POST /api/events (admin): not a command of an event, so no key; a retry after a lost answer gets duplicate_id. */
function openCreateEvent(app) {
  const w = app.words;
  const title = bilingualField(app, w.title, null, { name: 'new-title', required: true });
  const venue = bilingualField(app, w.venue, null, { name: 'new-venue' });
  const slugInput = el('input', { type: 'text', name: 'slug', autocapitalize: 'none', spellcheck: 'false' });
  const zone = el('input', { type: 'text', name: 'timeZone', value: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC', spellcheck: 'false' });
  const days = el('input', { type: 'text', name: 'days', spellcheck: 'false' });
  title.inputs[0].addEventListener('input', () => { if (!slugInput.dataset.touched) slugInput.value = slug(title.inputs[0].value); });
  slugInput.addEventListener('input', () => { slugInput.dataset.touched = '1'; });
  openDialog(app, {
    title: w.createEvent, wide: true,
    body: [title, venue, field(w.slugLabel, slugInput, w.idHint), field(w.timeZone, zone, w.timeZoneHint), field(w.daysLabel, days, w.daysHint)],
    confirm: {
      label: w.createEvent,
      run: async () => {
        const t = title.value();
        if (!t) throw new FormError(w.titleNeeded);
        const s = slugInput.value.trim();
        if (!/^[a-z0-9-]{1,64}$/.test(s)) throw new FormError(w.idHint);
        const body = { slug: s, title: typeof t === 'string' ? { en: t, zh: t } : t, timeZone: zone.value.trim(), days: parseDays(days.value, w) };
        const v = venue.value();
        body.venue = !v ? { en: '', zh: '' } : typeof v === 'string' ? { en: v, zh: v } : v;
        await post('/api/events', body);
        events.list = null;
        app.render();
        return w.eventCreated(s);
      },
    },
  });
}
