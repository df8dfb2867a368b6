// The run of show: the event's cue list in order, when each is due (a time on the event clock, or
// some minutes after another cue), what it does, whether it has fired; and firing one by hand
// (cue.fire: all its commands as one transaction, once, however often it is pressed).
import { el } from './text.js';
import { commandDialog } from './console-command.js';

export const cuesView = { id: 'cues', label: w => w.cues, render };

function cueName(app, c) {
  return app.t(c.name) || c.id;
}

/** Fired only by a role that may send every command in it (or admin), as the hub checks. */
function mayFire(app, c) {
  return app.me.role === 'admin' || (c.commands || []).every(cmd => app.may(cmd.type));
}

function due(app, state, c) {
  const w = app.words;
  if (c.at) return w.cueAt(app.time(c.at));
  if (c.after) {
    const before = (state.cues || []).find(x => x.id === c.after);
    return w.cueAfter(before ? cueName(app, before) : c.after, c.afterMinutes || 0);
  }
  return w.cueByHand;
}

function render(app) {
  const w = app.words;
  const state = app.live.state;
  const cues = state.cues || [];
  const rows = cues.map(c => el('tr', { 'data-cue': c.id, class: c.firedAt ? 'fired' : null },
    el('td', { class: 'num' }, String(c.position ?? '')),
    el('td', {}, el('strong', {}, cueName(app, c))),
    el('td', {}, due(app, state, c)),
    el('td', {}, (c.commands || []).map(cmd => cmd.type).join(', ')),
    el('td', {}, c.firedAt ? el('span', { class: ['badge', 'badge-ended'] }, w.cueFired(app.time(c.firedAt)))
      : el('span', { class: ['badge', 'badge-embargoed'] }, w.cueWaiting)),
    el('td', { class: 'row-actions' }, !c.firedAt && mayFire(app, c) && el('button', {
      type: 'button', class: ['btn', 'btn-small', 'btn-primary'], 'data-action': 'fire-cue', 'data-key': `fire-${c.id}`,
      onclick: () => openFire(app, c.id),
    }, w.fireCue))));
  return el('section', { class: 'cues-view' },
    el('div', { class: 'toolbar' }, el('h2', { class: 'toolbar-title' }, w.cues), el('span', { class: 'spacer' }),
      el('span', { class: 'hint' }, w.cuesHint)),
    el('div', { class: 'table-scroll', 'data-scroll': 'cues' },
      el('table', { class: ['data-table', 'cue-table'] },
        el('caption', { class: 'visually-hidden' }, w.cues),
        el('thead', {}, el('tr', {}, [w.position, w.name, w.cueDue, w.cueDoes, w.statusCol, w.actionsCol].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: 6, class: 'empty' }, w.noCues))))));
}

function openFire(app, id) {
  const w = app.words;
  const c = (app.live.state.cues || []).find(x => x.id === id);
  if (!c || c.firedAt) return;
  commandDialog(app, {
    title: w.fireTitle(cueName(app, c)), intro: w.fireIntro, enterConfirms: false,
    body: [el('ol', { class: 'cue-commands' }, (c.commands || []).map(cmd => el('li', { class: 'mono' }, JSON.stringify(cmd))))],
    confirm: w.fireNow,
    build: () => ({ type: 'cue.fire', cue: c.id }),
    done: a => w.cueFiredDone(cueName(app, c), a.version),
  });
}
