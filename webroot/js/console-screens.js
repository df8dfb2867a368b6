// Screens: the fleet (online or not, last seen, the version each shows and its lag), pairing a new
// screen by the code it shows, naming and assigning it, reload and identify, and a live preview of
// what a chosen screen shows: /screen.html with its room, layout and language, scaled down.
import { el } from './text.js';
import { get } from './console-api.js';
import { bilingualField, field, select } from './console-dialog.js';
import { commandDialog, FormError, sendNow } from './console-command.js';
import { roomName, sortedRooms } from './console-names.js';

const POLL_MS = 10_000;
const LAYOUTS = ['room', 'stage', 'foyer', 'timer'];
const LANGS = ['zh-en', 'en-zh', 'zh', 'en'];

export const screensView = { id: 'screens', label: w => w.screens, render };

const fleet = { screens: [], loadedAt: 0, loading: false, failed: null, version: null, timer: null, preview: null };

async function load(app) {
  if (fleet.loading) return;
  fleet.loading = true;
  try {
    const answer = await get(`/api/events/${encodeURIComponent(app.slug)}/screens`);
    fleet.screens = answer.screens || [];
    fleet.version = answer.version;
    fleet.failed = null;
  } catch (e) {
    fleet.failed = e;
  } finally {
    fleet.loading = false;
    fleet.loadedAt = Date.now();
    app.render();
  }
}

/** The fleet's presence, with each screen's assignment as the live state has it (newer, on a change). */
function screens(app) {
  const live = (app.live.state.screens || []);
  const byId = new Map(fleet.screens.map(s => [s.screen, { ...s }]));
  for (const s of live) byId.set(s.screen, { ...(byId.get(s.screen) || {}), ...s });
  return [...byId.values()].sort((a, b) => String(a.name && app.t(a.name) || a.screen).localeCompare(String(b.name && app.t(b.name) || b.screen)));
}

function render(app) {
  const w = app.words;
  const state = app.live.state;
  if (!fleet.timer) {
    fleet.timer = setInterval(() => { if (app.view === 'screens') load(app); }, POLL_MS);
    app.live.subscribe((s, change) => { if (change && change.kind && change.kind.startsWith('screen.')) load(app); });
  }
  if (!fleet.loading && Date.now() - fleet.loadedAt > POLL_MS) load(app);
  const may = app.may('screen.assign');
  const list = screens(app);
  if (!fleet.preview && list.length) fleet.preview = list[0].screen;
  const rows = list.map(s => {
    const lag = typeof s.lag === 'number' ? s.lag : null;
    return el('tr', { 'data-screen': s.screen, class: [s.online ? 'online' : 'offline', fleet.preview === s.screen && 'previewed'] },
      el('td', {}, el('strong', {}, app.t(s.name) || w.unnamed), el('br'), el('span', { class: ['hint', 'mono'] }, s.screen)),
      el('td', {}, s.room ? roomName(app, state, s.room) : '—'),
      el('td', {}, s.layout ? w.layout[s.layout] || s.layout : '—'),
      el('td', {}, s.lang || '—'),
      el('td', {}, el('span', { class: ['badge', s.online ? 'badge-live' : 'badge-offline'] }, s.online ? w.online : w.offlineShort)),
      el('td', { class: 'num' }, s.lastSeen ? ago(app, s.lastSeen) : '—'),
      el('td', { class: ['num', lag && lag > 0 && 'lagging'] }, s.versionShown !== null && s.versionShown !== undefined ? `${s.versionShown}${lag ? ` (−${lag})` : ''}` : '—'),
      el('td', { class: 'row-actions' },
        el('button', { type: 'button', class: ['btn', 'btn-small'], 'data-action': 'preview', 'data-key': `preview-${s.screen}`, 'aria-pressed': String(fleet.preview === s.screen), onclick: () => { fleet.preview = s.screen; app.render(); } }, w.preview),
        may && el('button', { type: 'button', class: ['btn', 'btn-small'], 'data-action': 'assign', 'data-key': `assign-${s.screen}`, onclick: () => openAssign(app, s) }, w.assign),
        may && el('button', { type: 'button', class: ['btn', 'btn-small'], 'data-action': 'identify', 'data-key': `identify-${s.screen}`,
          onclick: e => sendNow(app, `identify:${s.screen}`, { type: 'screen.identify', screen: s.screen }, a => w.identifyDone(app.t(s.name) || s.screen, a.version), e.currentTarget) }, w.identify),
        may && el('button', { type: 'button', class: ['btn', 'btn-small'], 'data-action': 'reload', 'data-key': `reload-${s.screen}`,
          onclick: e => sendNow(app, `reload:${s.screen}`, { type: 'screen.reload', screen: s.screen }, a => w.reloadDone(app.t(s.name) || s.screen, a.version), e.currentTarget) }, w.reload)));
  });
  return el('section', { class: 'screens-view' },
    el('div', { class: 'toolbar' },
      el('h2', { class: 'toolbar-title' }, w.fleet),
      el('span', { class: 'hint' }, w.fleetSummary(list.filter(s => s.online).length, list.length)),
      el('span', { class: 'spacer' }),
      app.may('screen.pair') && el('button', { type: 'button', class: ['btn', 'btn-primary'], 'data-action': 'pair', onclick: () => openPair(app) }, w.pairScreen)),
    fleet.failed && el('p', { class: 'error-text', role: 'alert' }, w.fleetFailed),
    el('div', { class: 'table-scroll', 'data-scroll': 'fleet' },
        el('table', { class: ['data-table', 'fleet-table'] },
          el('caption', { class: 'visually-hidden' }, w.fleet),
          el('thead', {}, el('tr', {}, [w.screenCol, w.room, w.layoutCol, w.langCol, w.statusCol, w.lastSeen, w.versionShown, w.actionsCol]
            .map(h => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: 8, class: 'empty' }, w.noScreens))))));
}

function ago(app, iso) {
  const s = Math.max(0, Math.round((app.live.now() - Date.parse(iso)) / 1000));
  return app.words.ago(s);
}

/**
 * The preview dock beside the fleet (console.html #preview-dock): it lives outside the view, which
 * is drawn anew on every change, because moving an iframe in the page would reload it.
 */
export function syncPreview(app) {
  const dock = document.getElementById('preview-dock');
  const w = app.words;
  const on = app.view === 'screens' && !!app.live.state;
  dock.classList.toggle('hidden', !on);
  document.getElementById('app').classList.toggle('with-preview', on);
  if (!on) {
    // A hidden preview is still a live client: the delivery report would count it as a phone.
    const box = dock.querySelector('.preview-box');
    if (box && box.firstChild) box.replaceChildren();
    return;
  }
  const s = screens(app).find(x => x.screen === fleet.preview);
  if (!dock.firstChild) {
    dock.append(el('h2', { class: 'panel-heading', id: 'preview-heading' }), el('p', { class: ['hint', 'preview-what'] }),
      el('div', { class: 'preview-box' }));
    dock.setAttribute('aria-labelledby', 'preview-heading');
  }
  dock.querySelector('#preview-heading').textContent = w.livePreview;
  dock.querySelector('.preview-what').textContent = s && s.layout
    ? `${app.t(s.name) || s.screen}: ${s.room ? roomName(app, app.live.state, s.room) : '—'} · ${w.layout[s.layout] || s.layout} · ${s.lang || 'zh-en'}`
    : w.noPreview;
  const box = dock.querySelector('.preview-box');
  const src = s && s.layout ? `/screen.html?${new URLSearchParams({ event: app.slug, room: s.room || '', layout: s.layout, lang: s.lang || 'zh-en' })}` : null;
  const frame = box.querySelector('iframe');
  if (!src) {
    box.replaceChildren();
  } else if (!frame || frame.dataset.src !== src) {
    box.replaceChildren(el('iframe', { class: 'preview-frame', src, 'data-src': src, tabindex: '-1', title: w.previewOf(app.t(s.name) || s.screen) }));
  }
}

function rooms(app) {
  return sortedRooms(app.live.state).map(r => [r.id, app.t(r.name)]);
}

function openPair(app) {
  const w = app.words;
  const code = el('input', { type: 'text', name: 'code', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: 12, class: 'code-input', 'data-field': 'code' });
  const room = select(rooms(app), null, { name: 'room' });
  const layout = select(LAYOUTS.map(l => [l, w.layout[l]]), 'room', { name: 'layout' });
  const lang = select(LANGS.map(l => [l, l]), 'zh-en', { name: 'lang' });
  const name = bilingualField(app, w.screenName, null, { name: 'screen-name' });
  commandDialog(app, {
    title: w.pairScreen, intro: w.pairIntro,
    body: [field(w.pairCode, code), field(w.room, room), field(w.layoutCol, layout), field(w.langCol, lang), name],
    confirm: w.pair,
    build: () => {
      const value = code.value.replace(/\s+/g, '').toUpperCase();
      if (!value) throw new FormError(w.codeNeeded);
      const b = { type: 'screen.pair', code: value, room: room.value, layout: layout.value, lang: lang.value };
      const n = name.value();
      if (n) b.name = n;
      return b;
    },
    done: a => w.pairedDone(a.version),
  });
}

function openAssign(app, s) {
  const w = app.words;
  const room = select(rooms(app), s.room, { name: 'room' });
  const layout = select(LAYOUTS.map(l => [l, w.layout[l]]), s.layout || 'room', { name: 'layout' });
  const lang = select(LANGS.map(l => [l, l]), s.lang || 'zh-en', { name: 'lang' });
  const name = bilingualField(app, w.screenName, s.name, { name: 'screen-name' });
  commandDialog(app, {
    title: w.assignTitle(app.t(s.name) || s.screen),
    body: [name, field(w.room, room), field(w.layoutCol, layout), field(w.langCol, lang)],
    confirm: w.save,
    build: () => {
      const b = { type: 'screen.assign', screen: s.screen };
      if (room.value !== s.room) b.room = room.value;
      if (layout.value !== s.layout) b.layout = layout.value;
      if (lang.value !== s.lang) b.lang = lang.value;
      const n = name.value();
      if (n && JSON.stringify(n) !== JSON.stringify(s.name)) b.name = n;
      if (Object.keys(b).length === 2) throw new FormError(w.nothingChanged);
      return b;
    },
    done: a => w.assignedDone(a.version),
  });
}
