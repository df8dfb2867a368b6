// The change log (the audit log): who changed what, when, newest first, kept live by reading
// GET /changes?after=N whenever the socket brings a new version; and undo, which is a new change.
import { el } from './text.js';
import { get } from './console-api.js';
import { commandDialog } from './console-command.js';
import { describeChange } from './console-describe.js';
import { venueClock } from './console-time.js';

const KEEP = 500;
// What made something new, or changed nothing, has no undo (the hub says invalid_state): cancel or edit it instead.
const NO_UNDO = new Set(['session.added', 'room.added', 'speaker.added', 'award.added', 'screen.reload', 'screen.identify', 'change.undone']);

export function undoable(app, e) {
  return e.actor === app.me.actor && !e.hidden && !NO_UNDO.has(e.kind);
}
const PAGE = 200;

export function changeLog(app) {
  const entries = []; // newest first
  const madeHere = new Set();
  let last = null; // the highest version read
  let loading = false;
  let again = false;
  let failed = null;

  async function load() {
    if (loading) {
      again = true;
      return;
    }
    loading = true;
    try {
      if (last === null) last = Math.max(0, (app.live.version || 0) - PAGE);
      for (;;) {
        const page = await get(`/api/events/${encodeURIComponent(app.slug)}/changes?after=${last}`);
        const fresh = (page.changes || []).filter(c => c.version > last);
        fresh.forEach(c => entries.unshift(c));
        if (fresh.length) last = fresh[fresh.length - 1].version;
        if (!page.more || !fresh.length) break;
      }
      entries.splice(KEEP);
      failed = null;
    } catch (e) {
      failed = e;
    } finally {
      loading = false;
      app.render();
      if (again) {
        again = false;
        load();
      }
    }
  }

  return {
    entries,
    get failed() { return failed; },
    /** Every state the socket brings: read what is new (also what this role only sees as hidden). */
    heard() {
      if (app.live.version !== null && (last === null || app.live.version > last)) load();
    },
    mine(version) {
      madeHere.add(version);
    },
    /** The newest change this login made that has not been undone yet. */
    lastMine() {
      const undone = new Set(entries.filter(e => e.kind === 'change.undone' && e.data).map(e => undoneVersion(e.data)));
      return entries.find(e => undoable(app, e) && !undone.has(e.version)) || null;
    },
  };
}

/** The version an undo took back (the hub names it in the change's data). */
function undoneVersion(data) {
  return data.undoes;
}

export const logView = { id: 'log', label: w => w.log, render };

function render(app) {
  const w = app.words;
  const log = app.log;
  const zone = app.zone();
  const rows = log.entries.map(e => el('tr', { 'data-version': e.version, class: [e.actor === app.me.actor && 'mine', e.audience !== 'public' && 'staff-only'] },
    el('td', { class: 'num' }, String(e.version)),
    el('td', { class: 'num' }, venueClock(Date.parse(e.at), zone)),
    el('td', {}, actorName(e.actor)),
    el('td', { class: 'what' }, describeChange(app, e),
      e.audience !== 'public' && el('span', { class: ['badge', 'badge-staff'] }, w.audience[e.audience] || e.audience)),
    el('td', {}, undoable(app, e)
      ? el('button', { type: 'button', class: ['btn', 'btn-small'], 'data-action': 'undo-version', 'data-key': `undo-${e.version}`, onclick: () => openUndo(app, e) }, w.undo)
      : null)));
  return el('section', { class: 'log-view' },
    el('div', { class: 'toolbar' }, el('h2', { class: 'toolbar-title' }, w.logTitle), el('span', { class: 'spacer' }),
      el('span', { class: 'hint' }, w.logHint)),
    log.failed && el('p', { class: 'error-text', role: 'alert' }, w.logFailed),
    el('div', { class: 'table-scroll', 'data-scroll': 'log' },
      el('table', { class: ['data-table', 'log-table'] },
        el('caption', { class: 'visually-hidden' }, w.logTitle),
        el('thead', {}, el('tr', {}, [w.versionCol, w.timeCol, w.whoCol, w.whatCol, w.actionsCol].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: 5, class: 'empty' }, w.logEmpty))))));
}

export function actorName(actor) {
  return String(actor || '').replace(/^staff:/, '');
}

/** Undo one change (the last one this login made, when none is given): a confirmation first. */
export function openUndo(app, entry) {
  const w = app.words;
  const target = entry || app.log.lastMine();
  if (!target) {
    app.toast(w.nothingToUndo, 'info');
    return;
  }
  commandDialog(app, {
    title: w.undoTitle,
    intro: w.undoIntro(target.version, venueClock(Date.parse(target.at), app.zone())),
    body: [el('p', { class: 'undo-what' }, describeChange(app, target))],
    confirm: w.undoConfirm,
    build: () => ({ type: 'change.undo', version: target.version }),
    done: a => w.undoneDone(target.version, a.version),
  });
}
