// Keyboard first: a command palette (Ctrl+K or /) that finds any action or session by typing, and
// one-key shortcuts for the frequent actions on the selected session (1/2/3 delay it by 5/10/15).
// Shortcuts never fire while typing in a field or while a dialog is open.
import { el } from './text.js';
import { openDialog } from './console-dialog.js';
import { openAddSession, openDelay, openSessionAction } from './console-session.js';
import { openStage } from './console-stage.js';
import { dismissLate, lateMinutes } from './console-late.js';
import { openAnnouncement, openEmergency } from './console-notices.js';
import { openReveal } from './console-awards.js';
import { openUndo } from './console-log.js';
import { logout } from './console-accounts.js';
import { daysOf } from './console-agenda.js';
import { venueDay } from './console-time.js';
import { nextCue } from './console-cue-status.js';
import { cueName, openCueEditor } from './console-cue-editor.js';
import { fireCue, fireShownNext } from './console-cue-fire.js';
import { mayAddCues, mayFire } from './console-cues.js';
import { mayRehearse, openRehearse, openSwitcher } from './console-rehearsal.js';

const VIEW_KEYS = ['agenda', 'cues', 'notices', 'awards', 'screens', 'deliveries', 'event', 'accounts', 'log'];

/** Every action the palette offers now, for this role and this selection. */
export function actions(app) {
  const w = app.words;
  const state = app.live.state;
  const s = state && (state.sessions || []).find(x => x.id === app.selected);
  const list = [];
  const add = (label, run, keys = null, group = w.paletteGroups.general) => list.push({ label, run, keys, group });
  if (s) {
    const g = w.paletteGroups.session(app.t(s.title));
    const open = s.status !== 'cancelled' && s.status !== 'ended';
    if (app.may('session.delay') && open) {
      [5, 10, 15].forEach((m, i) => add(w.delayBy(m), () => openDelay(app, s.id, m), String(i + 1), g));
      add(w.delayOther, () => openDelay(app, s.id, null), 'd', g);
    }
    if (app.may('session.start') && s.status === 'scheduled') add(w.start, () => openSessionAction(app, s.id, 'start'), 's', g);
    if (app.may('session.end') && s.status === 'live') add(w.end, () => openSessionAction(app, s.id, 'end'), 'e', g);
    if (app.may('session.move') && open) add(w.move, () => openSessionAction(app, s.id, 'move'), 'm', g);
    if (app.may('session.cancel') && open) add(w.cancelSession, () => openSessionAction(app, s.id, 'cancel'), 'x', g);
    if (app.may('session.restore') && s.status === 'cancelled') add(w.restore, () => openSessionAction(app, s.id, 'restore'), 'r', g);
    if (app.may('session.update')) add(w.edit, () => openSessionAction(app, s.id, 'edit'), 'Enter', g);
    if (app.may('speaker.on_stage') && open) add(w.setOnStage, () => openStage(app, s.id), 'o', g);
    const late = lateMinutes(state, s);
    if (late > 0 && app.may('session.delay')) add(w.applyLatePalette(late), () => openDelay(app, s.id, late), null, g);
    if (late > 0 && app.may('stage.dismiss') && s.status === 'scheduled') add(w.dismissLatePalette, () => dismissLate(app, s), null, g);
  }
  add(w.nextSession, () => step(app, 1), 'j');
  add(w.previousSession, () => step(app, -1), 'k');
  if (app.may('session.add')) add(w.addSession, () => openAddSession(app), 'n');
  if (app.may('announcement.post')) add(w.postAnnouncement, () => openAnnouncement(app), 'a');
  if (app.may('notice.emergency') && state && !state.notice) add(w.postEmergency, () => openEmergency(app));
  add(w.undoLast, () => openUndo(app), 'u');
  add(w.langToggleLong, () => app.setLang(app.lang === 'zh' ? 'en' : 'zh'), 'l');
  VIEW_KEYS.forEach((v, i) => {
    if (v === 'accounts' && !app.me.manages) return;
    add(w.goTo(w.viewName[v]), () => app.go(v), `Alt+${i + 1}`, w.paletteGroups.views);
  });
  if (app.may('award.reveal')) {
    (state && state.awards || []).filter(a => (a.results || []).some(r => !r.revealedAt))
      .forEach(a => add(w.revealAllTitle(app.t(a.name)), () => { app.go('awards'); openReveal(app, a.id, null); }, null, w.paletteGroups.awards));
  }
  const next = state && nextCue(state, app.live.eventNow());
  // The cue named here is the one fired: what the palette showed, not whatever is next later.
  if (next && mayFire(app, next)) add(w.fireNextPalette(cueName(app, next)), () => fireCue(app, next.id, { go: true }), null, w.paletteGroups.cues);
  if (mayAddCues(app)) add(w.addCue, () => { app.go('cues'); openCueEditor(app, null); }, null, w.paletteGroups.cues);
  if (state && mayRehearse(app)) add(w.rehearse, () => openRehearse(app), null, w.paletteGroups.events);
  add(w.switchEvent, () => openSwitcher(app), null, w.paletteGroups.events);
  add(w.logout, () => logout(app), null);
  (state && state.sessions || []).forEach(x => add(`${app.time(x.start)} ${app.t(x.title)}`, () => {
    app.day = venueDay(x.start, state.event.timeZone);
    app.select(x.id);
  }, null, w.paletteGroups.sessions));
  return list;
}

/** j/k: the next or previous session of the day in time order. */
function step(app, by) {
  const state = app.live.state;
  if (!state) return;
  const zone = state.event.timeZone;
  const day = app.day || daysOf(state)[0];
  const list = (state.sessions || []).filter(s => venueDay(s.start, zone) === day);
  if (!list.length) return;
  const i = list.findIndex(s => s.id === app.selected);
  const next = list[i < 0 ? (by > 0 ? 0 : list.length - 1) : (i + by + list.length) % list.length];
  app.select(next.id);
  const card = document.querySelector(`[data-session="${CSS.escape(next.id)}"]`);
  if (card) {
    card.focus();
    card.scrollIntoView({ block: 'nearest' });
  }
}

function keyName(e) {
  if (e.altKey && /^Digit[1-9]$/.test(e.code)) return `Alt+${e.code.slice(5)}`;
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  return e.key.length === 1 ? e.key.toLowerCase() : e.key;
}

export function handleKey(app, e) {
  if (!app.live || document.querySelector('dialog[open]')) return;
  if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
    e.preventDefault();
    openPalette(app);
    return;
  }
  const target = e.target;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  if (e.key === '/' || e.key === '?') {
    e.preventDefault();
    openPalette(app);
    return;
  }
  if (e.altKey && e.key.toLowerCase() === 'z') {
    e.preventDefault();
    openUndo(app);
    return;
  }
  // GO on the run of show: Space (unless a button has focus: Space presses it) or F9.
  if (app.view === 'cues' && !e.ctrlKey && !e.metaKey && !e.altKey
      && (e.key === 'F9' || (e.key === ' ' && !(target && target.tagName === 'BUTTON')))) {
    e.preventDefault();
    if (!e.repeat) fireShownNext(app);
    return;
  }
  const key = keyName(e);
  // Enter on a focused button presses it: only a bare Enter elsewhere means "edit".
  if (!key || (key === 'Enter' && target && target.tagName === 'BUTTON')) return;
  const action = actions(app).find(a => a.keys === key);
  if (action) {
    e.preventDefault();
    action.run();
  }
}

export function openPalette(app) {
  const w = app.words;
  const all = actions(app);
  const input = el('input', { type: 'text', role: 'combobox', 'aria-expanded': 'true', 'aria-controls': 'palette-list', 'aria-autocomplete': 'list', autocomplete: 'off', spellcheck: 'false', 'aria-label': w.paletteSearch, placeholder: w.paletteSearch });
  const list = el('ul', { id: 'palette-list', role: 'listbox', class: 'palette-list', 'aria-label': w.palette });
  let shown = [];
  let active = 0;
  const d = openDialog(app, { title: w.palette, body: [input, list], className: 'palette', cancelLabel: w.close });
  const draw = () => {
    const q = input.value.trim().toLowerCase();
    shown = all.filter(a => !q || a.label.toLowerCase().includes(q) || (a.group || '').toLowerCase().includes(q)).slice(0, 40);
    active = Math.min(active, Math.max(0, shown.length - 1));
    list.replaceChildren(...shown.map((a, i) => el('li', {
      id: `palette-${i}`, role: 'option', class: ['palette-item', i === active && 'active'], 'aria-selected': String(i === active),
      onclick: () => run(i),
    }, el('span', { class: 'palette-label' }, a.label), el('span', { class: 'palette-group' }, a.group),
      a.keys && el('kbd', {}, a.keys))));
    if (shown.length) input.setAttribute('aria-activedescendant', `palette-${active}`);
    else input.removeAttribute('aria-activedescendant');
    const on = list.children[active];
    if (on) on.scrollIntoView({ block: 'nearest' });
  };
  const run = i => {
    const a = shown[i];
    if (!a) return;
    d.close();
    a.run();
  };
  input.addEventListener('input', () => { active = 0; draw(); });
  input.addEventListener('keydown', e => {
    if (e.key === 'ArrowDown') { active = Math.min(shown.length - 1, active + 1); draw(); e.preventDefault(); }
    if (e.key === 'ArrowUp') { active = Math.max(0, active - 1); draw(); e.preventDefault(); }
    if (e.key === 'Enter') { e.preventDefault(); run(active); }
  });
  draw();
  input.focus();
}
