// The offer of notifications, and their switch in Starred. The offer comes on the first star, never
// on load: Yes asks the browser from that very tap (browsers show their permission prompt only for a
// gesture), Not now is kept on the phone and the offer is not made again; Starred keeps a quiet
// switch for later. A browser without Push, or one that blocks this page, is offered nothing.
import { el } from './text.js';
import { pushable } from './agenda-push.js';
import { say } from './agenda-alerts.js';

const $ = id => document.getElementById(id);

/** push: pushSubscription(); words(): the page's labels now; starredCount(); onChange(): draws the page again. */
export function pushOffer(push, { words, starredCount, onChange }) {
  let card = null; // what the offer says: 'offer', 'busy', 'on', 'blocked', 'failed'; null: closed
  let busy = false;
  let failed = false; // the last try from Starred failed
  let returnTo = null; // the data-key of what had the focus when the offer came

  /** After a star was toggled: the offer the first time, and the hub told of the stars. */
  function starred() {
    if (!card && push.answer() === null && pushable() && starredCount() > 0) {
      const focused = document.activeElement;
      returnTo = focused && focused.dataset ? focused.dataset.key : null;
      card = 'offer';
      onChange();
      say(words().pushOffer, 'polite');
    }
    push.sync().then(onChange);
  }

  function ask(from) {
    if (busy) return;
    // First, from the tap itself: the browser's prompt needs the gesture.
    const asking = Promise.resolve(Notification.requestPermission());
    busy = true;
    failed = false;
    if (from === 'offer') card = 'busy';
    onChange();
    asking.then(permission => (permission === 'granted' ? push.turnOn() : permission)).then(result => {
      busy = false;
      if (result === 'default') {
        push.decline(); // the prompt put away: as Not now
        close();
        return;
      }
      failed = result !== true && result !== 'denied';
      if (card) card = result === true ? 'on' : result === 'denied' ? 'blocked' : 'failed';
      if (result === true) say(words().pushOn, 'polite');
      onChange();
      if (card && (!document.activeElement || document.activeElement === document.body)) $('push-offer-ok').focus();
    });
  }

  function turnOff() {
    push.turnOff().then(onChange);
    onChange();
  }

  function close() {
    card = null;
    onChange();
    const back = returnTo && document.querySelector(`[data-key="${CSS.escape(returnTo)}"]`);
    (back || $('main')).focus({ preventScroll: !!back });
  }

  function render() {
    renderCard();
    renderSetting();
  }

  // Each is drawn again only when what it says changes: a button a finger or a screen reader is on stays.
  function renderCard() {
    const w = words();
    $('push-offer').classList.toggle('hidden', !card);
    if (!card || !redraw($('push-offer'), [card, w.toggle])) return;
    const button = (label, attrs) => el('button', { type: 'button', class: 'toast-button', ...attrs }, label);
    $('push-offer-text').textContent = { offer: w.pushOffer, busy: w.pushBusy, on: w.pushOnCard, blocked: w.pushBlocked,
      failed: w.pushFailed }[card];
    $('push-offer-actions').replaceChildren(...(card === 'offer' ? [
      button(w.pushYes, { id: 'push-offer-yes', 'data-key': 'push:yes', onclick: () => ask('offer') }),
      button(w.pushNotNow, { id: 'push-offer-not-now', 'data-key': 'push:not-now', onclick: () => { push.decline(); close(); } }),
    ] : card === 'busy' ? [] : [button(w.pushOk, { id: 'push-offer-ok', 'data-key': 'push:ok', onclick: close })]));
  }

  function renderSetting() {
    const w = words();
    const on = push.answer() === 'on';
    const shown = starredCount() > 0 && pushable();
    if (!redraw($('push-setting'), [shown, on, busy, failed, w.toggle])) return;
    if (!shown) {
      $('push-setting').replaceChildren();
      return;
    }
    $('push-setting').replaceChildren(
      el('p', { class: ['push-state', on && 'on'] }, busy ? w.pushBusy : on ? w.pushOn : w.pushOff),
      el('p', { class: 'push-help' }, on ? w.pushOnSetting : failed ? w.pushFailedSetting : w.pushOffSetting),
      el('button', {
        type: 'button', class: 'push-switch', 'data-key': 'push:switch', 'aria-disabled': busy ? 'true' : null,
        onclick: () => (on ? turnOff() : ask('setting')),
      }, on ? w.pushTurnOff : w.pushTurnOn));
  }

  return { starred, render };
}

/** Whether the box shows something else than what it showed last (and notes what it shows now). */
function redraw(box, what) {
  const key = JSON.stringify(what);
  if (box.dataset.drawn === key) return false;
  box.dataset.drawn = key;
  return true;
}
