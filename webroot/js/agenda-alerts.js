// Alerts about starred sessions: a toast over the page (so it moves nothing), the same words read
// out by an assertive live region, and a vibration where the phone allows it.
import { el, t } from './text.js';
import { read, write } from './agenda-store.js';
import { roomName } from './agenda-session.js';

const SOON_MS = 10 * 60_000;
const SHOWN = 4;
const $ = id => document.getElementById(id);

/** alert: {key, session, text(lang) → words}; words() gives the page's labels now. */
export function alerter(event, { words, lang, onShow }) {
  const alertedKey = `podium.alerted.${event}`;
  const alerted = new Set(read(alertedKey, []));
  let shown = [];

  $('alert-close').addEventListener('click', () => {
    shown = [];
    render();
    $('main').focus();
  });
  $('alert-show').addEventListener('click', () => {
    const first = shown.find(a => a.session);
    shown = [];
    render();
    onShow(first ? first.session : null);
  });

  function render() {
    $('alert').classList.toggle('hidden', !shown.length);
    $('alert-text').replaceChildren(...shown.map(a => el('li', {}, a.text(lang()))));
  }

  function push(list) {
    const fresh = list.filter(a => !shown.some(s => s.key === a.key));
    if (!fresh.length) return;
    shown = [...fresh, ...shown].slice(0, SHOWN);
    render();
    say(fresh.map(a => a.text(lang())).join(' '));
    // Phones only vibrate after the user has touched the page (starring a session counts).
    if (navigator.vibrate && (!navigator.userActivation || navigator.userActivation.hasBeenActive)) {
      navigator.vibrate([200, 100, 200]);
    }
  }

  /** The starred sessions that start within 10 minutes on the event's clock, each once per start time. */
  function soon(state, stars, now) {
    const due = (state.sessions || []).filter(s => stars.has(s.id) && s.status === 'scheduled'
      && Date.parse(s.start) > now && Date.parse(s.start) - now <= SOON_MS && !alerted.has(`${s.id}@${s.start}`));
    if (!due.length) return;
    due.forEach(s => alerted.add(`${s.id}@${s.start}`));
    write(alertedKey, [...alerted].slice(-200));
    push(due.map(s => ({
      key: `soon:${s.id}@${s.start}`, session: s.id,
      text: l => words(l).soon(t(s.title, l), Date.parse(s.start) - now, roomName(state, s.room, l)),
    })));
  }

  return { push, soon, render };
}

/** Reads text out through the assertive live region; cleared first, so the same words are read again. */
export function say(text, region = 'announcer') {
  const box = $(region);
  box.textContent = '';
  setTimeout(() => { box.textContent = text; }, 60);
}
