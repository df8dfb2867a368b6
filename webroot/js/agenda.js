// The attendee page: the live state of one event on a phone, in English or Chinese. It follows
// the hub through live.js, remembers what changed and what is starred on the device, and opens
// offline from the service worker's copy with the last state live.js cached.
import { clockAt, coalesced, connectLive } from './live.js';
import { fmtDate, fmtTime, t } from './text.js';
import { LABELS } from './agenda-labels.js';
import { read, write } from './agenda-store.js';
import { renderCountdown, renderHome } from './agenda-home.js';
import { dayOf, renderAgenda, renderStarred } from './agenda-list.js';
import { changeLog, renderChangeList, sinceCard } from './agenda-changes.js';
import { alerts, describe, notable, sentence, touchedBy } from './agenda-change-words.js';
import { alerter, say } from './agenda-alerts.js';
import { nowAndNext } from './agenda-session.js';
import { zoneNote } from './agenda-zone.js';
import { pushSubscription } from './agenda-push.js';
import { pushOffer } from './agenda-push-offer.js';
import { linkedSession, onSessionLink } from './agenda-link.js';

const TABS = ['home', 'agenda', 'changes', 'starred'];
const SEEN_AFTER_MS = 2000;
const params = new URLSearchParams(location.search);
// The home-screen icon opens index.html bare: it shows the event this phone last opened.
const event = params.get('event') || read('podium.event', null) || 'baotou-2023';
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
const log = changeLog(event);
let linked = linkedSession(location.hash); // the session a notification's link opens, once the state has it
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

const live = connectLive({ event, channels: ['public'] });
window.podiumLive = live;
baseline = live.state;
baselineAt = lastSync;

const words = l => LABELS[l || prefs.lang];
const starAlerts = alerter(event, { words, lang: () => prefs.lang, onShow: showSession });
const renderSoon = coalesced(render);
const push = pushSubscription(event, () => live.state && { sessions: starredIds(), lang: prefs.lang });
const offer = pushOffer(push, { words, starredCount: () => starredIds().length, onChange: () => render() });

live.subscribe((state, change) => {
  const before = last;
  last = state;
  if (before && before !== state) record(before, state, change);
  caughtUp();
  renderSoon();
  if (linked) queueMicrotask(revealSession); // not now: the first state comes while this module still loads
});
live.onStatus(s => {
  const wasOnline = status && status.online;
  status = s;
  if (s.online) {
    synced();
    push.sync(); // what a change made while offline could not tell the hub
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
  starAlerts.render();
  push.sync(); // notifications in the page's language
});
$('tabs').addEventListener('click', e => {
  const link = e.target.closest('a[data-tab]');
  if (!link) return;
  e.preventDefault();
  go(link.dataset.tab, true);
});
addEventListener('popstate', () => {
  linked = linkedSession(location.hash);
  go(tabOfHash(), false);
  revealSession();
});
onSessionLink(event, id => {
  linked = id;
  history.pushState(null, '', `#agenda/${encodeURIComponent(id)}`);
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
addEventListener('load', registerServiceWorker);

let ticks = 0;

function tabOfHash() {
  const h = location.hash.slice(1);
  if (linkedSession(location.hash)) return 'agenda';
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
  if (view === 'changes' && leaving !== 'changes') {
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

function record(before, state, change) {
  const items = change ? describe(before, state, touchedBy(change.data || {})) : notable(describe(before, state));
  if (!items.length) return;
  const entry = {
    id: `${live.epoch}:${change ? change.version : `s${live.version}`}`, v: live.version, kind: change ? change.kind : 'resync',
    at: live.eventNow(), primary: change && change.data ? change.data.session || null : null,
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
  if (!baseline || !status || !status.online || typeof status.hubVersion !== 'number'
    || live.version === null || live.version < status.hubVersion || !live.state) return;
  const items = notable(describe(baseline, live.state));
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
    highlighted: log.highlight, open, onStar: toggleStar, onDetails: toggleDetails,
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
    offer.render();
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
    const note = zoneNote(ev.timeZone, ctx.now, prefs.lang, w);
    $('zone-note').textContent = note || '';
    $('zone-note').classList.toggle('hidden', !note);
    renderNotice();
    renderHome(ctx);
    renderAgenda(ctx, prefs, choose);
    renderStarred(ctx);
    renderChangeList($('change-list'), log, ctx, fresh);
    for (const where of ['home', 'changes']) {
      $(`since-${where}`).replaceChildren(...[sinceCard(summary, ctx, where, () => { summary = null; render(); $('main').focus(); })]
        .filter(Boolean));
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
  const n = log.unseen();
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
  starAlerts.soon(live.state, stars, ctx.now);
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
  if (document.visibilityState !== 'visible') return;
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
  // After load: the worker's copy of the page then revalidates what the browser just fetched.
  navigator.serviceWorker.register('sw.js').catch(e => console.warn('podium: no offline copy of the page', e));
}

// Last, after every declaration above: the first render runs synchronously.
setInterval(tick, 1000);
go(tab, false);
revealSession();
