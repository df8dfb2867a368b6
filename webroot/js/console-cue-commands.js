// A cue's commands for people: each command body in plain words ("Start “Opening ceremony”"), and
// a small picker that builds one (a type, then its fields) from the event's own sessions,
// speakers, announcements and awards. Bodies are as POST /commands takes them (docs/API.md).
import { el } from './text.js';
import { bilingualField, field, select } from './console-dialog.js';
import { FormError } from './console-command.js';
import { within } from './console-catalogue.js';
import { speakerLine } from './console-stage.js';

export const PICKABLE = ['session.start', 'speaker.on_stage', 'announcement.post', 'award.reveal', 'session.end',
  'session.delay', 'announcement.clear', 'notice.clear'];

const quote = text => `“${text}”`;

/** One line for a command body, in the console's language; a type it does not know shows as it is. */
export function describeCommand(app, body) {
  const w = app.words;
  const state = app.live.state || {};
  const find = (list, id) => (list || []).find(x => x.id === id);
  const session = id => quote(find(state.sessions, id) ? app.t(find(state.sessions, id).title) : id);
  const speaker = id => (id ? (find(state.speakers, id) ? app.t(find(state.speakers, id).name) : id) : '');
  const award = id => quote(find(state.awards, id) ? app.t(find(state.awards, id).name) : id);
  const announcement = id => {
    const a = find(state.announcements, id);
    return quote(a ? app.t(a.text) : id);
  };
  const say = w.does[body.type];
  switch (body.type) {
    case 'session.start': case 'session.end': return say(session(body.session));
    case 'session.delay': return say(session(body.session), body.minutes, body.cascade);
    case 'speaker.on_stage': return say(session(body.session), speaker(body.speaker), speaker(body.next));
    case 'announcement.post': return say(quote(app.t(body.text)), body.expiresInMinutes);
    case 'announcement.clear': return say(announcement(body.announcement));
    case 'award.reveal': return say(award(body.award), body.rank ? w.place(body.rank) : '');
    case 'notice.emergency': return say(quote(app.t(body.text)));
    case 'notice.clear': return say();
    default: return JSON.stringify(body);
  }
}

function sessionSelect(app, value) {
  const sessions = [...(app.live.state.sessions || [])].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  return select(sessions.map(s => [s.id, `${app.time(s.start)} ${app.t(s.title)}`]), value, { name: 'cmd-session' });
}

function speakerSelect(app, name, value) {
  const w = app.words;
  return select([['', w.nobody], ...(app.live.state.speakers || []).map(sp => [sp.id, speakerLine(app, sp.id)])], value || '', { name });
}

/** Announcement ids a cue can clear: those up now, and those a cue will post. */
function announcementIds(app) {
  const state = app.live.state;
  const out = new Map((state.announcements || []).map(a => [a.id, app.t(a.text)]));
  for (const c of state.cues || []) {
    for (const cmd of c.commands || []) {
      if (cmd.type === 'announcement.post' && cmd.announcement && !out.has(cmd.announcement)) out.set(cmd.announcement, app.t(cmd.text));
    }
  }
  return [...out.entries()].map(([id, text]) => [id, `${text} (${id})`]);
}

/** The fields of one command type: {nodes, build() → body (throws FormError)}. */
function fieldsFor(app, type) {
  const w = app.words;
  const state = app.live.state;
  if (type === 'session.start' || type === 'session.end') {
    const s = sessionSelect(app);
    return { nodes: [field(w.session, s)], build: () => ({ type, session: s.value }) };
  }
  if (type === 'session.delay') {
    const s = sessionSelect(app);
    const range = app.range('session.delay', 'minutes');
    const hint = w.minutesHint(range.min, range.max);
    const minutes = el('input', { type: 'number', name: 'cmd-minutes', min: range.min, max: range.max, step: 1, value: 5 });
    const cascade = el('input', { type: 'checkbox', name: 'cmd-cascade', checked: true, id: `cmd-cascade-${Math.random().toString(36).slice(2, 7)}` });
    return {
      nodes: [field(w.session, s), field(w.minutes, minutes, hint), el('div', { class: 'check' }, cascade, el('label', { for: cascade.id }, w.cascade))],
      build: () => {
        const m = Number(minutes.value);
        if (!within(range, m) || m === 0) throw new FormError(hint);
        return { type, session: s.value, minutes: m, cascade: cascade.checked };
      },
    };
  }
  if (type === 'speaker.on_stage') {
    const s = sessionSelect(app);
    const who = speakerSelect(app, 'cmd-speaker');
    const next = speakerSelect(app, 'cmd-next');
    const pickFirst = () => {
      const x = (state.sessions || []).find(y => y.id === s.value);
      if (x && x.speakers && x.speakers.length) {
        who.value = x.speakers[0];
        next.value = x.speakers[1] || '';
      }
    };
    s.addEventListener('change', pickFirst);
    pickFirst();
    return {
      nodes: [field(w.session, s), field(w.nowSpeaking, who), field(w.upNext, next)],
      build: () => ({ type, session: s.value, speaker: who.value || null, next: next.value || null }),
    };
  }
  if (type === 'announcement.post') {
    const text = bilingualField(app, w.announcementText, null, { name: 'cmd-text', required: true });
    const minutes = el('input', { type: 'number', name: 'cmd-expires', min: 1, max: 1440, step: 1, inputmode: 'numeric' });
    return {
      nodes: [text, field(w.cmdExpires, minutes, w.cmdExpiresHint)],
      build: () => {
        const value = text.value();
        if (!value) throw new FormError(w.textNeeded);
        const b = { type, text: value };
        if (minutes.value !== '') {
          const m = Number(minutes.value);
          if (!Number.isInteger(m) || m < 1 || m > 1440) throw new FormError(w.cmdExpiresHint);
          b.expiresInMinutes = m;
        }
        return b;
      },
    };
  }
  if (type === 'announcement.clear') {
    const ids = announcementIds(app);
    const a = select(ids, null, { name: 'cmd-announcement' });
    return {
      nodes: [ids.length ? field(w.announcementId, a) : el('p', { class: 'hint' }, w.noneLeft)],
      build: () => {
        if (!a.value) throw new FormError(w.noneLeft);
        return { type, announcement: a.value };
      },
    };
  }
  if (type === 'award.reveal') {
    const a = select((state.awards || []).map(x => [x.id, app.t(x.name)]), null, { name: 'cmd-award' });
    const rank = el('input', { type: 'number', name: 'cmd-rank', min: 1, max: 50, step: 1, inputmode: 'numeric' });
    return {
      nodes: [field(w.awardName, a), field(w.placeLabel, rank, w.placeHint)],
      build: () => {
        if (!a.value) throw new FormError(w.noneLeft);
        const b = { type, award: a.value };
        if (rank.value !== '') {
          const r = Number(rank.value);
          if (!Number.isInteger(r) || r < 1 || r > 50) throw new FormError(w.placeHint);
          b.rank = r;
        }
        return b;
      },
    };
  }
  return { nodes: [], build: () => ({ type }) };
}

/** The picker: a type and its fields, and a button that hands the built body to add(body). */
export function commandPicker(app, add) {
  const w = app.words;
  const types = PICKABLE.filter(type => app.may(type));
  const type = select(types.map(x => [x, w.commandKinds[x]]), types[0], { name: 'cmd-type' });
  const fields = el('div', { class: 'picker-fields' });
  const error = el('p', { class: ['error-text', 'hidden'], role: 'alert' });
  let current = null;
  const draw = () => {
    current = fieldsFor(app, type.value);
    fields.replaceChildren(...current.nodes);
    error.classList.add('hidden');
  };
  type.addEventListener('change', draw);
  draw();
  const button = el('button', {
    type: 'button', class: 'btn', 'data-action': 'add-command',
    onclick: () => {
      try {
        add(current.build());
        draw();
        type.focus();
      } catch (e) {
        if (e.name !== 'FormError') throw e;
        error.textContent = e.message;
        error.classList.remove('hidden');
      }
    },
  }, w.addIt);
  return el('fieldset', { class: 'command-picker' }, el('legend', {}, w.addCommand),
    field(w.commandType, type), fields, error, el('div', { class: 'picker-actions' }, button));
}
