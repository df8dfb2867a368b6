// Rehearsals and switching events: "Rehearse this event" (POST /api/events/{slug}/rehearsal,
// admin) makes a copy on its own paused clock and opens it; a console on a copy is marked
// REHEARSAL, and its admins get the rehearsal clock's controls (clock.set): start, pause, speed,
// jump. The event switcher lists GET /api/events and opens another event's console.
import { el } from './text.js';
import { get, post } from './console-api.js';
import { field, openDialog } from './console-dialog.js';
import { FormError, sendNow } from './console-command.js';
import { venueLocal } from './console-time.js';

export const SPEEDS = [1, 5, 20, 60];
const jump = { draft: null };

export function consoleUrl(slug) {
  return `console.html?event=${encodeURIComponent(slug)}`;
}

/** Opens another event's console (a new page: one live connection per event). */
export function switchTo(slug) {
  location.assign(consoleUrl(slug));
}

export function mayRehearse(app) {
  return app.me.role === 'admin' && !!app.live.state && !app.live.state.event.rehearsalOf;
}

export function openRehearse(app) {
  const w = app.words;
  const from = app.slug;
  const copy = el('input', { type: 'text', name: 'rehearsal-slug', autocapitalize: 'none', spellcheck: 'false', maxlength: 64, value: `${from}-rehearsal`.slice(0, 64) });
  openDialog(app, {
    title: w.rehearse.replace(/…$/, ''), intro: w.rehearseIntro,
    body: [field(w.rehearsalSlug, copy, w.idHint)],
    confirm: {
      label: w.rehearseNow,
      run: async () => {
        const slug = copy.value.trim();
        if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(slug)) throw new FormError(w.idHint);
        // Not a command of an event, so no key: a retry after a lost answer gets duplicate_id.
        const made = await post(`/api/events/${encodeURIComponent(from)}/rehearsal`, { slug });
        setTimeout(() => switchTo(made.slug || slug), 0);
        return w.rehearsalMade(made.slug || slug);
      },
    },
  });
}

export async function openSwitcher(app) {
  const w = app.words;
  const list = el('ul', { class: 'event-switch-list' }, el('li', { class: 'hint' }, w.loading));
  // Importing or creating an event lives in the Event view's list of events; admins get there from here.
  const manage = app.me.role === 'admin' && {
    action: 'manage-events', label: w.manageEvents,
    run: d => {
      d.close();
      app.go('event');
      const events = document.getElementById('events-h');
      if (events) events.scrollIntoView({ block: 'start' });
    },
  };
  openDialog(app, { title: w.switchTitle, intro: w.switchIntro, body: [list], cancelLabel: w.close, extra: manage });
  try {
    const { events } = await get('/api/events');
    list.replaceChildren(...(events || []).map(e => el('li', { class: ['event-switch-item', e.rehearsalOf && 'rehearsal'], 'data-event': e.slug },
      el('span', { class: 'event-switch-name' },
        e.rehearsalOf && el('span', { class: ['badge', 'badge-rehearsal'] }, w.rehearsalBadge), ' ',
        el('strong', {}, app.t(e.title)), ' ', el('span', { class: ['hint', 'mono'] }, e.slug),
        e.rehearsalOf && el('span', { class: 'hint' }, ` · ${w.rehearsalOf(e.rehearsalOf)}`)),
      e.slug === app.slug ? el('span', { class: 'hint' }, w.thisEvent)
        : el('a', { class: ['btn', 'btn-small'], href: consoleUrl(e.slug), 'data-action': 'open-event' }, w.openEvent))));
  } catch (e) {
    list.replaceChildren(el('li', { class: 'error-text', role: 'alert' }, w.eventsFailed));
  }
}

/** The rehearsal clock's controls, for admins on a rehearsal copy; null elsewhere. */
export function rehearsalBar(app) {
  const w = app.words;
  const ev = app.live.state.event;
  if (!ev.rehearsalOf) return null;
  const clock = ev.clock || { mode: 'real' };
  const simulated = clock.mode === 'simulated';
  const paused = !simulated || !!clock.paused;
  const back = el('a', { href: consoleUrl(ev.rehearsalOf), class: ['btn', 'btn-small'], 'data-action': 'back-to-real' }, w.backToReal);
  const head = el('p', { class: 'rehearsal-note' }, el('strong', {}, w.rehearsalBadge), ' ', w.rehearsalOf(ev.rehearsalOf));
  if (!app.may('clock.set')) return el('section', { class: 'rehearsal-bar', 'aria-label': w.rehearsalClock }, head, back);
  const send = (key, body, button) => sendNow(app, `rehearsal-clock:${key}`, { type: 'clock.set', ...body }, a => w.clockDone(a.version), button);
  const at = el('input', { type: 'datetime-local', name: 'rehearsal-at', step: 60, 'aria-label': w.clockJumpTo, 'data-key': 'rehearsal-at' });
  // The view is drawn anew on every change: what was typed here stays.
  at.value = jump.draft || venueLocal(app.live.eventNow(), ev.timeZone);
  at.addEventListener('input', () => { jump.draft = at.value; });
  const button = (label, key, body, attrs = {}) => el('button', {
    type: 'button', class: ['btn', 'btn-small', attrs.primary && 'btn-primary'], 'data-action': `clock-${key}`, 'data-key': `clock-${key}`,
    disabled: !!attrs.disabled, 'aria-pressed': attrs.pressed === undefined ? null : String(attrs.pressed), 'aria-label': attrs.label || null,
    onclick: e => {
      const b = typeof body === 'function' ? body() : body;
      if (b) send(key, b, e.currentTarget);
    },
  }, label);
  return el('section', { class: 'rehearsal-bar', 'aria-label': w.rehearsalClock },
    head,
    el('div', { class: 'rehearsal-controls', role: 'group', 'aria-label': w.rehearsalClock },
      el('span', { class: 'rehearsal-state', 'data-clock-state': paused ? 'paused' : 'running' }, paused ? w.clockIsPaused : w.clockRuns(clock.speed)),
      button(w.clockStart, 'start', { mode: 'simulated', paused: false }, { disabled: !paused, primary: true }),
      button(w.clockPause, 'pause', { mode: 'simulated', paused: true }, { disabled: paused }),
      SPEEDS.map(s => button(`${s}×`, `speed-${s}`, { mode: 'simulated', speed: s }, { pressed: simulated && clock.speed === s, label: w.clockSpeedLabel(s) })),
      at,
      button(w.clockJump, 'jump', () => {
        if (at.value) return { mode: 'simulated', at: at.value };
        app.toast(w.clockJumpTo, 'error');
        return null;
      })),
    back);
}
