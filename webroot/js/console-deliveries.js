// The delivery report, live (GET /api/events/{slug}/deliveries, read every 1.5 s while the view is
// open): for each recent change, in words, how many screens and phones have it, per room, how fast
// it reached them, and the screens that have not applied it 3 s after it was made, by name. The
// table keeps its columns and row heights whatever arrives, so nothing jumps under the reader.
import { el } from './text.js';
import { get } from './console-api.js';
import { describeChange } from './console-describe.js';
import { roomName } from './console-names.js';

const POLL_MS = 1_500;
const LAST = 20;
const LAG_AFTER_MS = 3_000;

export const deliveriesView = { id: 'deliveries', label: w => w.deliveries, render, enter: app => start(app) };

const report = { data: null, failed: null, readAt: 0, loading: false, polling: false, chosen: null };

/** Reads the report now and every POLL_MS after each answer, while the view is open. */
function start(app) {
  if (report.polling) return;
  report.polling = true;
  const tick = async () => {
    if (app.view !== 'deliveries') {
      report.polling = false;
      return;
    }
    await load(app);
    setTimeout(tick, POLL_MS);
  };
  tick();
}

async function load(app) {
  if (report.loading) return;
  report.loading = true;
  try {
    report.data = await get(`/api/events/${encodeURIComponent(app.slug)}/deliveries?last=${LAST}`);
    report.failed = null;
    report.readAt = Date.now();
  } catch (e) {
    report.failed = e;
  } finally {
    report.loading = false;
    app.render();
  }
}

/** The change in words, from the change log when it holds it; else its kind. */
function what(app, v) {
  const entry = (app.log.entries || []).find(e => e.version === v.version);
  return entry ? describeChange(app, entry) : v.kind;
}

function screenName(app, s) {
  return app.t(s.name) || s.screen;
}

function haveOf(x) {
  return x ? `${x.have}/${x.of}` : '—';
}

function render(app) {
  const w = app.words;
  start(app);
  const data = report.data;
  const versions = (data && data.versions) || [];
  const now = app.live.now();
  const chosen = versions.find(v => v.version === report.chosen) || versions[0] || null;
  const rows = versions.map(v => {
    const fresh = now - v.at < LAG_AFTER_MS;
    const lagging = v.lagging || [];
    const complete = v.reached.screens.have >= v.reached.screens.of && !lagging.length;
    return el('tr', { 'data-delivery': v.version, class: [lagging.length && 'lagging', chosen === v && 'chosen', complete && 'complete'] },
      el('td', { class: 'num' }, el('button', {
        type: 'button', class: ['btn', 'btn-small', 'row-pick'], 'data-key': `delivery-${v.version}`, 'aria-pressed': String(chosen === v),
        onclick: () => { report.chosen = v.version; app.render(); },
      }, `v${v.version}`)),
      el('td', { class: 'what' }, el('span', { class: 'clamp' }, what(app, v))),
      el('td', { class: 'num' }, w.secondsAgo(Math.max(0, Math.round((now - v.at) / 1000)))),
      el('td', { class: ['num', 'reach'], 'data-reach': 'screens' }, haveOf(v.reached.screens)),
      el('td', { class: ['num', 'reach'], 'data-reach': 'phones' }, haveOf(v.reached.phones)),
      el('td', { class: 'num' }, `${w.ms(v.p50Ms)} / ${w.ms(v.p99Ms)}`),
      el('td', { class: 'lag-cell' }, lagging.length
        ? el('span', { class: ['clamp', 'lag-names'] }, lagging.map(s => screenName(app, s)).join(', '))
        : el('span', { class: 'hint' }, fresh ? w.lagPending : w.noLagging)));
  });
  const connected = data ? data.connected : null;
  return el('section', { class: 'deliveries-view' },
    el('div', { class: 'deliveries-main' },
      el('div', { class: 'toolbar' },
        el('h2', { class: 'toolbar-title' }, w.deliveryTitle),
        el('span', { class: 'hint' }, connected ? w.connectedNow(connected.screens.of, connected.phones.of) : w.loading),
        el('span', { class: 'spacer' }),
        el('span', { class: ['hint', 'updated'] }, report.readAt ? w.updatedAgo(Math.max(0, Math.round((Date.now() - report.readAt) / 1000))) : '')),
      el('p', { class: ['error-text', 'delivery-error', !report.failed && 'invisible'], role: 'alert' }, report.failed ? w.deliveryFailed : ''),
      laggingNow(app, versions.find(v => now - v.at >= LAG_AFTER_MS)),
      el('div', { class: 'table-scroll', 'data-scroll': 'deliveries' },
        el('table', { class: ['data-table', 'delivery-table'] },
          el('caption', { class: 'visually-hidden' }, w.deliveryTitle),
          el('colgroup', {}, ['c-v', 'c-what', 'c-when', 'c-s', 'c-p', 'c-t', 'c-lag'].map(c => el('col', { class: c }))),
          el('thead', {}, el('tr', {}, ['', w.changeCol, w.madeCol, w.screensCol, w.phonesCol, 'p50 / p99', w.laggingCol]
            .map(h => el('th', { scope: 'col' }, h)))),
          el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: 7, class: 'empty' }, data ? w.noDeliveries : w.loading)))))),
    el('aside', { class: 'delivery-side', 'aria-label': chosen ? w.changeDetail(chosen.version) : w.perRoom }, detail(app, chosen)));
}

/** The screens behind on the newest change, by name: what staff must act on, first. */
function laggingNow(app, newest) {
  const w = app.words;
  const lagging = (newest && newest.lagging) || [];
  const version = newest ? newest.version : null;
  return el('section', { class: ['lagging-now', lagging.length ? 'alarm' : 'calm'], 'aria-label': w.laggingNow, 'data-lagging-now': '' },
    el('h3', {}, w.laggingNow, lagging.length ? ` (${lagging.length})` : ''),
    lagging.length ? el('ul', { class: 'lagging-list' }, lagging.map(s => el('li', { 'data-lagging': s.screen },
      el('strong', {}, screenName(app, s)), ' · ', s.room ? roomName(app, app.live.state, s.room) : w.noRoom, ' · ',
      w.showsVersion(s.versionShown, s.versionShown === null || s.versionShown === undefined ? null : version - s.versionShown))))
      : el('p', {}, w.laggingNone));
}

function detail(app, v) {
  const w = app.words;
  if (!v) return el('p', { class: 'hint' }, w.chooseChange);
  const state = app.live.state;
  const rooms = new Set([...Object.keys(v.reached.screens.rooms || {}), ...Object.keys(v.reached.phones.rooms || {})]);
  const room = id => (id ? roomName(app, state, id) : w.noRoom);
  return el('div', { class: 'delivery-detail', 'data-delivery-detail': v.version },
    el('h3', {}, w.changeDetail(v.version)),
    el('p', { class: 'detail-what' }, what(app, v)),
    el('dl', { class: 'facts' },
      el('dt', {}, w.screensCol), el('dd', { 'data-detail': 'screens' }, haveOf(v.reached.screens)),
      el('dt', {}, w.phonesCol), el('dd', { 'data-detail': 'phones' }, haveOf(v.reached.phones)),
      el('dt', {}, w.timeToReach), el('dd', {}, `${w.ms(v.p50Ms)} / ${w.ms(v.p99Ms)}`)),
    el('h3', { class: 'panel-heading' }, w.perRoom),
    el('table', { class: ['data-table', 'room-table'] },
      el('thead', {}, el('tr', {}, [w.room, w.screensCol, w.phonesCol].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, [...rooms].sort().map(r => el('tr', { 'data-room-reach': r },
        el('td', {}, room(r)),
        el('td', { class: 'num' }, haveOf(v.reached.screens.rooms[r])),
        el('td', { class: 'num' }, haveOf(v.reached.phones.rooms[r])))))),
    (v.lagging || []).length > 0 && el('h3', { class: 'panel-heading' }, w.laggingCol),
    (v.lagging || []).length > 0 && el('ul', { class: 'lagging-list' }, v.lagging.map(s => el('li', {},
      el('strong', {}, screenName(app, s)), ' · ', room(s.room)))));
}
