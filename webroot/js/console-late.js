// Running late in the console: the hub's projection of a session (running-late.js) shown on its
// card and in its panel, and the two things staff do with it: apply it as a delay (the usual
// delay dialog, its cascade previewed, at the projected minutes) or dismiss it for that session.
import { el } from './text.js';
import { lateness } from './running-late.js';
import { sendNow } from './console-command.js';
import { openDelay } from './console-session.js';

/** The minutes a delay must be to match the projection: later start, or a live session's later end. */
export function lateMinutes(state, s) {
  const late = lateness(state, s);
  if (!late) return 0;
  if (late.start) return late.minutes;
  return Math.floor((Date.parse(late.end) - Date.parse(s.end)) / 60_000);
}

/** "Expected 09:38 · +3 min" on a grid card, or null. */
export function lateLine(app, state, s) {
  const w = app.words;
  const late = lateness(state, s);
  if (!late) return null;
  return el('span', { class: 'card-expected', 'data-expected': s.id },
    late.start ? w.expectedShort(app.time(late.start), late.minutes) : w.expectedEndShort(app.time(late.end)));
}

/** The two actions, as far as the role allows: beside the card in the grid, or in the panel. */
export function lateActions(app, state, s, where) {
  const w = app.words;
  const minutes = lateMinutes(state, s);
  if (minutes <= 0) return null;
  const title = app.t(s.title);
  const apply = app.may('session.delay') && el('button', {
    type: 'button', class: ['btn', 'btn-small'], 'data-action': 'apply-late', 'data-key': `apply-late-${where}-${s.id}`,
    'aria-label': where === 'grid' ? w.applyLateLabel(title, minutes) : null, onclick: () => openDelay(app, s.id, minutes),
  }, where === 'grid' ? w.applyLateShort(minutes) : w.applyLate);
  // A live session has started: nothing is left to leave out of the projection.
  const dismiss = app.may('stage.dismiss') && s.status === 'scheduled' && el('button', {
    type: 'button', class: ['btn', 'btn-small', 'btn-quiet'], 'data-action': 'dismiss-late',
    'data-key': `dismiss-late-${where}-${s.id}`, 'aria-label': where === 'grid' ? w.dismissLateLabel(title) : null,
    onclick: e => dismissLate(app, s, e.currentTarget),
  }, w.dismissLate);
  if (!apply && !dismiss) return null;
  return el('div', {
    class: 'late-actions', role: 'group', 'aria-label': w.runningLate, 'data-late-actions': where === 'grid' ? s.id : null,
  }, apply, dismiss);
}

/** stage.dismiss: the session is left out of its room's projection until it starts. */
export function dismissLate(app, s, button) {
  const title = app.t(s.title);
  sendNow(app, `stage.dismiss:${s.id}`, { type: 'stage.dismiss', session: s.id },
    a => app.words.lateDismissed(title, a.version), button);
}

/** The session panel's block: what the hub expects and the two actions; null when it runs to time. */
export function lateBlock(app, s) {
  const w = app.words;
  const state = app.live.state;
  const late = lateness(state, s);
  if (!late) return null;
  return el('section', { class: 'late-block', 'aria-label': w.runningLate, 'data-late-panel': s.id },
    el('h3', { class: 'panel-heading' }, w.runningLate),
    el('p', { class: 'late-now' }, el('strong', {},
      late.start ? w.expectedAt(app.time(late.start), late.minutes) : w.expectedEnd(app.time(late.end)))),
    el('p', { class: 'hint' }, w.lateHint),
    lateActions(app, state, s, 'panel'));
}
