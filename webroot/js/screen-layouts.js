// The screen layouts, each built whole from the state at the venue's time: room (one room's now
// and next), stage (who is speaking), foyer (every room at once), timer (the speaker's, screen-timer.js).
import { el, t } from './text.js';
import { WORDS, bi } from './screen-words.js';
import { hhmm } from './screen-clock.js';
import {
  countdown, dayOver, roomName, roomNowNext, sessionBlock, speaker,
} from './screen-agenda.js';
import { timerLayout } from './screen-timer.js';

/** ctx: {state, room, layout, mode, now, realNow}. */
export function layout(ctx) {
  if (ctx.layout === 'foyer') return foyerLayout(ctx);
  if (ctx.layout === 'timer') return timerLayout(ctx);
  if (ctx.layout === 'stage') return stageLayout(ctx);
  return roomLayout(ctx);
}

function header(ctx, textOf) {
  return el('header', { class: 'top' },
    bi(ctx.mode, 'place', textOf),
    el('time', { class: 'clock' }, hhmm(ctx.now, ctx.state.event.timeZone)));
}

const label = (mode, word) => bi(mode, 'label', l => WORDS[l][word]);

function roomLayout(ctx) {
  const { state, room, mode, now } = ctx;
  const { current, next, first, over } = roomNowNext(state, room, now);
  const top = header(ctx, l => roomName(state, room, l));
  if (over) return el('div', { class: ['layout', 'layout-room'] }, top, el('main', { class: 'board' }, dayOver(mode)));
  const lead = current ? current : first;
  const rest = next.filter(s => s !== lead);
  return el('div', { class: ['layout', 'layout-room'] }, top,
    el('main', { class: 'board' },
      el('section', { class: ['panel', 'now-panel'] },
        el('div', { class: 'panel-head' }, label(mode, current ? 'now' : 'upNext'),
          !current && first && countdown(first, state, now, mode)),
        lead ? sessionBlock(lead, state, room, mode, 'now') : bi(mode, 'between', l => WORDS[l].between)),
      el('section', { class: ['panel', 'next-panel'] },
        el('div', { class: 'panel-head' }, rest.length ? label(mode, 'upNext') : null,
          current && first && countdown(first, state, now, mode)),
        rest.map(s => sessionBlock(s, state, room, mode, 'next')))));
}

function speakerCard(sp, mode, size) {
  return el('div', { class: ['speaker-card', `speaker-${size}`], 'data-speaker': sp.id },
    bi(mode, 'speaker-name', l => t(sp.name, l)),
    bi(mode, 'speaker-title', l => t(sp.title, l)),
    bi(mode, 'speaker-affiliation', l => t(sp.affiliation, l)));
}

function stageLayout(ctx) {
  const { state, room, mode, now } = ctx;
  const { current, first, over } = roomNowNext(state, room, now);
  const top = header(ctx, l => roomName(state, room, l));
  if (over) return el('div', { class: ['layout', 'layout-stage'] }, top, el('main', { class: 'board' }, dayOver(mode)));
  const onStage = current && current.onStage ? speaker(state, current.onStage) : null;
  const cued = current && current.upNext ? speaker(state, current.upNext) : null;
  let main;
  if (onStage) {
    main = [label(mode, 'nowSpeaking'), speakerCard(onStage, mode, 'now'),
      bi(mode, 'session-line', l => t(current.title, l))];
  } else if (current) {
    main = [label(mode, 'now'), sessionBlock(current, state, room, mode, 'now')];
  } else {
    main = [el('div', { class: 'panel-head' }, label(mode, 'upNext'), first && countdown(first, state, now, mode)),
      first ? sessionBlock(first, state, room, mode, 'now') : bi(mode, 'between', l => WORDS[l].between)];
  }
  let side = null;
  if (cued) {
    side = [label(mode, 'upNext'), speakerCard(cued, mode, 'next')];
  } else if (current && first) {
    side = [el('div', { class: 'panel-head' }, label(mode, 'upNext'), countdown(first, state, now, mode)), sessionBlock(first, state, room, mode, 'next')];
  }
  return el('div', { class: ['layout', 'layout-stage'] }, top,
    el('main', { class: 'board' },
      el('section', { class: ['panel', 'now-panel'] }, main),
      el('section', { class: ['panel', 'next-panel'] }, side)));
}

function foyerLayout(ctx) {
  const { state, mode, now } = ctx;
  const rooms = [...(state.rooms || [])].sort((a, b) => (a.position || 0) - (b.position || 0));
  const grid = el('main', { class: ['board', 'foyer-grid'] }, rooms.map(r => roomCell(ctx, r.id)));
  grid.style.setProperty('--cols', String(rooms.length > 4 ? 3 : 2));
  grid.style.setProperty('--rows', String(Math.max(1, Math.ceil(rooms.length / (rooms.length > 4 ? 3 : 2)))));
  return el('div', { class: ['layout', 'layout-foyer'] },
    header(ctx, l => t(state.event.title, l)), grid);
}

function roomCell(ctx, room) {
  const { state, mode, now } = ctx;
  const { current, first, over } = roomNowNext(state, room, now, 1);
  return el('section', { class: 'room-cell', 'data-room': room },
    bi(mode, 'room-name', l => roomName(state, room, l)),
    el('div', { class: 'cell-now' },
      current ? sessionBlock(current, state, room, mode, 'cell')
        : bi(mode, 'cell-idle', l => (over ? WORDS[l].over : WORDS[l].between))),
    first && first !== current ? el('div', { class: 'cell-next' },
      el('div', { class: 'cell-next-head' }, label(mode, 'upNext'), countdown(first, state, now, mode)),
      sessionBlock(first, state, room, mode, 'cell')) : null);
}
