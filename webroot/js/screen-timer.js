// The speaker timer (layout=timer): the confidence monitor at the stage's edge. Very large digits
// for the time left in the session live in the room (or until the next one starts), its title and
// speakers, the next session with its expected start, and the crew's message over them; a flash to
// catch the speaker's eye; blackout (nothing lit). Built from screen-timer-model.js's view.
import { el, t } from './text.js';
import { WORDS, bi } from './screen-words.js';
import { hhmm, hhmmss } from './screen-clock.js';
import { roomName, speakerNames } from './screen-agenda.js';
import { shapeOf, timerView } from './screen-timer-model.js';

const LABELS = { normal: 'timeLeft', warning: 'timeLeft', danger: 'timeLeft', over: 'overTime', between: 'nextIn', due: 'nextDue' };

/** ctx: {state, room, mode, now, realNow}. */
export function timerLayout(ctx) {
  const { state, room, mode, now, realNow } = ctx;
  const view = timerView(state, room, now, realNow);
  const root = el('div', {
    class: ['layout', 'layout-timer', `phase-${view.count ? view.count.phase : 'none'}`, view.flashing && 'flashing',
      view.blackout && 'blackout', view.message && 'has-message'],
    'data-shape': shapeOf(view),
  });
  if (view.blackout) {
    // Dark: not one lit pixel on the stage, until the crew lights it again.
    root.append(el('main', { class: 'timer-dark' }));
    return root;
  }
  const zone = state.event.timeZone;
  root.append(
    el('header', { class: ['top', 'timer-top'] },
      bi(mode, 'place', l => roomName(state, room, l)),
      el('time', { class: 'timer-clock' }, hhmmss(now, zone))),
    view.dayOver ? el('main', { class: 'timer-board' }, bi(mode, 'timer-nothing', l => WORDS[l].nothingLeft))
      : el('main', { class: 'timer-board' }, countBox(view, mode), infoBox(view, state, mode), nextRow(view, state, mode)));
  return root;
}

function countBox(view, mode) {
  return el('section', { class: 'timer-count' },
    bi(mode, 'timer-label', l => WORDS[l][LABELS[view.count.phase]]),
    el('div', { class: 'timer-digits' }, el('span', { class: 'digits', role: 'timer' }, view.count.text)));
}

/** The crew's message when there is one (it matters more than the title); else what is on, or coming. */
function infoBox(view, state, mode) {
  if (view.message) return el('section', { class: 'timer-info' }, bi(mode, 'timer-message', l => t(view.message, l)));
  const s = view.live || view.next;
  return el('section', { class: 'timer-info', 'data-session': s.id },
    !view.live && when(view, state, mode),
    bi(mode, 'title', l => t(s.title, l)),
    (s.speakers || []).length ? bi(mode, 'speakers', l => speakerNames(s, state, l)) : null);
}

/** Under a live session: what comes next in the room, and when it is now expected. */
function nextRow(view, state, mode) {
  if (!view.live || !view.next || view.message) return null;
  return el('footer', { class: 'timer-next', 'data-session': view.next.id },
    when(view, state, mode),
    bi(mode, 'timer-next-title', l => t(view.next.title, l)));
}

/** "Next 10:25 → expected 10:30": the projection beside the session's own start, never over it. */
function when(view, state, mode) {
  const zone = state.event.timeZone;
  const start = hhmm(view.nextStart, zone);
  const expected = view.nextExpected === null ? null : hhmm(view.nextExpected, zone);
  return bi(mode, ['timer-when', expected && 'late'], l => WORDS[l].nextAt(start, expected));
}

/**
 * Every few hundred ms: puts the new digits and clock into the picture when its shape still holds
 * (answers true), or answers false when it needs drawing anew (a phase turned, a flash ended...).
 */
export function refreshTimer(box, ctx) {
  const layout = box.querySelector('.layout-timer');
  if (!layout) return false;
  const view = timerView(ctx.state, ctx.room, ctx.now, ctx.realNow);
  if (layout.dataset.shape !== shapeOf(view)) return false;
  if (view.blackout) return true;
  const set = (css, text) => {
    const e = layout.querySelector(css);
    if (e && e.textContent !== text) e.textContent = text;
  };
  set('.timer-clock', hhmmss(ctx.now, ctx.state.event.timeZone));
  if (view.count) set('.digits', view.count.text);
  return true;
}
