// The attendee agenda: the live state of one event, rendered for a phone, in English or Chinese.
import { coalesced, connectLive } from './live.js';
import { el, fmtDate, fmtTime, t } from './text.js';
import { LABELS } from './agenda-labels.js';
import { nowAndNext, sessionItem } from './agenda-session.js';

const HIGHLIGHT_MS = 30_000;
const params = new URLSearchParams(location.search);
const event = params.get('event') || 'baotou-2023';
const starsKey = `podium.stars.${event}`;

const prefs = {
  lang: stored('podium.lang') || ((navigator.language || '').toLowerCase().startsWith('zh') ? 'zh' : 'en'),
  view: stored('podium.agenda.view') || 'time',
  stars: new Set(JSON.parse(stored(starsKey) || '[]')),
};
const changedUntil = new Map(); // session id -> when its highlight ends (ms, local clock)
let status = null;

const live = connectLive({ event, channels: ['public'] });
window.podiumLive = live;

const $ = id => document.getElementById(id);
$('lang-toggle').addEventListener('click', () => {
  prefs.lang = LABELS[prefs.lang].toggleLang;
  save('podium.lang', prefs.lang);
  render();
});

const renderSoon = coalesced(render);
live.subscribe((state, change) => {
  if (change && change.data && change.data.sessions) {
    const until = Date.now() + HIGHLIGHT_MS;
    change.data.sessions.forEach(s => changedUntil.set(s.id, until));
    setTimeout(renderSoon, HIGHLIGHT_MS + 50);
  }
  renderSoon();
});
live.onStatus(s => {
  status = s;
  renderStatus();
});
// Time moves on even when nothing is pushed: "now", "up next" and the offline clock follow it.
setInterval(render, 30_000);
render();

function render() {
  const words = LABELS[prefs.lang];
  document.documentElement.lang = prefs.lang === 'zh' ? 'zh-CN' : 'en';
  $('lang-toggle').textContent = words.toggle;
  $('lang-toggle').lang = words.toggleLang;
  const state = live.state;
  renderStatus();
  if (!state) {
    $('agenda').replaceChildren(el('p', { class: 'empty' }, words.loading));
    return;
  }
  const ev = state.event;
  const title = t(ev.title, prefs.lang);
  document.title = title;
  $('event-title').textContent = title;
  $('event-meta').textContent = [t(ev.venue, prefs.lang), ev.days && ev.days[0]
    ? fmtDate(`${ev.days[0]}T12:00:00Z`, ev.timeZone, prefs.lang) : ''].filter(Boolean).join(' · ');
  const ctx = context(state, words);
  renderNotice(state, words);
  renderNowNext(state, ctx, words);
  renderViews(words);
  renderAgenda(state, ctx, words);
}

function context(state, words) {
  const now = Date.now();
  for (const [id, until] of changedUntil) if (until <= now) changedUntil.delete(id);
  return {
    state, words, lang: prefs.lang, stars: prefs.stars, changed: new Set(changedUntil.keys()),
    showRoom: prefs.view !== 'room', onStar: toggleStar,
  };
}

function renderStatus() {
  const words = LABELS[prefs.lang];
  const box = $('connection');
  box.classList.toggle('online', !!(status && status.online));
  box.classList.toggle('offline', !!(status && !status.online && !status.connecting));
  if (!status || status.connecting) {
    box.textContent = words.connecting;
  } else if (status.online) {
    box.textContent = words.online;
  } else {
    const zone = live.state ? live.state.event.timeZone : undefined;
    box.textContent = words.offline(fmtTime(status.since, zone, prefs.lang));
  }
}

function renderNotice(state, words) {
  const notice = $('notice');
  notice.classList.toggle('hidden', !state.notice);
  notice.replaceChildren(...(state.notice ? [el('strong', {}, words.notice), ' ', t(state.notice.text, prefs.lang)] : []));
  const now = live.eventNow();
  $('announcements').replaceChildren(...(state.announcements || [])
    .filter(a => !a.expiresAt || Date.parse(a.expiresAt) > now)
    .map(a => el('li', { class: 'announcement' }, t(a.text, prefs.lang))));
}

function renderNowNext(state, ctx, words) {
  const { now, next } = nowAndNext(state.sessions || [], live.eventNow());
  const card = (cls, heading, list, none) => el('div', { class: ['card', cls] },
    el('h2', {}, heading),
    list.length ? el('ul', { class: 'sessions' }, list.map(s => sessionItem(s, { ...ctx, showRoom: true })))
      : el('p', { class: 'empty' }, none));
  const ended = !now.length && !next.length && (state.sessions || []).every(s => Date.parse(s.end) <= live.eventNow());
  if (ended) {
    // After the event two empty cards would push the agenda off a phone's first screen.
    $('now-next').replaceChildren(el('div', { class: ['card', 'over'] }, el('p', { class: 'empty' }, words.over)));
    return;
  }
  $('now-next').replaceChildren(card('now', words.now, now, words.nothingNow),
    card('next', words.next, next, words.nothingNext));
}

function renderViews(words) {
  const tab = (view, label) => el('button', {
    type: 'button', class: ['view', prefs.view === view && 'active'], 'aria-pressed': String(prefs.view === view),
    'data-view': view, onclick: () => { prefs.view = view; save('podium.agenda.view', view); render(); },
  }, label);
  $('views').replaceChildren(tab('time', words.byTime), tab('room', words.byRoom), tab('starred', words.starred));
}

function renderAgenda(state, ctx, words) {
  const sessions = state.sessions || [];
  const zone = state.event.timeZone;
  let groups;
  if (prefs.view === 'room') {
    groups = (state.rooms || []).map(r => ({ heading: t(r.name, prefs.lang), list: sessions.filter(s => s.room === r.id) }));
  } else if (prefs.view === 'starred') {
    const list = sessions.filter(s => prefs.stars.has(s.id));
    groups = [{ heading: words.starred, list, empty: words.noStars }];
  } else {
    groups = byHour(sessions, zone);
  }
  $('agenda').replaceChildren(...groups.filter(g => g.list.length || g.empty).map(g => el('section', { class: 'group' },
    el('h2', { class: 'group-heading' }, g.heading),
    g.list.length ? el('ul', { class: 'sessions' }, g.list.map(s => sessionItem(s, ctx))) : el('p', { class: 'empty' }, g.empty))));
}

/** Sessions grouped by the venue-local hour they start in. */
function byHour(sessions, zone) {
  const groups = new Map();
  for (const s of sessions) {
    const hour = `${fmtTime(s.start, zone, 'en').slice(0, 2)}:00`;
    if (!groups.has(hour)) groups.set(hour, { heading: hour, list: [] });
    groups.get(hour).list.push(s);
  }
  return [...groups.values()];
}

function toggleStar(id) {
  if (prefs.stars.has(id)) prefs.stars.delete(id);
  else prefs.stars.add(id);
  save(starsKey, JSON.stringify([...prefs.stars]));
  render();
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
    // Private mode or a full store: the choice lasts for this visit only.
  }
}
