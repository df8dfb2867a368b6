// The staff console: log in, then one page that runs the event live. This module boots it, holds
// what every view shares (the live state, who is logged in, the language) and draws the frame:
// the top bar (clock, connection, undo, account), the views, the toasts.
import { coalesced, connectLive } from './live.js';
import { el, fmtTime, t } from './text.js';
import { ApiError, get, onLoggedOut, setCsrf } from './console-api.js';
import { WORDS } from './console-words.js';
import { may, readCatalogue } from './console-catalogue.js';
import { showGate } from './console-login.js';
import { agendaView } from './console-agenda.js';
import { noticesView } from './console-notices.js';
import { cuesView } from './console-cues.js';
import { awardsView } from './console-awards.js';
import { screensView, syncPreview } from './console-screens.js';
import { deliveriesView } from './console-deliveries.js';
import { pickCue } from './console-cue-editor.js';
import { openSwitcher } from './console-rehearsal.js';
import { eventView } from './console-event.js';
import { accountsView, openMe } from './console-accounts.js';
import { changeLog, logView, openUndo } from './console-log.js';
import { renderClock } from './console-clock.js';
import { handleKey, openPalette } from './console-palette.js';

const LOGGED_IN = 'podium.console.loggedIn';
const LANG = 'podium.console.lang';
const EVENT = 'podium.console.event';
const VIEWS = [agendaView, cuesView, noticesView, awardsView, screensView, deliveriesView, eventView, accountsView, logView];
const $ = id => document.getElementById(id);

const app = {
  slug: null,
  live: null,
  me: null,
  catalogue: null, // the hub's commands: roles and ranges (console-catalogue.js)
  lang: stored(LANG) || ((navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en'),
  get words() { return WORDS[app.lang] || WORDS.en; },
  view: 'agenda',
  selected: null, // the session the panel shows
  day: null,
  status: null,
  log: null,
  render: null,
  may: type => may(app.catalogue, app.me, type),
  /** {min, max} of a whole-number field of a command, as the hub checks it. */
  range: (type, field) => app.catalogue.range(type, field),
  t: text => t(text, app.lang),
  zone: () => (app.live && app.live.state ? app.live.state.event.timeZone : undefined),
  time: instant => fmtTime(instant, app.zone(), app.lang),
  toast,
  /** "Add to a cue…" in a form: the command goes into a cue (chosen next) instead of being sent. */
  addToCue: body => pickCue(app, body),
  go(view) {
    const entered = VIEWS.find(v => v.id === view);
    if (entered && entered.enter && view !== app.view) entered.enter(app);
    app.view = view;
    render();
    $('view').focus({ preventScroll: true });
  },
  select(id) {
    app.selected = id;
    app.view = 'agenda';
    render();
    // Upright on a tablet the panel is under the grid: bring it into sight.
    if (id && matchMedia('(max-width: 899px)').matches) {
      const side = document.querySelector('.session-side');
      if (side) side.scrollIntoView({ block: 'start', behavior: 'smooth' });
    }
  },
  setLang(lang) {
    app.lang = lang;
    save(LANG, lang);
    render();
  },
  loggedOut(ended) {
    forgetLogin();
    const query = new URLSearchParams();
    if (app.slug) query.set('event', app.slug);
    if (ended) query.set('ended', '1');
    location.replace(`${location.pathname}${query.toString() ? `?${query}` : ''}`);
  },
};
window.podiumConsole = app;

boot();

async function boot() {
  const setup = /^#setup=(.+)$/.exec(location.hash);
  if (setup) {
    gate('setup', { token: decodeURIComponent(setup[1]) });
    return;
  }
  // No login yet on this browser: show the form without asking (a 401 would be logged as an error).
  if (!stored(LOGGED_IN)) {
    gate('login', { ended: new URLSearchParams(location.search).has('ended') });
    return;
  }
  try {
    await enter();
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      forgetLogin();
      gate('login', { ended: true });
    } else {
      gate('login', { error: e });
    }
  }
}

function gate(mode, opts) {
  document.documentElement.lang = app.lang === 'zh' ? 'zh-CN' : 'en';
  $('app').classList.add('hidden');
  showGate($('gate'), app, mode, { ...opts, done: enter });
}

/** Logged in: who we are and the hub's catalogue of commands, asked together, then the console. */
async function enter() {
  const [me, catalogue] = await Promise.all([get('/api/me'), get('/api/catalogue')]);
  start(me, readCatalogue(catalogue));
}

async function start(me, catalogue) {
  app.me = me;
  app.catalogue = catalogue;
  setCsrf(me.csrf);
  save(LOGGED_IN, '1');
  onLoggedOut(() => app.loggedOut(true));
  $('gate').classList.add('hidden');
  $('gate').replaceChildren();
  $('app').classList.remove('hidden');
  app.slug = await chooseEvent();
  save(EVENT, app.slug);
  guardCache(me);
  app.live = connectLive({ event: app.slug, channels: ['staff'] });
  window.podiumLive = app.live;
  app.render = coalesced(render);
  app.log = changeLog(app);
  app.live.subscribe((state, change) => {
    app.log.heard(change);
    app.render();
  });
  let wasOnline = false;
  app.live.onStatus(s => {
    const back = s.online && !wasOnline && app.status !== null;
    app.status = s;
    wasOnline = s.online;
    renderStatus();
    // The socket reconnects after a role change or a withdrawn login: ask who we are now.
    if (back || (s.error && s.error.code === 'unauthorized')) recheckMe();
  });
  wireFrame();
  render();
  setInterval(() => renderClock($('clock'), app), 1_000);
  // Expiries and "now" move with the clock even when nothing is pushed.
  setInterval(() => app.render(), 30_000);
}

async function chooseEvent() {
  const asked = new URLSearchParams(location.search).get('event');
  if (asked) return asked;
  try {
    const { events } = await get('/api/events');
    const last = stored(EVENT);
    if (events.some(e => e.slug === last)) return last;
    if (events.length) return events[0].slug;
  } catch (e) {
    // Out of reach: the last event used, or the demo.
  }
  return stored(EVENT) || 'baotou-2023';
}

/**
 * live.js keeps the staff state in localStorage to start offline. It may hold embargoed results:
 * another account on this browser (or this one with a lesser role) must never resume from it.
 */
function guardCache(me) {
  const ownerKey = `podium.console.cacheOwner.${app.slug}`;
  const owner = `${me.actor}|${me.role}`;
  if (stored(ownerKey) !== owner) {
    remove(`podium.live.${app.slug}.staff`);
    save(ownerKey, owner);
  }
}

async function recheckMe() {
  if (app.leaving) return;
  try {
    const me = await get('/api/me');
    if (me.role !== app.me.role || me.actor !== app.me.actor) {
      // A new role sees another audience: start over from a clean state.
      remove(`podium.live.${app.slug}.staff`);
      location.reload();
      return;
    }
    app.me = me;
    setCsrf(me.csrf);
  } catch (e) {
    // 401 logs out (console-api); anything else: live.js keeps trying.
  }
}

function forgetLogin() {
  remove(LOGGED_IN);
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (key && /^podium\.live\..*\.staff$/.test(key)) remove(key);
  }
}

function wireFrame() {
  $('undo').addEventListener('click', () => openUndo(app));
  $('palette-open').addEventListener('click', () => openPalette(app));
  $('lang-toggle').addEventListener('click', () => app.setLang(app.lang === 'zh' ? 'en' : 'zh'));
  $('me').addEventListener('click', () => openMe(app));

  document.addEventListener('keydown', e => handleKey(app, e));
}

function render() {
  const w = app.words;
  document.documentElement.lang = app.lang === 'zh' ? 'zh-CN' : 'en';
  const state = app.live.state;
  if (state) {
    const title = app.t(state.event.title);
    const rehearsal = !!state.event.rehearsalOf;
    $('event-title').textContent = title;
    document.title = `${rehearsal ? `${w.rehearsalBadge} · ` : ''}${w.console} · ${title}`;
    $('event-meta').textContent = [app.t(state.event.venue), (state.event.days || []).join(', '), state.event.slug]
      .filter(Boolean).join(' · ');
    // A rehearsal copy looks like no real event: another colour and the word, in the top bar.
    $('app').classList.toggle('rehearsal', rehearsal);
    $('rehearsal-badge').classList.toggle('hidden', !rehearsal);
    $('rehearsal-badge').replaceChildren(...(rehearsal ? [el('strong', { class: 'rehearsal-word' }, w.rehearsalBadge), ' ',
      el('span', {}, w.rehearsalOf(state.event.rehearsalOf))] : []));
  }

  $('undo').textContent = w.undoLast;
  $('undo').setAttribute('aria-keyshortcuts', 'Alt+Z');
  $('palette-open').textContent = w.paletteButton;
  $('lang-toggle').textContent = w.langToggle;
  $('lang-toggle').lang = app.lang === 'zh' ? 'en' : 'zh-CN';
  $('me').textContent = `${app.me.name} · ${w.role[app.me.role] || app.me.role}`;
  $('views').setAttribute('aria-label', w.views);
  renderClock($('clock'), app);
  renderStatus();
  renderEmergency();
  const views = VIEWS.filter(v => !v.visible || v.visible(app));
  if (!views.some(v => v.id === app.view)) app.view = 'agenda';
  $('views').replaceChildren(...views.map(v => el('button', {
    type: 'button', class: ['tab', v.id === app.view && 'active'], 'data-view': v.id,
    'aria-current': v.id === app.view ? 'page' : null, onclick: () => app.go(v.id),
  }, v.label(w))), el('button', {
    type: 'button', class: ['btn', 'btn-small', 'event-switch'], id: 'event-switch', 'aria-haspopup': 'dialog', onclick: () => openSwitcher(app),
  }, w.switchEvent));
  const view = views.find(v => v.id === app.view);
  keepFocusAndScroll($('view'), () => $('view').replaceChildren(state ? view.render(app) : el('p', { class: 'empty' }, w.loading)));
  syncPreview(app);
}

/** Views are drawn anew on every change: keep the focused control and the scroll positions. */
function keepFocusAndScroll(root, draw) {
  const active = document.activeElement;
  const focusKey = active && root.contains(active) ? active.getAttribute('data-key') : null;
  const scrolls = new Map();
  root.querySelectorAll('[data-scroll]').forEach(n => scrolls.set(n.getAttribute('data-scroll'), [n.scrollTop, n.scrollLeft]));
  draw();
  root.querySelectorAll('[data-scroll]').forEach(n => {
    const s = scrolls.get(n.getAttribute('data-scroll'));
    if (s) [n.scrollTop, n.scrollLeft] = s;
  });
  if (focusKey) {
    const again = root.querySelector(`[data-key="${CSS.escape(focusKey)}"]`);
    if (again) again.focus({ preventScroll: true });
  }
}

function renderStatus() {
  const w = app.words;
  const box = $('connection');
  const s = app.status;
  const version = app.live && app.live.version !== null ? w.version(app.live.version) : '';
  box.classList.toggle('online', !!(s && s.online));
  box.classList.toggle('offline', !!(s && !s.online && !s.connecting));
  let text;
  if (!s || s.connecting) text = w.connecting;
  else if (s.online) text = w.online;
  else text = w.offline(fmtTime(s.since, app.zone(), app.lang));
  box.textContent = [text, version].filter(Boolean).join(' · ');
  if (s && s.error && !s.online) box.title = s.error.message || '';
}

function renderEmergency() {
  const w = app.words;
  const banner = $('emergency-banner');
  const notice = app.live.state && app.live.state.notice;
  banner.classList.toggle('hidden', !notice);
  banner.replaceChildren(...(notice ? [
    el('strong', {}, w.emergencyOn), ' ', el('span', { class: 'emergency-text' }, app.t(notice.text)),
    el('button', { type: 'button', class: ['btn', 'btn-small'], onclick: () => app.go('notices') }, w.manage),
  ] : []));
}

function toast(text, kind = 'ok') {
  const box = $('toasts');
  const item = el('div', { class: ['toast', `toast-${kind}`], role: kind === 'error' ? 'alert' : null },
    el('span', {}, text),
    el('button', { type: 'button', class: 'toast-close', 'aria-label': app.words.dismiss, onclick: () => item.remove() }, '×'));
  box.appendChild(item);
  while (box.children.length > 2) box.firstChild.remove();
  // A failure stays until dismissed: never a silent one.
  if (kind !== 'error') setTimeout(() => item.remove(), 5_000);
}

function stored(key) {
  try {
    return localStorage.getItem(key);
  } catch (e) {
    return null;
  }
}

function save(key, value) {
  try {
    localStorage.setItem(key, value);
  } catch (e) {
    // No storage: the choice lasts for this visit.
  }
}

function remove(key) {
  try {
    localStorage.removeItem(key);
  } catch (e) {
    // Nothing stored, nothing to forget.
  }
}
