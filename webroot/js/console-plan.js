// What a schedule file or a followed schedule's release would do to an event, session by session
// (the diff of POST /api/events/import?dryRun=true, the plan of GET /api/events/{slug}/follow):
// the sessions counted by kind, then each one that changes, with its day, times and room before
// and after, in the event's time zone. The part that changes is marked.
import { el, fmtTime } from './text.js';
import { importWords } from './console-import-words.js';

const KINDS = ['added', 'moved', 'retimed', 'updated', 'restored', 'cancelled', 'removed', 'held', 'unchanged'];
/** A plan of 38C3's size lists up to this many steps; the rest are counted. */
const MAX_STEPS = 400;
const dayFormats = new Map();

/**
 * place: {zone, room(id) → its name}. plan: {counts, steps}. opts: {kinds: the kinds to count
 * (all by default), counts: false to leave them out, steps: the steps to list (plan.steps by
 * default), label, actions(step) → a cell's buttons, scrollKey: the list's data-scroll}.
 */
export function planView(app, plan, place, opts = {}) {
  const w = importWords(app);
  const kinds = opts.kinds || KINDS;
  const steps = opts.steps || plan.steps || [];
  const counts = plan.counts || {};
  const shown = kinds.filter(k => k === 'unchanged' || Number(counts[k]) > 0);
  const changing = kinds.some(k => k !== 'unchanged' && Number(counts[k]) > 0);
  return el('div', { class: 'plan' },
    opts.counts !== false && el('ul', { class: 'plan-counts', 'aria-label': opts.label || w.countsLabel },
      shown.map(k => el('li', { class: ['plan-count', `kind-${k}`], 'data-count': k },
        el('strong', { class: 'plan-n' }, String(counts[k] || 0)), ' ', w.kinds[k]))),
    !changing && el('p', { class: 'hint' }, w.nothingChanges),
    // Focusable, so that a keyboard can scroll a long list.
    steps.length > 0 && el('div', {
      class: ['table-scroll', 'plan-scroll'], tabindex: 0, role: 'region', 'aria-label': opts.label || w.countsLabel,
      'data-scroll': opts.scrollKey || null, // a view drawn anew keeps where it was scrolled to
    },
      el('table', { class: ['data-table', 'plan-table'] },
        el('caption', { class: 'visually-hidden' }, opts.label || w.countsLabel),
        el('thead', {}, el('tr', {}, [w.changeCol, w.sessionCol, w.beforeCol, w.afterCol, opts.actions && app.words.actionsCol]
          .filter(Boolean).map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, steps.slice(0, MAX_STEPS).map(step => stepRow(app, w, step, place, opts.actions))))),
    steps.length > MAX_STEPS && el('p', { class: 'hint' }, w.moreSteps(steps.length - MAX_STEPS)),
    steps.length > 0 && el('p', { class: 'hint' }, w.timesIn(place.zone)));
}

function stepRow(app, w, step, place, actions) {
  const why = step.held ? (w.held[step.held] || w.heldOther(step.held)) : null;
  return el('tr', { class: ['plan-step', `kind-${step.kind}`], 'data-step': step.session, 'data-kind': step.kind },
    el('td', { class: 'plan-kind' }, el('span', { class: ['badge', `badge-plan-${step.kind}`] }, w.kinds[step.kind] || step.kind),
      why && el('span', { class: ['hint', 'plan-held'] }, why)),
    el('th', { scope: 'row', class: 'plan-title' }, app.t(step.title)),
    el('td', { class: 'plan-before' }, slot(app, w, step.before, null, place)),
    el('td', { class: 'plan-after' }, slot(app, w, step.after, step.before, place)),
    actions && el('td', { class: 'row-actions' }, actions(step)));
}

/** "Tue 14 Sep 11:15–11:45 · Room Turing", the parts that differ from before marked. */
function slot(app, w, s, before, place) {
  if (!s) return w.none;
  const when = `${day(s.start, place.zone, app.lang)} ${fmtTime(s.start, place.zone, app.lang)}–${fmtTime(s.end, place.zone, app.lang)}`;
  const retimed = before && (before.start !== s.start || before.end !== s.end);
  const moved = before && before.room !== s.room;
  const cancelled = before && s.status === 'cancelled' && before.status !== 'cancelled';
  return [
    el('span', { class: ['slot-when', retimed && 'differs'] }, when),
    ' · ',
    el('span', { class: ['slot-room', moved && 'differs'] }, place.room(s.room)),
    s.status === 'cancelled' && el('span', { class: ['slot-status', cancelled && 'differs'] }, ` · ${w.cancelledMark}`),
  ];
}

function day(instant, zone, lang) {
  const key = `${zone}|${lang}`;
  let f = dayFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short' });
    dayFormats.set(key, f);
  }
  return f.format(new Date(instant));
}

/** Room names of a snapshot (or the console's state): id → its name, the id itself for one it does not have. */
export function roomNames(app, state) {
  const names = new Map(((state && state.rooms) || []).map(r => [r.id, app.t(r.name)]));
  return id => names.get(id) || id;
}
