// The run of show: the event's cue list in order, when each is due on the event clock (or after
// another cue), what it does in words, whether it fired (and who fired it), which are missed
// (over 5 min overdue: the cue clock leaves them to staff) and which is next; GO (Space or F9 here,
// or the palette) fires the next one. Cues are added, edited, moved and removed here; on a
// rehearsal copy the rehearsal clock's controls sit on top.
import { el } from './text.js';
import { commandDialog } from './console-command.js';
import { describeCommand, PICKABLE } from './console-cue-commands.js';
import { clockSignature, cueList, cueStatus, findCue, nextCue } from './console-cue-status.js';
import { cueName, mayEdit, moveCue, openCueEditor, openRemoveCue } from './console-cue-editor.js';
import { fireShownNext, firedBy, firedEntry, goReady, isFiring } from './console-cue-fire.js';
import { mayRehearse, openRehearse, rehearsalBar } from './console-rehearsal.js';

export const cuesView = { id: 'cues', label: w => w.cues, render };

const ticker = { timer: null, signature: '' };

/** The clock alone moves cues to due, missed, next: draw again when what it shows would change. */
function tick(app) {
  if (ticker.timer) return;
  ticker.timer = setInterval(() => {
    if (app.view !== 'cues' || !app.live.state) return;
    const s = clockSignature(app.live.state, app.live.eventNow());
    if (s !== ticker.signature) app.render();
  }, 1_000);
}

/** Fired only by admin, or a role that may send every command in it, as the hub checks. */
export function mayFire(app, c) {
  return app.me.role === 'admin' || (c.commands || []).every(cmd => app.may(cmd.type));
}

export function mayAddCues(app) {
  return PICKABLE.some(type => app.may(type));
}

/** The cue's name for screen readers after a button's visible text ("Edit… Keynote 1"). */
const hidden = name => el('span', { class: 'visually-hidden' }, ` ${name}`);

function due(app, state, c) {
  const w = app.words;
  if (c.at) return w.cueAt(app.time(c.at));
  if (c.after) {
    const before = findCue(state, c.after);
    return w.cueAfter(before ? cueName(app, before) : c.after, c.afterMinutes || 0);
  }
  return w.cueByHand;
}

function statusOf(app, state, c, s, isNext) {
  const w = app.words;
  const badge = (cls, text, attrs = {}) => el('span', { class: ['badge', cls], ...attrs }, text);
  if (s.kind === 'fired') {
    const entry = firedEntry(app, c.id);
    return badge('badge-ended', entry ? w.cueFiredBy(app.time(c.firedAt), firedBy(app, entry.actor)) : w.cueFired(app.time(c.firedAt)));
  }
  const parts = [isNext && badge('badge-next', w.cueNext)];
  if (s.kind === 'missed') parts.push(badge('badge-missed', w.cueMissed, { title: w.cueMissedHint }), ' ', el('span', { class: 'hint' }, w.cueLate(s.minutes)));
  else if (s.kind === 'due') parts.push(badge('badge-due', w.cueDueNow));
  else if (s.kind === 'scheduled') parts.push(badge('badge-embargoed', w.cueWaiting), ' ', el('span', { class: 'hint' }, w.cueIn(s.minutes)));
  else if (s.kind === 'waits') {
    const before = findCue(state, c.after);
    parts.push(badge('badge-embargoed', w.cueWaiting), ' ', el('span', { class: 'hint' }, w.cueWaitsFor(before ? cueName(app, before) : c.after)));
  } else parts.push(badge('badge-embargoed', w.cueByHandOnly));
  return el('span', { class: 'cue-status' }, parts);
}

function render(app) {
  const w = app.words;
  const state = app.live.state;
  const now = app.live.eventNow();
  tick(app);
  ticker.signature = clockSignature(state, now);
  const list = cueList(state);
  const next = nextCue(state, now);
  const rows = list.map((c, i) => {
    const s = cueStatus(state, c, now);
    const isNext = next && next.id === c.id;
    const name = cueName(app, c);
    const editable = !c.firedAt && mayEdit(app, c);
    const movable = neighbour => editable && neighbour && !neighbour.firedAt && mayEdit(app, neighbour);
    return el('tr', { 'data-cue': c.id, class: [c.firedAt && 'fired', s.kind === 'missed' && 'missed', isNext && 'next'] },
      el('td', { class: 'num' }, String(i + 1)),
      el('td', {}, el('strong', { class: 'cue-name' }, name)),
      el('td', { class: 'cue-due' }, due(app, state, c)),
      el('td', {}, el('ol', { class: 'cue-does' }, (c.commands || []).map(cmd => el('li', {}, describeCommand(app, cmd))))),
      el('td', {}, statusOf(app, state, c, s, isNext)),
      el('td', { class: 'row-actions' },
        editable && el('button', { type: 'button', class: ['btn', 'btn-small'], 'data-action': 'cue-up', 'data-key': `up-${c.id}`, 'aria-label': w.moveUpLabel(name), disabled: !movable(list[i - 1]), onclick: e => moveCue(app, c.id, -1, e.currentTarget) }, '↑'),
        editable && el('button', { type: 'button', class: ['btn', 'btn-small'], 'data-action': 'cue-down', 'data-key': `down-${c.id}`, 'aria-label': w.moveDownLabel(name), disabled: !movable(list[i + 1]), onclick: e => moveCue(app, c.id, 1, e.currentTarget) }, '↓'),
        editable && el('button', { type: 'button', class: ['btn', 'btn-small'], 'data-action': 'edit-cue', 'data-key': `edit-${c.id}`, onclick: () => openCueEditor(app, c.id) }, w.editCue, hidden(name)),
        editable && el('button', { type: 'button', class: ['btn', 'btn-small', 'btn-danger-quiet'], 'data-action': 'remove-cue', 'data-key': `remove-${c.id}`, onclick: () => openRemoveCue(app, c.id) }, w.removeCue, hidden(name)),
        !c.firedAt && mayFire(app, c) && el('button', {
          type: 'button', class: ['btn', 'btn-small', s.kind === 'missed' ? 'btn-primary' : null], 'data-action': 'fire-cue', 'data-key': `fire-${c.id}`,
          disabled: isFiring(c.id), onclick: () => openFire(app, c.id),
        }, w.fireCue, hidden(name))));
  });
  return el('section', { class: 'cues-view' },
    rehearsalBar(app),
    goPanel(app, state, next, now),
    el('div', { class: 'toolbar' }, el('h2', { class: 'toolbar-title' }, w.cues),
      el('span', { class: 'hint' }, w.cuesHint), el('span', { class: 'spacer' }),
      mayRehearse(app) && el('button', { type: 'button', class: 'btn', 'data-action': 'rehearse', onclick: () => openRehearse(app) }, w.rehearse),
      mayAddCues(app) && el('button', { type: 'button', class: 'btn', 'data-action': 'add-cue', onclick: () => openCueEditor(app, null) }, w.addCue)),
    el('div', { class: 'table-scroll', 'data-scroll': 'cues' },
      el('table', { class: ['data-table', 'cue-table'] },
        el('caption', { class: 'visually-hidden' }, w.cues),
        el('thead', {}, el('tr', {}, ['#', w.cueName, w.cueDue, w.cueDoes, w.cueStatusCol, w.actionsCol].map(h => el('th', { scope: 'col' }, h)))),
        el('tbody', {}, rows.length ? rows : el('tr', {}, el('td', { colspan: 6, class: 'empty' }, w.noCues))))));
}

/** GO: the next cue, what it does, and the one button (Space, F9) that fires exactly that cue. */
function goPanel(app, state, next, now) {
  const w = app.words;
  if (!next) return el('section', { class: ['go-panel', 'done'], 'aria-label': w.nextCue }, el('p', {}, w.noNextCue));
  const s = cueStatus(state, next, now);
  const may = mayFire(app, next);
  const ready = goReady() && !isFiring(next.id);
  return el('section', { class: ['go-panel', s.kind === 'due' && 'due'], 'aria-labelledby': 'go-h', 'data-next': next.id },
    el('div', { class: 'go-text' },
      el('h2', { id: 'go-h', class: 'go-heading' }, w.nextCue),
      el('p', { class: 'go-name' }, cueName(app, next), ' ', el('span', { class: 'go-due' }, '· ', due(app, state, next),
        s.kind !== 'hand' && [' · ', statusOf(app, state, next, s, false)])),
      el('p', { class: 'go-does' }, (next.commands || []).map(cmd => describeCommand(app, cmd)).join(' → '))),
    may && el('div', { class: 'go-action' },
      el('button', {
        type: 'button', class: ['btn', 'btn-go'], 'data-action': 'fire-next', 'data-next-cue': next.id, 'data-key': 'fire-next',
        'aria-keyshortcuts': 'Space F9', disabled: !ready, onclick: () => fireShownNext(app),
      }, ready ? w.fireNext : w.goHold),
      el('p', { class: 'hint' }, w.fireNextKeys)));
}

/** A cue's own row: fired by hand after a confirmation that shows what it does (a missed one, too). */
function openFire(app, id) {
  const w = app.words;
  const c = findCue(app.live.state, id);
  if (!c || c.firedAt) return;
  commandDialog(app, {
    title: w.fireTitle(cueName(app, c)), intro: w.fireIntro, enterConfirms: false,
    body: [el('ol', { class: 'cue-commands' }, (c.commands || []).map(cmd => el('li', {}, describeCommand(app, cmd))))],
    confirm: w.fireNow,
    build: () => ({ type: 'cue.fire', cue: c.id }),
    done: a => w.cueFiredDone(cueName(app, c), a.version),
  });
}
