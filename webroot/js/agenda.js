// The attendee page: the live state of one event on a phone, in English or Chinese. It follows
// the hub through live.js, remembers what changed and what is starred on the device, and opens
// offline from the service worker's copy with the last state live.js cached.
//
// On a phone with nothing cached, each round trip counts (3 of them before it is live; docs/BENCHMARKS.md,
// "Phone on venue Wi-Fi"): the page, with the event's state in it (first-state); then this module
// with live.js's and running-late.js (the page preloads them), which opens the socket at once; then, while the socket
// comes up, the modules of the first paint, all asked for together. What the first paint does not
// need (the change log and its words, alerts, Web Push, session links, the zone note) comes after
// it, and what waits for it (the change log's entries, announcements, the push sync) is held till then.
import { clockAt, coalesced, connectLive } from './live.js';

const TABS = ['home', 'agenda', 'changes', 'starred'];
const SEEN_AFTER_MS = 2000;
const params = new URLSearchParams(location.search);
// The home-screen icon opens index.html bare: it shows the event this phone last opened.
const event = params.get('event') || storedEvent() || 'baotou-2023';
const live = connectLive({ event, channels: ['public'], first: pageState(event) });
window.podiumLive = live;
// What this device last saw, for "since you were last here" (not the state the page came with):
// taken now, before the socket can bring anything newer.
const lastSeen = live.restored ? live.state : null;
const handOver = holdBack(live);

const [{ fmtDate, fmtTime, t }, { LABELS }, { read, write }, { renderCountdown, renderHome },
  { dayOf, renderAgenda, renderStarred }, { nowAndNext }] = await Promise.all([
  import('./text.js'), import('./agenda-labels.js'), import('./agenda-store.js'), import('./agenda-home.js'),
  import('./agenda-list.js'), import('./agenda-session.js')]);
// Asked for now, so that they come right behind the first paint's.
const afterFirstPaint = Promise.all([import('./agenda-changes.js'), import('./agenda-change-words.js'),
  import('./agenda-alerts.js'), import('./agenda-zone.js'), import('./agenda-push.js'),
  import('./agenda-push-offer.js'), import('./agenda-link.js')]);

const keys = { stars: `podium.stars.${event}`, synced: `podium.synced.${event}` };
const wide = matchMedia('(min-width: 1000px)');
const $ = id => document.getElementById(id);

const urlLang = ['en', 'zh'].includes(params.get('lang')) ? params.get('lang') : null;
const prefs = {
  lang: urlLang || read('podium.lang', null) || ((navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en'),
  view: read('podium.agenda.view', 'time'),
  day: null,
};
write('podium.event', event);
const stars = new Set(read(keys.stars, []));
const open = new Set(); // the details disclosures open on this visit
// After the first paint (afterFirstPaint): the change log, its words, alerts, Web Push, links, the zone note.
let later = null;
let log = null;
let starAlerts = null;
let push = null;
let offer = null;
const waiting = []; // what waits for them: changes to record, words to say
let linked = null; // the session a notification's link opens, once the state has it
let tab = tabOfHash();
let fresh = new Set(); // entries unseen when this visit to "What changed" began
let status = null;
let last = null; // the state before the change being recorded
let lastSync = read(keys.synced, null); // real ms at which the page last knew it was current
let baseline = null; // the state to compare with once caught up again ("since you were last here")
let baselineAt = null;
let summary = null;
let noticeHidden = null; // the notice the attendee hid, by its text and time
const visibleSince = new Map(); // highlighted session id -> when it came into view

baseline = lastSeen;
baselineAt = lastSync;

const words = l => LABELS[l || prefs.lang];
const renderSoon = coalesced(render);

handOver((state, change) => {
  const before = last;
  last = state;
  if (before && before !== state) {
    if (later) record(before, state, change);
    else waiting.push({ record: [before, state, change, { v: live.version, at: live.eventNow() }] });
  }
  caughtUp();
  renderSoon();
  if (linked) queueMicrotask(revealSession); // not now: the first state comes while this module still loads
}, s => {
  const wasOnline = status && status.online;
  status = s;
  if (s.online) {
    synced();
    if (push) push.sync(); // what a change made while offline could not tell the hub
  }
  if (wasOnline && !s.online) {
    lastSync = s.since;
    write(keys.synced, lastSync);
    if (!baseline) {
      baseline = live.state;
      baselineAt = lastSync;
    }
  }
  caughtUp();
  renderStatus();
});

$('lang-toggle').addEventListener('click', () => {
  prefs.lang = words().toggleLang;
  write('podium.lang', prefs.lang);
  const url = new URL(location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.set('lang', prefs.lang);
    history.replaceState(history.state, '', url);
  }
  render();
  if (later) {
    starAlerts.render();
    push.sync(); // notifications in the page's language
  }
});
$('tabs').addEventListener('click', e => {
  const link = e.target.closest('a[data-tab]');
  if (!link) return;
  e.preventDefault();
  go(link.dataset.tab, true);
});
addEventListener('popstate', () => {
  linked = later ? later.linkedSession(location.hash) : null;
  go(tabOfHash(), false);
  revealSession();
});
wide.addEventListener('change', () => go(tab, false));
$('notice-hide').addEventListener('click', () => {
  noticeHidden = noticeKey(live.state && live.state.notice);
  renderNotice();
  $('notice-show').focus();
});
$('notice-show').addEventListener('click', () => {
  noticeHidden = null;
  renderNotice();
  $('notice-hide').focus();
});
// The moment a phone locks or the page is left is the last moment it was surely current.
addEventListener('pagehide', synced);
document.addEventListener('visibilitychange', synced);

let ticks = 0;

/** The event named in ?event=, else the one this phone last opened (agenda-store.js's read, before that module is here). */
function storedEvent() {
  try {
    return JSON.parse(localStorage.getItem('podium.event'));
  } catch (e) {
    return null;
  }
}

/** The state the hub put in the page for this event (AttendeePage), or null: another event's, none, or unreadable. */
function pageState(slug) {
  const block = document.getElementById('first-state');
  if (!block || !block.textContent.trim()) return null;
  try {
    const state = JSON.parse(block.textContent);
    return state && state.event && state.event.slug === slug ? state : null;
  } catch (e) {
    console.warn('podium: ignoring an unreadable first state', e);
    return null;
  }
}

/**
 * What the socket brings while the first paint's modules still load, kept in order and handed over
 * to onState(state, change) and onStatus(status) once they are here; then straight to them.
 */
function holdBack(connection) {
  let handlers = null;
  const held = [];
  connection.subscribe((state, change) => (handlers ? handlers.state(state, change) : held.push(() => handlers.state(state, change))));
  connection.onStatus(s => (handlers ? handlers.status(s) : held.push(() => handlers.status(s))));
  return (onState, onStatus) => {
    handlers = { state: onState, status: onStatus };
    held.splice(0).forEach(f => f());
  };
}

/** The modules after the first paint are here: everything that waited for them runs now. */
function withTheRest([changes, changeWords, alertsModule, zone, pushModule, offerModule, link]) {
  later = { ...changes, ...changeWords, ...zone, ...link, say: alertsModule.say };
  log = changes.changeLog(event);
  starAlerts = alertsModule.alerter(event, { words, lang: () => prefs.lang, onShow: showSession });
  push = pushModule.pushSubscription(event, () => live.state && { sessions: starredIds(), lang: prefs.lang });
  offer = offerModule.pushOffer(push, { words, starredCount: () => starredIds().length, onChange: () => render() });
  link.onSessionLink(event, id => {
    linked = id;
    history.pushState(null, '', `#agenda/${encodeURIComponent(id)}`);
    revealSession();
  });
  if (mainView() === 'changes') {
    fresh = new Set(log.entries.filter(e => !e.seen).map(e => e.id));
    log.markAllSeen();
  }
  for (const w of waiting.splice(0)) {
    if (w.record) record(...w.record);
    else later.say(...w.say);
  }
  caughtUp();
  if (status && status.online) push.sync();
  linked = later.linkedSession(location.hash);
  render();
  revealSession();
  if (live.state) starAlerts.soon(live.state, stars, live.eventNow());
  registerServiceWorker();
}

/** Reads text out (agenda-alerts.js), once that module is here. */
function say(...args) {
  if (later) later.say(...args);
  else waiting.push({ say: args });
}

function tabOfHash() {
  const h = location.hash.slice(1);
  if (h.startsWith('agenda/')) return 'agenda'; // a session's link (agenda-link.js)
  return TABS.includes(h) ? h : 'home';
}

/** The view in the main column: on a wide screen Home is always beside it, so it shows the agenda. */
function mainView() {
  return tab === 'home' && wide.matches ? 'agenda' : tab;
}

function go(name, byUser) {
  if (byUser && name !== tab) history.pushState(null, '', `#${name}`);
  const leaving = mainView();
  tab = name;
  const view = mainView();
  if (log && view === 'changes' && leaving !== 'changes') {
    fresh = new Set(log.entries.filter(e => !e.seen).map(e => e.id));
    log.markAllSeen();
  }
  for (const id of TABS) $(id).classList.toggle('current', id === view || (id === 'home' && wide.matches));
  document.querySelectorAll('#tabs a[data-tab]').forEach(a => {
    if (a.dataset.tab === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  });
  render();
  if (byUser) $(`${view}-heading`).focus();
}

function showSession(id) {
  go('starred', true);
  const item = id && document.querySelector(`#starred [data-session="${CSS.escape(id)}"] .title-button`);
  if (item) item.focus();
}

/** The linked session (#agenda/<id>) on the agenda: its day, its details open, in view and focused. */
function revealSession() {
  const state = live.state;
  if (!linked || !state) return;
  const s = (state.sessions || []).find(x => x.id === linked);
  linked = null;
  if (!s) return;
  prefs.day = dayOf(s.start, state.event.timeZone);
  open.add(`agenda-details-${s.id}`);
  go('agenda', false);
  const item = document.querySelector(`#agenda [data-session="${CSS.escape(s.id)}"]`);
  if (!item) return;
  item.scrollIntoView({ block: 'start' }); // its details below it in view
  item.querySelector('.title-button').focus({ preventScroll: true });
}

function starredIds() {
  return live.state ? (live.state.sessions || []).filter(s => stars.has(s.id)).map(s => s.id) : [];
}

/** when: the version and the event's time it came at, for a change that waited for the modules. */
function record(before, state, change, when = { v: live.version, at: live.eventNow() }) {
  const { alerts, describe, notable, sentence, touchedBy } = later;
  const items = change ? describe(before, state, touchedBy(change.data || {})) : notable(describe(before, state));
  if (!items.length) return;
  const entry = {
    id: `${live.epoch}:${change ? change.version : `s${when.v}`}`, v: when.v, kind: change ? change.kind : 'resync',
    at: when.at, primary: change && change.data ? change.data.session || null : null,
    items, seen: false, away: !!baseline, star: items.some(i => i.k === 'session' && stars.has(i.id)),
  };
  if (mainView() === 'changes' && document.visibilityState === 'visible') {
    entry.seen = true;
    fresh.add(entry.id);
  }
  if (!log.add(entry)) return;
  const zone = state.event.timeZone;
  starAlerts.push(items.filter(i => stars.has(i.id) && alerts(i)).map(i => ({
    key: `${entry.id}:${i.id}`, session: i.id, text: l => sentence(i, l, zone),
  })));
}

/** Once the page holds the hub's version again, says what changed since the state it had before. */
function caughtUp() {
  if (!later || !baseline || !status || !status.online || typeof status.hubVersion !== 'number'
    || live.version === null || live.version < status.hubVersion || !live.state) return;
  const items = later.notable(later.describe(baseline, live.state));
  const at = baselineAt;
  baseline = null;
  if (!items.length) return;
  summary = { at: at && live.state ? clockAt(live.state.event.clock, at) : null, items };
  say(words().summaryAnnounced(items.length), 'polite');
  renderSoon();
}

function synced() {
  if (!status || !status.online) return;
  lastSync = live.now();
  write(keys.synced, lastSync);
}

function context() {
  const state = live.state;
  return {
    state, lang: prefs.lang, words: words(), zone: state.event.timeZone, now: live.eventNow(), stars,
    highlighted: log ? log.highlight : new Set(), open, onStar: toggleStar, onDetails: toggleDetails,
  };
}

function render() {
  keepFocus(() => {
    const w = words();
    document.documentElement.lang = prefs.lang === 'zh' ? 'zh-CN' : 'en';
    $('lang-toggle').textContent = w.toggle;
    $('lang-toggle').lang = w.toggleLang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-label]').forEach(n => { n.textContent = w[n.dataset.label]; });
    document.querySelectorAll('[data-label-aria]').forEach(n => n.setAttribute('aria-label', w[n.dataset.labelAria]));
    renderStatus();
    renderBadge();
    if (offer) offer.render();
    const state = live.state;
    if (!state) {
      $('now-next').textContent = w.loading;
      return;
    }
    const ctx = context();
    const ev = state.event;
    document.title = `${t(ev.title, prefs.lang)} · ${w[mainView()]}`;
    $('event-title').textContent = t(ev.title, prefs.lang);
    $('event-meta').textContent = [t(ev.venue, prefs.lang), ev.days && ev.days[0]
      ? fmtDate(`${ev.days[0]}T12:00:00Z`, ev.timeZone, prefs.lang) : ''].filter(Boolean).join(' · ');
    // A rehearsal copy runs on its own clock: nothing on it is the real event.
    $('rehearsal').classList.toggle('hidden', !ev.rehearsalOf);
    const note = later ? later.zoneNote(ev.timeZone, ctx.now, prefs.lang, w) : null;
    $('zone-note').textContent = note || '';
    $('zone-note').classList.toggle('hidden', !note);
    renderNotice();
    renderHome(ctx);
    renderAgenda(ctx, prefs, choose);
    renderStarred(ctx);
    if (later) {
      later.renderChangeList($('change-list'), log, ctx, fresh);
      for (const where of ['home', 'changes']) {
        $(`since-${where}`).replaceChildren(...[later.sinceCard(summary, ctx, where, () => { summary = null; render(); $('main').focus(); })]
          .filter(Boolean));
      }
    }
    watchHighlights();
    ticks = 0;
  });
}

function renderStatus() {
  const w = words();
  const box = $('connection');
  const online = !!(status && status.online);
  box.classList.toggle('online', online);
  box.classList.toggle('offline', !!(status && !status.online && !status.connecting));
  let text = !status || status.connecting ? w.connecting : online ? w.online : w.offline;
  if (!online && live.state && lastSync) {
    text += ` · ${w.updated(fmtTime(clockAt(live.state.event.clock, lastSync), live.state.event.timeZone, prefs.lang))}`;
  }
  if (box.textContent !== text) box.textContent = text;
}

function renderBadge() {
  const n = log ? log.unseen() : 0;
  $('unseen').textContent = n ? String(n > 99 ? '99+' : n) : '';
  $('unseen').classList.toggle('empty', !n);
  $('unseen-words').textContent = n ? `, ${words().unseen(n)}` : '';
}

function noticeKey(n) {
  return n ? JSON.stringify([n.postedAt, n.text]) : null;
}

function renderNotice() {
  const notice = live.state && live.state.notice;
  const key = noticeKey(notice);
  const box = $('notice');
  const wasShown = box.dataset.key || null;
  box.dataset.key = key || '';
  const hidden = !notice || noticeHidden === key;
  box.classList.toggle('hidden', hidden);
  $('notice-show').classList.toggle('hidden', !notice || !hidden);
  document.body.classList.toggle('has-notice', !!notice && !hidden);
  $('notice-text').textContent = notice ? t(notice.text, prefs.lang) : '';
  // An emergency is told in both languages: whoever holds the phone understands it at once.
  const other = prefs.lang === 'zh' ? 'en' : 'zh';
  const second = notice ? t(notice.text, other) : '';
  $('notice-other').textContent = second && second !== $('notice-text').textContent ? second : '';
  $('notice-other').lang = other === 'zh' ? 'zh-CN' : 'en';
  if (notice && key !== wasShown) {
    noticeHidden = null;
    box.classList.remove('hidden');
    $('notice-show').classList.add('hidden');
    document.body.classList.add('has-notice');
    say(`${words().notice}: ${t(notice.text, prefs.lang)}`);
  }
}

/** Every second: the countdown, "starts within 10 minutes", what has been seen; now and next as time moves. */
function tick() {
  ticks++;
  if (!live.state) return;
  const ctx = context();
  renderCountdown(ctx);
  if (starAlerts) starAlerts.soon(live.state, stars, ctx.now);
  renderStatus();
  markSeen();
  if (status && status.online && ticks % 30 === 0) synced();
  // A re-render replaces what a screen reader is reading: only when time moved "now" or "next" on.
  const key = JSON.stringify([nowAndNext(live.state, ctx.now), (live.state.announcements || [])
    .filter(a => !a.expiresAt || Date.parse(a.expiresAt) > ctx.now).map(a => a.id)], ['now', 'next', 'id']);
  if (tick.key !== undefined && tick.key !== key) renderHome(ctx);
  tick.key = key;
}

function watchHighlights() {
  if (!('IntersectionObserver' in window)) return;
  if (!watchHighlights.observer) {
    watchHighlights.observer = new IntersectionObserver(entries => {
      for (const e of entries) {
        const id = e.target.dataset.session;
        if (e.isIntersecting) {
          if (!visibleSince.has(id)) visibleSince.set(id, Date.now());
        } else {
          visibleSince.delete(id);
        }
      }
    }, { threshold: 0.6 });
  }
  const observer = watchHighlights.observer;
  observer.disconnect();
  document.querySelectorAll('#agenda .session.changed, #starred .session.changed').forEach(n => observer.observe(n));
}

/** A highlighted session in view for two seconds, with the page in front, has been seen. */
function markSeen() {
  if (!log || document.visibilityState !== 'visible') return;
  for (const [id, since] of visibleSince) {
    if (Date.now() - since >= SEEN_AFTER_MS) {
      log.seenSession(id);
      visibleSince.delete(id);
    }
  }
}

function choose(kind, value) {
  if (kind === 'view') {
    prefs.view = value;
    write('podium.agenda.view', value);
  } else {
    prefs.day = value;
  }
  render();
}

function toggleStar(id) {
  if (stars.has(id)) stars.delete(id);
  else stars.add(id);
  write(keys.stars, [...stars]);
  render();
  if (!later) return;
  offer.starred();
  if (live.state) starAlerts.soon(live.state, stars, live.eventNow());
}

function toggleDetails(id) {
  if (open.has(id)) open.delete(id);
  else open.add(id);
  render();
}

/** Re-rendering replaces the focused button: put the focus back on its replacement. */
function keepFocus(fn) {
  const key = document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.key : null;
  fn();
  if (key && (document.activeElement === document.body || !document.activeElement.isConnected)) {
    const again = document.querySelector(`[data-key="${CSS.escape(key)}"]`);
    if (again) again.focus({ preventScroll: true });
  }
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  // Once every module is here (withTheRest), not on load: the worker's copy of the page then
  // revalidates what the browser just fetched, and its fetches never queue before the page's own.
  navigator.serviceWorker.register('sw.js').catch(e => console.warn('podium: no offline copy of the page', e));
}

// Last, after every declaration above: the first render runs synchronously.
setInterval(tick, 1000);
go(tab, false);
afterFirstPaint.then(withTheRest);
