// The rooms' speaker timers from the console: what each room's stage shows now (the crew's message
// to the speaker, blackout, the timer phases) and the commands that change it: stage.message (shown
// until cleared), stage.flash, stage.blackout and stage.timer (per event, or per session). Each is
// one command through the catalogue's roles; a message is typed in a dialog, the rest is one click.
import { el } from './text.js';
import { bilingualField, field, select } from './console-dialog.js';
import { commandDialog, FormError, sendNow } from './console-command.js';
import { within } from './console-catalogue.js';
import { sortedRooms } from './console-names.js';
import { venueDay } from './console-time.js';

const DEFAULT_PHASES = { warningMinutes: 5, dangerMinutes: 1 };

const stageOf = room => room.stage || {};

function hasMessage(stage) {
  const m = stage.message;
  return !!m && !!((m.en || '').trim() || (m.zh || '').trim());
}

/** The session a room's timers count now: the live one there, else the next scheduled today. */
function timedSession(state, room, now) {
  const mine = (state.sessions || []).filter(s => s.room === room);
  const zone = state.event.timeZone;
  return mine.find(s => s.status === 'live')
    || mine.filter(s => s.status === 'scheduled' && Date.parse(s.end) > now && venueDay(s.start, zone) === venueDay(now, zone))
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))[0]
    || null;
}

function phasesOf(state, s) {
  return (s && s.timer) || state.event.timer || DEFAULT_PHASES;
}

/** The card on the Stage & notices view: one entry per room. */
export function roomStagesCard(app) {
  const w = app.words;
  const state = app.live.state;
  return el('section', { class: ['card', 'stage-rooms-card'], 'aria-labelledby': 'stage-rooms-h' },
    el('h2', { id: 'stage-rooms-h' }, w.stageControls),
    el('p', { class: 'hint' }, w.stageControlsHint),
    el('ul', { class: 'stage-rooms' }, sortedRooms(state).map(room => roomEntry(app, state, room))));
}

function roomEntry(app, state, room) {
  const w = app.words;
  const stage = stageOf(room);
  const name = app.t(room.name);
  const timed = timedSession(state, room.id, app.live.eventNow());
  const phases = phasesOf(state, timed);
  const key = what => `${what}-${room.id}`;
  const button = (label, action, run, kind = null) => el('button', {
    type: 'button', class: ['btn', 'btn-small', kind], 'data-action': action, 'data-key': key(action), onclick: run,
  }, label);
  const message = hasMessage(stage);
  return el('li', { class: ['stage-room', stage.blackout && 'blackout'], 'data-stage-room': room.id },
    el('h3', {}, name),
    el('p', { class: 'stage-message', 'data-stage-message': room.id },
      el('strong', {}, w.messageLabel),
      message ? [
        (stage.message.en || '').trim() && el('span', { class: 'message-text', lang: 'en' }, stage.message.en),
        (stage.message.en || '').trim() && (stage.message.zh || '').trim() && ' / ',
        (stage.message.zh || '').trim() && el('span', { class: 'message-text', lang: 'zh-CN' }, stage.message.zh),
      ] : el('span', { class: 'hint' }, w.noMessage)),
    el('p', { class: ['stage-blackout', stage.blackout && 'on'], 'data-stage-blackout': room.id },
      stage.blackout ? w.blackoutIsOn : w.timersLit),
    el('p', { class: ['hint', 'stage-phases'] },
      w.phases(phases.warningMinutes, phases.dangerMinutes, timed ? app.t(timed.title) : null)),
    el('div', { class: ['action-row', 'stage-actions'], role: 'group', 'aria-label': name },
      app.may('stage.message') && button(w.setMessage, 'stage-message', () => openMessage(app, room.id)),
      app.may('stage.message') && message && button(w.clearMessage, 'stage-clear', e => sendNow(app, key('stage.message'),
        { type: 'stage.message', room: room.id }, a => w.messageCleared(name, a.version), e.currentTarget)),
      app.may('stage.flash') && button(w.flash, 'stage-flash', e => sendNow(app, key('stage.flash'),
        { type: 'stage.flash', room: room.id }, a => w.flashed(name, a.version), e.currentTarget)),
      app.may('stage.blackout') && button(stage.blackout ? w.lightUp : w.blackout, 'stage-blackout', e => sendNow(app,
        key(`stage.blackout.${!stage.blackout}`), { type: 'stage.blackout', room: room.id, on: !stage.blackout },
        a => (stage.blackout ? w.litUp(name, a.version) : w.blackedOut(name, a.version)), e.currentTarget),
      stage.blackout ? null : 'btn-danger-quiet'),
      app.may('stage.timer') && button(w.timerPhases, 'stage-timer', () => openPhases(app, room.id))));
}

/** The crew's message, in English and Chinese, shown until cleared. */
export function openMessage(app, roomId) {
  const w = app.words;
  const state = app.live.state;
  const room = (state.rooms || []).find(r => r.id === roomId);
  if (!room) return;
  const name = app.t(room.name);
  const stage = stageOf(room);
  const text = bilingualField(app, w.messageText, hasMessage(stage) ? stage.message : null, { name: 'message', required: true });
  const preset = el('p', { class: 'preset-row' }, el('span', { class: 'hint' }, w.quickText), el('button', {
    type: 'button', class: ['btn', 'btn-small'], 'data-action': 'wrap-up',
    onclick: () => {
      text.inputs[0].value = w.wrapUp.en;
      text.inputs[1].value = w.wrapUp.zh;
    },
  }, w.useWrapUp));
  commandDialog(app, {
    title: w.messageTitle(name), intro: w.messageIntro, body: [preset, text], confirm: w.showMessage,
    build: () => {
      const value = text.value();
      if (!value) throw new FormError(w.textNeeded);
      return { type: 'stage.message', room: roomId, text: value };
    },
    done: a => w.messageShown(name, a.version),
  });
}

/** Warning and danger minutes: the event's default, or one session's own. */
export function openPhases(app, roomId) {
  const w = app.words;
  const state = app.live.state;
  const room = (state.rooms || []).find(r => r.id === roomId);
  if (!room) return;
  const name = app.t(room.name);
  const zone = state.event.timeZone;
  const now = app.live.eventNow();
  const timed = timedSession(state, roomId, now);
  const sessions = (state.sessions || []).filter(s => s.room === roomId && (s.status === 'scheduled' || s.status === 'live')
    && venueDay(s.start, zone) === venueDay(now, zone));
  const range = app.range('stage.timer', 'warningMinutes') || { min: 0, max: 120 };
  const hint = w.phasesHint(range.min, range.max);
  const which = select([['', w.timerEvent], ...sessions.map(s => [s.id, `${app.time(s.start)} ${app.t(s.title)}${s.timer ? ` (${w.ownPhases})` : ''}`])],
    timed ? timed.id : '', { name: 'session' });
  const number = nameOf => el('input', { type: 'number', min: range.min, max: range.max, step: 1, inputmode: 'numeric', name: nameOf });
  const warning = number('warningMinutes');
  const danger = number('dangerMinutes');
  const fill = () => {
    const s = sessions.find(x => x.id === which.value);
    const p = s ? phasesOf(state, s) : state.event.timer || DEFAULT_PHASES;
    warning.value = p.warningMinutes;
    danger.value = p.dangerMinutes;
  };
  which.addEventListener('change', fill);
  fill();
  commandDialog(app, {
    title: w.timerTitle(name), intro: w.timerIntro,
    body: [field(w.timerFor, which), el('div', { class: 'field-row' }, field(w.warningMinutes, warning), field(w.dangerMinutes, danger)),
      el('p', { class: 'hint' }, hint)],
    confirm: w.setPhases,
    build: () => {
      const b = { type: 'stage.timer', warningMinutes: Number(warning.value), dangerMinutes: Number(danger.value) };
      if (!within(range, b.warningMinutes) || !within(range, b.dangerMinutes) || b.dangerMinutes > b.warningMinutes) {
        throw new FormError(hint);
      }
      if (which.value) b.session = which.value;
      return b;
    },
    done: a => w.phasesSet(a.version),
  });
}
