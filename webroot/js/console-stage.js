// On stage: who is speaking now in a session ("Now speaking: Gan Yong, Academician, Chinese
// Academy of Engineering") and the "up next" cue, set with speaker.on_stage.
import { el } from './text.js';
import { field, select } from './console-dialog.js';
import { commandDialog } from './console-command.js';

/** "Name, title, affiliation" in the console's language. */
export function speakerLine(app, id) {
  const sp = ((app.live.state && app.live.state.speakers) || []).find(x => x.id === id);
  if (!sp) return id || '';
  return [app.t(sp.name), app.t(sp.title), app.t(sp.affiliation)].filter(Boolean).join(app.lang === 'zh' ? '，' : ', ');
}

/** The on-stage part of a session's panel: what screens show now, and the button to change it. */
export function stageBlock(app, s) {
  const w = app.words;
  if (s.status !== 'scheduled' && s.status !== 'live') return null;
  const may = app.may('speaker.on_stage');
  if (!may && !s.onStage && !s.upNext) return null;
  return el('section', { class: 'stage-block', 'aria-label': w.onStage },
    el('h3', { class: 'panel-heading' }, w.onStage),
    el('p', { class: 'stage-now', 'data-stage-now': s.id }, el('strong', {}, w.nowSpeaking, ': '), s.onStage ? speakerLine(app, s.onStage) : w.nobody),
    el('p', { class: 'stage-next' }, el('strong', {}, w.upNext, ': '), s.upNext ? speakerLine(app, s.upNext) : w.nobody),
    may && el('button', { type: 'button', class: 'btn', 'data-action': 'on-stage', 'aria-keyshortcuts': 'O', onclick: () => openStage(app, s.id) }, w.setOnStage));
}

export function openStage(app, sessionId) {
  const w = app.words;
  const state = app.live.state;
  const s = (state.sessions || []).find(x => x.id === sessionId);
  if (!s) return;
  const own = s.speakers || [];
  const others = (state.speakers || []).map(sp => sp.id).filter(id => !own.includes(id));
  const options = [['', w.nobody], ...[...own, ...others].map(id => [id, speakerLine(app, id)])];
  // Under pressure the usual step is "the cued speaker goes on, the one after is cued".
  const after = id => own[own.indexOf(id) + 1] || '';
  const nowDefault = s.upNext || (s.onStage ? after(s.onStage) : own[0] || '');
  const speaker = select(options, nowDefault, { name: 'speaker' });
  const next = select(options, after(nowDefault), { name: 'next' });
  const line = el('p', { class: 'stage-preview', 'aria-live': 'polite' });
  const show = () => {
    line.textContent = speaker.value ? `${w.nowSpeaking}: ${speakerLine(app, speaker.value)}` : w.stageCleared;
  };
  speaker.addEventListener('change', show);
  show();
  commandDialog(app, {
    title: w.onStageTitle(app.t(s.title)),
    body: [field(w.nowSpeaking, speaker), field(w.upNext, next), el('h3', { class: 'panel-heading' }, w.screensShow), line],
    confirm: w.setOnStage,
    build: () => ({ type: 'speaker.on_stage', session: s.id, speaker: speaker.value || null, next: next.value || null }),
    done: a => w.stageDone(speaker.value ? speakerLine(app, speaker.value) : w.nobody, a.version),
  });
}
