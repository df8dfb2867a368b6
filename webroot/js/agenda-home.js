// Home: now and up next in every room with who is speaking, the countdown to the next starred
// session, the current announcements and the revealed award results.
import { el, fmtTime, t } from './text.js';
import { expectedLine, nowAndNext, roomName, speaker, statusLine, timeEl } from './agenda-session.js';
import { expectedStart, lateness } from './running-late.js';

const $ = id => document.getElementById(id);

export function renderHome(ctx) {
  renderNowNext(ctx);
  renderCountdown(ctx);
  renderAnnouncements(ctx);
  renderAwards(ctx);
}

function renderNowNext(ctx) {
  const { state, words, now: nowMs } = ctx;
  const { now, next } = nowAndNext(state, nowMs);
  const over = !now.length && !next.length && (state.sessions || []).every(s => Date.parse(s.end) <= nowMs);
  if (over) {
    // After the event two empty cards would push everything else off a phone's first screen.
    $('now-next').replaceChildren(el('div', { class: ['card', 'over'] }, el('p', { class: 'empty' }, words.over)));
    return;
  }
  const card = (cls, heading, list, none) => el('section', { class: ['card', cls], 'aria-labelledby': `${cls}-heading` },
    el('h2', { id: `${cls}-heading` }, heading),
    list.length ? el('ul', { class: 'sessions' }, list.map(s => nowItem(s, ctx))) : el('p', { class: 'empty' }, none));
  $('now-next').replaceChildren(card('now', words.now, now, words.nothingNow), card('next', words.next, next, words.nothingNext));
}

function nowItem(s, ctx) {
  const { state, lang, words, zone } = ctx;
  const person = (label, id, cls) => {
    const p = id && speaker(state, id);
    if (!p) return null;
    const role = [t(p.title, lang), t(p.affiliation, lang)].filter(Boolean).join(' · ');
    return el('p', { class: ['stage', cls] }, el('span', { class: 'stage-label' }, `${label}: `),
      el('span', { class: 'person' }, t(p.name, lang)), role && el('span', { class: 'person-role' }, role));
  };
  return el('li', {
    class: ['session', 'now-item', `status-${s.status}`, ctx.highlighted.has(s.id) && 'changed'], 'data-session': s.id,
  },
  el('div', { class: 'when' }, timeEl('start', s.start, zone, lang), timeEl('end', s.end, zone, lang)),
  el('div', { class: 'what' },
    el('p', { class: 'room' }, roomName(state, s.room, lang)),
    statusLine(s, ctx, ctx.highlighted.has(s.id)),
    expectedLine(s, ctx),
    el('h3', { class: 'title' }, t(s.title, lang)),
    person(words.onStage, s.onStage, 'on-stage'),
    person(words.nextSpeaker, s.upNext, 'up-next')));
}

/** The next starred session and how long until it starts (its projected start when it runs late); re-run every second. */
export function renderCountdown(ctx) {
  const { state, words, lang, zone, now } = ctx;
  const starred = (state.sessions || []).filter(s => ctx.stars.has(s.id) && s.status !== 'cancelled' && s.status !== 'ended');
  const live = starred.find(s => s.status === 'live');
  const starts = s => expectedStart(state, s);
  const next = starred.filter(s => s.status === 'scheduled' && starts(s) > now).sort((a, b) => starts(a) - starts(b))[0];
  let content;
  if (!ctx.stars.size) {
    content = [el('p', { class: 'countdown-hint' }, words.noStarsHome)];
  } else if (live || next) {
    const s = live || next;
    const left = starts(s) - now;
    const late = !live && lateness(state, s);
    content = [
      el('p', { class: 'countdown-label' }, live ? words.liveStarred : words.nextStarred),
      el('p', { class: 'countdown-title' }, t(s.title, lang)),
      el('p', { class: 'countdown-when' }, fmtTime(s.start, zone, lang),
        late && late.start && ` (${words.expectedShort(fmtTime(late.start, zone, lang))})`, ` · ${roomName(state, s.room, lang)}`,
        !live && el('span', { class: ['countdown-left', left <= 10 * 60_000 && 'soon'] },
          ` · ${left < 60_000 ? words.startingNow : words.startsIn(left)}`)),
    ];
  } else {
    content = [el('p', { class: 'countdown-hint' }, words.nothingNext)];
  }
  const box = $('countdown');
  const text = content.map(n => n.textContent).join('|');
  if (box.dataset.text === text) return;
  box.dataset.text = text;
  box.replaceChildren(...content);
}

function renderAnnouncements(ctx) {
  const { state, lang, now } = ctx;
  const current = (state.announcements || []).filter(a => !a.expiresAt || Date.parse(a.expiresAt) > now).reverse();
  $('announcements-block').classList.toggle('hidden', !current.length);
  $('announcements').replaceChildren(...current.map(a => el('li', { class: 'announcement' }, t(a.text, lang))));
}

/** Revealed results only: the public state holds nothing else, and a result without its reveal time is not shown. */
function renderAwards(ctx) {
  const { state, lang, words } = ctx;
  const shown = (state.awards || []).map(award => {
    const names = new Map((award.nominees || []).map(n => [n.id, n.name]));
    const results = (award.results || []).filter(r => r.revealedAt && names.has(r.nominee)).sort((a, b) => a.rank - b.rank);
    return { award, names, results };
  }).filter(a => a.results.length);
  $('awards').classList.toggle('hidden', !shown.length);
  $('award-list').replaceChildren(...shown.map(({ award, names, results }) => el('section', { class: 'award' },
    el('h3', { class: 'award-name' }, t(award.name, lang)),
    el('ol', { class: 'results' }, results.map(r => el('li', { class: 'result', 'data-rank': r.rank },
      el('span', { class: 'place' }, words.place(r.rank)), ' ', el('span', { class: 'winner' }, t(names.get(r.nominee), lang))))))));
}
