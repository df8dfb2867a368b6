// Alerts about starred sessions: a toast over the page (so it moves nothing), the same words read
// out by an assertive live region, and a vibration where the phone allows it.
import { el, t } from './text.js';
import { read, write } from './agenda-store.js';
import { roomName } from './agenda-session.js';
import { expectedStart, lateness } from './running-late.js';

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

  /**
   * The starred sessions that start within 10 minutes on the event's clock, by their projected start
   * when their room runs late; each once, and again only if its start moves by 10 minutes or more
   * (a projection creeping a minute at a time, or a delay applied as projected, alerts not twice).
   */
  function soon(state, stars, now) {
    const due = (state.sessions || []).filter(s => {
      if (!stars.has(s.id) || s.status !== 'scheduled') return false;
      const at = expectedStart(state, s);
      return at > now && at - now <= SOON_MS && !alertedNear(s.id, at);
    });
    if (!due.length) return;
    const at = new Map(due.map(s => [s.id, expectedStart(state, s)]));
    due.forEach(s => alerted.add(`${s.id}@${new Date(at.get(s.id)).toISOString()}`));
    write(alertedKey, [...alerted].slice(-200));
    push(due.map(s => {
      const late = lateness(state, s);
      const left = at.get(s.id) - now;
      return {
        key: `soon:${s.id}@${at.get(s.id)}`, session: s.id,
        text: l => (late && late.start ? words(l).soonLate(t(s.title, l), left, roomName(state, s.room, l), late.minutes)
          : words(l).soon(t(s.title, l), left, roomName(state, s.room, l))),
      };
    }));
  }

  /** Whether the session was alerted for a start less than 10 minutes from this one. */
  function alertedNear(id, at) {
    const prefix = `${id}@`;
    for (const key of alerted) {
      if (key.startsWith(prefix) && Math.abs(Date.parse(key.slice(prefix.length)) - at) < SOON_MS) return true;
    }
    return false;
  }

  return { push, soon, render };
}

/** Reads text out through the assertive live region; cleared first, so the same words are read again. */
export function say(text, region = 'announcer') {
  const box = $(region);
  box.textContent = '';
  setTimeout(() => { box.textContent = text; }, 60);
}
