// The event clock in the top bar (live.eventNow(), which may be simulated: the demo, a rehearsal),
// marked clearly when it is not the real time, and for admins the controls: jump, speed, pause.
import { el } from './text.js';
import { field, select } from './console-dialog.js';
import { commandDialog, FormError } from './console-command.js';
import { venueClock, venueLocal } from './console-time.js';

const SPEEDS = [0.5, 1, 2, 5, 10, 20, 60];

/** Updates the clock's text in place every second; builds it once (a focused button stays focused). */
export function renderClock(root, app) {
  const w = app.words;
  const state = app.live && app.live.state;
  if (!state) return;
  if (!root.firstChild) {
    root.append(
      el('span', { class: 'clock-label' }),
      el('span', { class: 'clock-time', 'data-clock': '' }),
      el('span', { class: 'clock-mode' }),
      el('button', { type: 'button', class: ['btn', 'btn-small', 'clock-set'], 'data-action': 'clock', onclick: () => openClock(app) }));
  }
  const clock = state.event.clock || { mode: 'real' };
  const simulated = clock.mode === 'simulated';
  root.setAttribute('aria-label', w.eventClock);
  root.classList.toggle('simulated', simulated);
  root.querySelector('.clock-label').textContent = w.eventClock;
  root.querySelector('.clock-time').textContent = venueClock(app.live.eventNow(), state.event.timeZone);
  root.querySelector('.clock-mode').textContent = !simulated ? w.realTime
    : clock.paused ? w.simulatedPaused : w.simulated(clock.speed);
  const button = root.querySelector('.clock-set');
  button.textContent = w.clockControls;
  button.classList.toggle('hidden', !app.may('clock.set'));
}

function openClock(app) {
  const w = app.words;
  const state = app.live.state;
  const zone = state.event.timeZone;
  const clock = state.event.clock || { mode: 'real' };
  const mode = select([['simulated', w.modeSimulated], ['real', w.modeReal]], clock.mode === 'simulated' ? 'simulated' : 'real', { name: 'mode' });
  const at = el('input', { type: 'datetime-local', name: 'at', step: 60 });
  at.value = venueLocal(app.live.eventNow(), zone);
  const jump = el('input', { type: 'checkbox', name: 'jump' });
  const speed = select(SPEEDS.map(s => [String(s), `×${s}`]), String(clock.speed || 1), { name: 'speed' });
  const paused = el('input', { type: 'checkbox', name: 'paused', checked: !!clock.paused });
  jump.id = 'clock-jump';
  paused.id = 'clock-paused';
  const simulatedOnly = el('div', { class: 'clock-fields' },
    el('div', { class: 'check' }, jump, el('label', { for: 'clock-jump' }, w.jumpTo)),
    field(w.jumpAt, at, w.venueTime(zone)),
    field(w.speed, speed),
    el('div', { class: 'check' }, paused, el('label', { for: 'clock-paused' }, w.pause)));
  const sync = () => simulatedOnly.classList.toggle('hidden', mode.value !== 'simulated');
  mode.addEventListener('change', sync);
  at.addEventListener('input', () => { jump.checked = true; });
  sync();
  commandDialog(app, {
    title: w.clockTitle, intro: w.clockIntro,
    body: [field(w.clockMode, mode), simulatedOnly],
    confirm: w.setClock,
    build: () => {
      if (mode.value === 'real') return { type: 'clock.set', mode: 'real' };
      const b = { type: 'clock.set', mode: 'simulated', speed: Number(speed.value), paused: paused.checked };
      if (jump.checked) {
        if (!at.value) throw new FormError(w.jumpAt);
        b.at = at.value;
      }
      return b;
    },
    done: a => w.clockDone(a.version),
  });
}
