// Editing the cue list: a cue whole (name, when it fires, its commands in order) saved with
// cue.save, removed with cue.remove, moved up or down (positions), and "add to a cue" from the
// console's own forms: the command they built goes into a chosen cue, shown before it is saved.
import { el } from './text.js';
import { intent } from './console-api.js';
import { bilingualField, errorText, field, openDialog, select } from './console-dialog.js';
import { commandDialog, FormError } from './console-command.js';
import { venueLocal } from './console-time.js';
import { slug } from './console-session.js';
import { commandPicker, describeCommand } from './console-cue-commands.js';
import { cueList, findCue } from './console-cue-status.js';

const MAX_COMMANDS = 20;

export function cueName(app, c) {
  return (c && app.t(c.name)) || (c && c.id) || '';
}

/** Saved and removed only by admin or a role that may send every command in it, as the hub checks. */
export function mayEdit(app, c) {
  return app.me.role === 'admin' || (c.commands || []).every(cmd => app.may(cmd.type));
}

/** The cue dialog: id null adds one; append: a command to add to its list before it is shown. */
export function openCueEditor(app, id, append = null) {
  const w = app.words;
  const state = app.live.state;
  const zone = state.event.timeZone;
  const cue = id ? findCue(state, id) : null;
  if (cue && cue.firedAt) {
    app.toast(w.firedCueFixed, 'info');
    return null;
  }
  const commands = cue ? (cue.commands || []).map(c => ({ ...c })) : [];
  if (append) commands.push(append);
  const name = bilingualField(app, w.cueName, cue ? cue.name : null, { name: 'cue-name', required: true });
  const cueId = el('input', { type: 'text', name: 'cue-id', autocapitalize: 'none', spellcheck: 'false', maxlength: 64 });
  if (!cue) name.inputs[0].addEventListener('input', () => { if (!cueId.dataset.touched) cueId.value = slug(name.inputs[0].value); });
  cueId.addEventListener('input', () => { cueId.dataset.touched = '1'; });
  const when = select([['hand', w.whenHand], ['at', w.whenAt], ['after', w.whenAfter]],
    cue && cue.at ? 'at' : cue && cue.after ? 'after' : 'hand', { name: 'cue-when' });
  const at = el('input', { type: 'datetime-local', name: 'cue-at', step: 60 });
  at.value = venueLocal(cue && cue.at ? cue.at : app.live.eventNow() + 10 * 60_000, zone);
  const others = cueList(state).filter(c => c.id !== id);
  const after = select(others.map(c => [c.id, cueName(app, c)]), cue && cue.after, { name: 'cue-after' });
  const minutes = el('input', { type: 'number', name: 'cue-after-minutes', min: 0, max: 600, step: 1, value: cue ? cue.afterMinutes || 0 : 0 });
  const atField = field(w.cueAtLabel, at, w.venueTime(zone));
  const afterFields = el('div', { class: 'field-row' }, field(w.afterCue, after), field(w.afterMinutes, minutes, w.afterMinutesHint));
  const sync = () => {
    atField.classList.toggle('hidden', when.value !== 'at');
    afterFields.classList.toggle('hidden', when.value !== 'after');
  };
  when.addEventListener('change', sync);
  sync();

  const list = el('ol', { class: 'cue-command-list', 'aria-live': 'polite' });
  const drawList = () => {
    list.replaceChildren(...(commands.length ? commands.map((c, i) => el('li', { class: 'cue-command', 'data-command': i },
      el('span', { class: 'cue-command-text' }, describeCommand(app, c)),
      el('span', { class: 'cue-command-actions' },
        el('button', { type: 'button', class: ['btn', 'btn-small'], 'aria-label': w.commandUpLabel(i + 1), disabled: i === 0, onclick: () => move(i, -1) }, '↑'),
        el('button', { type: 'button', class: ['btn', 'btn-small'], 'aria-label': w.commandDownLabel(i + 1), disabled: i === commands.length - 1, onclick: () => move(i, 1) }, '↓'),
        el('button', { type: 'button', class: ['btn', 'btn-small', 'btn-danger-quiet'], 'data-action': 'remove-command', 'aria-label': w.removeCommandLabel(i + 1), onclick: () => { commands.splice(i, 1); drawList(); } }, '×'))))
      : [el('li', { class: ['hint', 'cue-command-none'] }, w.noCommands)]));
  };
  const move = (i, by) => {
    const [c] = commands.splice(i, 1);
    commands.splice(i + by, 0, c);
    drawList();
    const again = list.querySelectorAll('.cue-command')[i + by];
    if (again) again.querySelector(`button[aria-label="${CSS.escape(by < 0 ? w.commandUpLabel(i + by + 1) : w.commandDownLabel(i + by + 1))}"]`)?.focus();
  };
  drawList();
  const picker = commandPicker(app, body => {
    if (commands.length >= MAX_COMMANDS) throw new FormError(w.tooManyCommands);
    commands.push(body);
    drawList();
  });

  return commandDialog(app, {
    title: cue ? w.cueTitleEdit(cueName(app, cue)) : w.cueTitleNew, wide: true, enterConfirms: false, className: 'cue-dialog',
    body: [name, !cue && field(w.idLabel, cueId, w.idHint), field(w.cueWhen, when), atField, afterFields,
      el('h3', { class: 'panel-heading' }, w.cueCommands), list, picker],
    confirm: w.save,
    build: () => {
      const n = name.value();
      if (!n) throw new FormError(w.nameNeeded);
      const theId = cue ? cue.id : cueId.value || slug(typeof n === 'string' ? n : n.en);
      if (!/^[a-z0-9-]{1,64}$/.test(theId)) throw new FormError(w.idHint);
      if (!cue && findCue(app.live.state, theId)) throw new FormError(w.cueIdTaken(theId));
      if (!commands.length) throw new FormError(w.commandsNeeded);
      const b = { type: 'cue.save', cue: theId, name: n, commands: commands.map(c => ({ ...c })) };
      if (cue) b.position = cue.position ?? 0;
      if (when.value === 'at') {
        if (!at.value) throw new FormError(w.cueAtLabel);
        b.at = at.value;
      } else if (when.value === 'after') {
        const m = Number(minutes.value);
        if (!after.value) throw new FormError(w.chooseOne);
        if (!Number.isInteger(m) || m < 0 || m > 600) throw new FormError(w.afterMinutesHint);
        b.after = after.value;
        b.afterMinutes = m;
      }
      return b;
    },
    done: (a, b) => w.cueSaved(app.t(b.name), a.version),
  });
}

/** "Add to a cue…" from a form: which cue (or a new one), then the cue dialog with the command in it. */
export function pickCue(app, body) {
  const w = app.words;
  const open = cueList(app.live.state).filter(c => !c.firedAt && mayEdit(app, c));
  const choice = select([['', w.newCue], ...open.map(c => [c.id, cueName(app, c)])], '', { name: 'pick-cue' });
  openDialog(app, {
    title: w.pickCueTitle, intro: w.pickCueIntro(describeCommand(app, body)),
    body: [field(w.toCue, choice)],
    confirm: {
      label: w.nextStep,
      run: async () => {
        const id = choice.value || null;
        setTimeout(() => openCueEditor(app, id, body), 0);
        return '';
      },
    },
  });
}

export function openRemoveCue(app, id) {
  const w = app.words;
  const cue = findCue(app.live.state, id);
  if (!cue) return;
  commandDialog(app, {
    title: w.removeCueTitle(cueName(app, cue)), intro: w.removeCueIntro, danger: true, enterConfirms: false,
    body: [el('ol', { class: 'cue-command-list' }, (cue.commands || []).map(c => el('li', {}, describeCommand(app, c))))],
    confirm: w.removeIt,
    build: () => ({ type: 'cue.remove', cue: cue.id }),
    done: a => w.cueRemoved(cueName(app, cue), a.version),
  });
}

function saveBody(cue, position) {
  const b = { type: 'cue.save', cue: cue.id, name: cue.name, position, commands: cue.commands };
  if (cue.at) b.at = cue.at;
  else if (cue.after) {
    b.after = cue.after;
    b.afterMinutes = cue.afterMinutes || 0;
  }
  return b;
}

const moving = new Set();

/**
 * Swaps a cue with its unfired neighbour: two cue.save commands (the hub has no one-command
 * reorder), each whole and with its own key, both checked against the version shown.
 */
export async function moveCue(app, id, by, button) {
  const w = app.words;
  const state = app.live.state;
  const list = cueList(state);
  const i = list.findIndex(c => c.id === id);
  const other = list[i + by];
  const cue = list[i];
  if (!cue || !other || cue.firedAt || other.firedAt || moving.has(id)) return;
  moving.add(id);
  if (button) button.disabled = true;
  const seen = app.live.version;
  let a = cue.position ?? 0;
  let b = other.position ?? 0;
  if (a === b) {
    // Two at one position are ordered by id: make the order explicit.
    a = by < 0 ? b + 1 : Math.max(0, b - 1);
  }
  try {
    let answer = await intent().send(app.slug, { ...saveBody(cue, b), expectedVersion: seen });
    app.log.mine(answer.version);
    answer = await intent().send(app.slug, { ...saveBody(other, a), expectedVersion: seen });
    app.log.mine(answer.version);
    app.toast(w.cueMoved(cueName(app, cue), answer.version), 'ok');
  } catch (e) {
    app.toast(errorText(app, e), 'error');
  } finally {
    moving.delete(id);
    if (button && button.isConnected) button.disabled = false;
  }
}
