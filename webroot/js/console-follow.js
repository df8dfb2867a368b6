// The Event view's "Published schedule" panel (/api/events/{slug}/follow, docs/API.md): the URL
// the event follows, how its releases come in (at once, or held for approval) and how often it is
// read; when it was last read, last brought a release, last changed the event, last failed and
// will next be read, in the event's zone. "Poll now"; a release waiting for approval shown as what
// it would change, with "Apply this release"; the sessions held because Podium changed them, each
// released alone or all at once. Admins choose what is followed; editors see it, poll, apply and
// release. The panel asks again every 5 s while it is shown, and at once after each change.
import { el } from './text.js';
import { ApiError, del, get, post, put } from './console-api.js';
import { errorText, field, openDialog, select } from './console-dialog.js';
import { FormError } from './console-command.js';
import { importWords } from './console-import-words.js';
import { planView, roomNames } from './console-plan.js';

const EVERY_MS = 5_000;
const MODES = ['apply', 'approve'];
const panel = { slug: null, answer: undefined, error: null, loading: false, loadedAt: 0, version: null, timer: null, busy: null, note: null };
const stampFormats = new Map();

/** The roles of Permission.FOLLOW_RELEASES: who reads the follow and applies or releases. */
export function mayFollow(app) {
  return app.me.role === 'admin' || app.me.role === 'editor';
}

function base(app) {
  return `/api/events/${encodeURIComponent(app.slug)}/follow`;
}

/** The panel, or nothing for a role that may not see it. */
export function followCard(app) {
  if (!mayFollow(app)) return null;
  if (panel.slug !== app.slug) {
    Object.assign(panel, { slug: app.slug, answer: undefined, error: null, loadedAt: 0, version: null, note: null });
  }
  const stale = panel.answer === undefined || panel.version !== app.live.version || Date.now() - panel.loadedAt >= EVERY_MS;
  if (stale && !panel.loading) load(app);
  keepPolling(app);

  const w = importWords(app);
  const admin = app.me.role === 'admin';
  const answer = panel.answer;
  const follow = answer ? answer.follow : null;
  const head = el('div', { class: 'card-head' }, el('h2', { id: 'follow-h' }, w.followTitle),
    admin && answer !== undefined && el('div', { class: 'card-actions' },
      el('button', { type: 'button', class: 'btn', 'data-action': 'follow-set', 'data-key': 'follow-set', onclick: () => openFollow(app, follow) },
        follow ? w.followChange : w.followSet),
      follow && el('button', { type: 'button', class: ['btn', 'btn-danger-quiet'], 'data-action': 'follow-stop', 'data-key': 'follow-stop', onclick: () => openStop(app) },
        w.followStop)));
  const body = [];
  if (panel.error) body.push(el('p', { class: 'error-text', role: 'alert' }, w.followFailed));
  if (answer === undefined) {
    if (!panel.error) body.push(el('p', { class: 'hint' }, app.words.loading));
  } else if (!follow) {
    body.push(el('p', {}, w.followNone), !admin && el('p', { class: 'hint' }, w.adminOnly));
  } else {
    body.push(...following(app, w, answer));
  }
  return el('section', { class: ['card', 'follow-card'], 'aria-labelledby': 'follow-h', 'data-follow-card': '' }, head, body);
}

function following(app, w, answer) {
  const f = answer.follow;
  const zone = app.zone();
  const at = iso => (iso ? stamp(iso, zone) : w.never);
  const state = [
    el('dl', { class: ['facts', 'follow-facts'] },
      el('dt', {}, w.factUrl), el('dd', { class: 'mono', 'data-fact': 'url' }, f.url),
      el('dt', {}, w.factMode), el('dd', { 'data-fact': 'mode' }, w.modes[f.mode] || f.mode),
      el('dt', {}, w.factEvery), el('dd', { 'data-fact': 'interval' }, w.everyMinutes(f.intervalMinutes)),
      el('dt', {}, w.factLastPoll), el('dd', { 'data-fact': 'last-poll' }, at(f.lastPollAt)),
      el('dt', {}, w.factLastRelease), el('dd', { 'data-fact': 'last-release' }, at(f.lastReleaseAt)),
      el('dt', {}, w.factLastChange), el('dd', { 'data-fact': 'last-change' }, at(f.lastChangeAt)),
      el('dt', {}, w.factLastError), el('dd', { 'data-fact': 'last-error', class: f.lastError && f.failures > 0 ? 'error-text' : null },
        f.lastError ? [String(f.lastError), el('br'), el('span', { class: 'hint' }, w.errorAt(at(f.lastErrorAt), w.failures(f.failures)))] : w.noError),
      el('dt', {}, w.factNextPoll), el('dd', { 'data-fact': 'next-poll' }, at(f.nextPollAt))),
    el('p', { class: 'hint' }, w.timesIn(zone)),
    el('div', { class: 'action-row' }, action(app, 'poll', w.pollNow, () => pollNow(app))),
    panel.note && el('p', { class: 'warning', role: 'alert', 'data-follow-note': '' }, panel.note),
  ];
  const out = [];
  const both = () => [el('div', { class: 'follow-body' }, el('div', { class: 'follow-state' }, state), el('div', { class: 'follow-plan' }, out))];
  if (answer.planError) out.push(el('p', { class: 'error-text', 'data-plan-error': '' }, w.planError(answer.planError)));
  const plan = answer.plan;
  if (!f.release) {
    out.push(el('p', { class: 'hint' }, w.noReleaseYet));
    return both();
  }
  if (!plan) return both();
  const place = { zone, room: roomNames(app, app.live.state) };
  const held = (plan.steps || []).filter(s => s.kind === 'held');
  if (plan.changes > 0) {
    out.push(el('section', { class: 'follow-pending', 'aria-labelledby': 'follow-pending-h', 'data-follow-pending': '' },
      el('h3', { id: 'follow-pending-h' }, f.mode === 'approve' ? w.pendingApprove : w.pendingApply),
      planView(app, plan, place, { kinds: ['added', 'moved', 'retimed', 'updated', 'restored', 'cancelled', 'removed', 'unchanged'],
        steps: (plan.steps || []).filter(s => s.kind !== 'held'), scrollKey: 'follow-pending' }),
      el('div', { class: 'action-row' }, action(app, 'apply', w.applyRelease, () => apply(app, plan.release), true))));
  } else {
    out.push(el('p', { class: 'follow-in-line', 'data-follow-in-line': '' }, w.upToDate));
  }
  if (held.length) {
    out.push(el('section', { class: 'follow-held', 'aria-labelledby': 'follow-held-h', 'data-follow-held': '' },
      el('h3', { id: 'follow-held-h' }, w.heldHeading(held.length)),
      el('p', { class: 'hint' }, w.heldIntro),
      planView(app, { counts: { held: held.length }, steps: held }, place, {
        kinds: ['held'], label: w.heldHeading(held.length), counts: false, scrollKey: 'follow-held',
        actions: step => action(app, `release-${step.session}`, w.release, () => release(app, [step.session]), false,
          { 'aria-label': w.releaseLabel(app.t(step.title)), 'data-release': step.session }),
      }),
      el('div', { class: 'action-row' }, action(app, 'release-all', w.releaseAll, () => release(app, null)))));
  }
  return both();
}

function action(app, key, label, run, primary = false, attrs = {}) {
  return el('button', {
    type: 'button', class: ['btn', 'btn-small', primary && 'btn-primary'], 'data-action': `follow-${key}`, 'data-key': `follow-${key}`,
    disabled: panel.busy !== null, ...attrs,
    onclick: async () => {
      if (panel.busy !== null) return;
      panel.busy = key;
      app.render();
      try {
        await run();
      } catch (e) {
        app.toast(errorText(app, e), 'error');
      } finally {
        panel.busy = null;
        load(app);
      }
    },
  }, label);
}

async function load(app) {
  if (panel.loading) return;
  panel.loading = true;
  panel.version = app.live.version;
  const slug = app.slug;
  try {
    const answer = await get(base(app));
    if (slug === panel.slug) {
      panel.answer = answer;
      panel.error = null;
    }
  } catch (e) {
    panel.error = e;
  } finally {
    panel.loading = false;
    panel.loadedAt = Date.now();
    app.render();
  }
}

/** Asks again in 5 s while the panel is on screen; a view that left it stops the asking. */
function keepPolling(app) {
  if (panel.timer) return;
  panel.timer = setTimeout(() => {
    panel.timer = null;
    if (app.view === 'event' && document.querySelector('[data-follow-card]')) app.render();
  }, EVERY_MS);
}

async function pollNow(app) {
  await post(`${base(app)}/poll`);
  panel.note = null;
  app.toast(importWords(app).pollAsked, 'info');
  // The leader reads it within a second: ask for the outcome a little after.
  setTimeout(() => load(app), 1_500);
}

async function apply(app, release) {
  const w = importWords(app);
  try {
    const done = await post(`${base(app)}/apply`, { release });
    panel.note = null;
    app.toast(w.appliedRelease(done.changes), 'ok');
  } catch (e) {
    if (e instanceof ApiError && e.code === 'stale_release') {
      panel.note = w.staleRelease;
      app.toast(w.staleRelease, 'error');
      return;
    }
    throw e;
  }
}

async function release(app, sessions) {
  const done = await post(`${base(app)}/release`, sessions ? { sessions } : undefined);
  panel.note = null;
  app.toast(importWords(app).released((done.released || []).length), 'ok');
}

/** Admins: the URL, how its releases come in, and how often it is read (PUT). */
function openFollow(app, f) {
  const w = importWords(app);
  const url = el('input', { type: 'url', name: 'follow-url', spellcheck: 'false', autocapitalize: 'none', maxlength: 2000, required: true });
  url.value = f ? f.url : '';
  const mode = select(MODES.map(m => [m, w.modes[m]]), f ? f.mode : 'apply', { name: 'follow-mode' });
  const minutes = el('input', { type: 'number', name: 'follow-interval', min: 1, max: 1440, step: 1, required: true });
  minutes.value = String(f ? f.intervalMinutes : 5);
  openDialog(app, {
    title: w.followSetTitle, intro: w.followIntro, wide: true,
    body: [field(w.followUrl, url, w.followUrlHint), field(w.followMode, mode), field(w.interval, minutes, w.intervalHint)],
    confirm: {
      label: w.followSave,
      run: async () => {
        const u = url.value.trim();
        if (!/^https?:\/\/\S+$/i.test(u)) throw new FormError(w.urlNeeded);
        const m = Number(minutes.value);
        if (!Number.isInteger(m) || m < 1 || m > 1440) throw new FormError(w.intervalBad);
        await put(base(app), { url: u, mode: mode.value, intervalMinutes: m });
        panel.note = null;
        load(app);
        return w.followSaved;
      },
    },
  });
}

function openStop(app) {
  const w = importWords(app);
  openDialog(app, {
    title: w.stopTitle, intro: w.stopIntro, enterConfirms: false,
    body: [el('p', { class: 'mono' }, panel.answer && panel.answer.follow ? panel.answer.follow.url : '')],
    confirm: {
      label: w.stopConfirm, danger: true,
      run: async () => {
        await del(base(app));
        panel.note = null;
        load(app);
        return w.stopped;
      },
    },
  });
}

/** "2027-09-14 10:15:02" on the event's clock face (its zone): real times, to the second. */
function stamp(iso, zone) {
  let f = stampFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    stampFormats.set(zone, f);
  }
  const p = {};
  f.formatToParts(new Date(iso)).forEach(x => { p[x.type] = x.value; });
  return `${p.year}-${p.month}-${p.day} ${p.hour === '24' ? '00' : p.hour}:${p.minute}:${p.second}`;
}
