// Awards: categories, nominees and results (ranks, ties) entered ahead of time and embargoed (only
// admin and awards see them), a reveal of one rank or a whole category as one command, and its
// undo, which takes the result down from every screen.
import { el } from './text.js';
import { bilingualField, field, select } from './console-dialog.js';
import { commandDialog, FormError } from './console-command.js';
import { slug } from './console-session.js';

export const awardsView = { id: 'awards', label: w => w.awards, render };

function render(app) {
  const w = app.words;
  const state = app.live.state;
  const awards = state.awards || [];
  return el('section', { class: 'awards-view', 'data-scroll': 'awards' },
    el('div', { class: 'toolbar' },
      el('h2', { class: 'toolbar-title' }, w.awards),
      el('span', { class: 'spacer' }),
      app.may('award.add') && el('button', { type: 'button', class: 'btn', 'data-action': 'add-award', onclick: () => openAward(app, null) }, w.addAward)),
    !app.me.seesEmbargoed && el('p', { class: 'note' }, w.embargoNote),
    awards.length ? el('div', { class: 'award-list' }, awards.map(a => awardCard(app, state, a))) : el('p', { class: 'empty' }, w.noAwards));
}

function nomineeName(app, a, id) {
  const n = (a.nominees || []).find(x => x.id === id);
  return n ? app.t(n.name) : id;
}

function awardCard(app, state, a) {
  const w = app.words;
  const may = app.may('award.reveal');
  const session = (state.sessions || []).find(s => s.id === a.session);
  const results = [...(a.results || [])].sort((x, y) => x.rank - y.rank);
  const ranks = [...new Set(results.map(r => r.rank))];
  const unrevealed = results.filter(r => !r.revealedAt);
  const revealed = results.filter(r => r.revealedAt);
  const rankRow = rank => {
    const rows = results.filter(r => r.rank === rank);
    const out = rows.every(r => r.revealedAt);
    return el('tr', { 'data-rank': rank, class: out ? 'revealed' : 'embargoed' },
      el('th', { scope: 'row' }, w.place(rank)),
      el('td', {}, rows.map(r => nomineeName(app, a, r.nominee)).join(app.lang === 'zh' ? '、' : ' · '), rows.length > 1 && el('span', { class: ['badge', 'badge-tie'] }, w.tie)),
      el('td', {}, out ? el('span', { class: ['badge', 'badge-live'] }, w.revealedAt(app.time(rows[0].revealedAt)))
        : el('span', { class: ['badge', 'badge-embargoed'] }, w.embargoed)),
      el('td', { class: 'row-actions' }, may && (out
        ? el('button', { type: 'button', class: ['btn', 'btn-small'], 'data-action': 'unreveal-rank', 'data-key': `unreveal-${a.id}-${rank}`, onclick: () => openUnreveal(app, a.id, rank) }, w.undoReveal)
        : el('button', { type: 'button', class: ['btn', 'btn-small', 'btn-primary'], 'data-action': 'reveal-rank', 'data-key': `reveal-${a.id}-${rank}`, onclick: () => openReveal(app, a.id, rank) }, w.reveal))));
  };
  return el('article', { class: ['card', 'award-card'], 'data-award': a.id, 'aria-labelledby': `award-${a.id}` },
    el('div', { class: 'card-head' },
      el('h3', { id: `award-${a.id}` }, app.t(a.name)),
      app.may('award.update') && el('button', { type: 'button', class: ['btn', 'btn-small'], 'data-key': `edit-award-${a.id}`, onclick: () => openAward(app, a) }, w.edit)),
    el('p', { class: 'hint' }, w.atSession(session ? app.t(session.title) : a.session)),
    el('h4', { class: 'panel-heading' }, w.nominees),
    el('ul', { class: 'nominee-list' }, (a.nominees || []).map(n => el('li', { 'data-nominee': n.id },
      el('span', {}, app.t(n.name)),
      app.may('award.nominee') && el('button', { type: 'button', class: ['btn', 'btn-small'], 'data-key': `rename-${a.id}-${n.id}`, 'aria-label': w.renameNominee(app.t(n.name)), onclick: () => openNominee(app, a, n) }, w.rename))),
    app.may('award.nominee') && el('li', {}, el('button', { type: 'button', class: ['btn', 'btn-small'], 'data-action': 'add-nominee', 'data-key': `add-nominee-${a.id}`, onclick: () => openNominee(app, a, null) }, w.addNominee))),
    el('h4', { class: 'panel-heading' }, w.results),
    results.length ? el('table', { class: ['data-table', 'results-table'] },
      el('thead', {}, el('tr', {}, [w.rank, w.winner, w.statusCol, w.actionsCol].map(h => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, ranks.map(rankRow)))
      : el('p', { class: 'empty' }, app.me.seesEmbargoed ? w.noResults : w.resultsHidden),
    el('div', { class: 'action-row' },
      app.may('award.set_results') && app.me.seesEmbargoed && el('button', { type: 'button', class: 'btn', 'data-action': 'edit-results', 'data-key': `results-${a.id}`, onclick: () => openResults(app, a) }, w.editResults),
      may && unrevealed.length > 0 && el('button', { type: 'button', class: ['btn', 'btn-primary'], 'data-action': 'reveal-all', 'data-key': `reveal-all-${a.id}`, onclick: () => openReveal(app, a.id, null) }, w.revealAll),
      may && revealed.length > 0 && el('button', { type: 'button', class: 'btn', 'data-action': 'unreveal-all', 'data-key': `unreveal-all-${a.id}`, onclick: () => openUnreveal(app, a.id, null) }, w.undoRevealAll)));
}

function award(app, id) {
  return (app.live.state.awards || []).find(a => a.id === id);
}

/** One rank (rank given) or every unrevealed one: one command; the dialog's key makes a second click harmless. */
export function openReveal(app, awardId, rank) {
  const w = app.words;
  const a = award(app, awardId);
  if (!a) return;
  const rows = (a.results || []).filter(r => !r.revealedAt && (rank === null || r.rank === rank)).sort((x, y) => y.rank - x.rank);
  commandDialog(app, {
    title: rank === null ? w.revealAllTitle(app.t(a.name)) : w.revealTitle(app.t(a.name), w.place(rank)),
    intro: w.revealIntro, enterConfirms: false,
    body: [el('ul', { class: 'reveal-list' }, rows.map(r => el('li', {}, el('strong', {}, w.place(r.rank)), ' ', nomineeName(app, a, r.nominee))))],
    confirm: w.revealNow,
    build: () => {
      const b = { type: 'award.reveal', award: a.id };
      if (rank !== null) b.rank = rank;
      return b;
    },
    done: ans => w.revealedDone(app.t(a.name), ans.version),
  });
}

export function openUnreveal(app, awardId, rank) {
  const w = app.words;
  const a = award(app, awardId);
  if (!a) return;
  commandDialog(app, {
    title: rank === null ? w.undoRevealAllTitle(app.t(a.name)) : w.undoRevealTitle(app.t(a.name), w.place(rank)),
    intro: w.undoRevealIntro, enterConfirms: false, body: [],
    confirm: w.undoReveal, danger: true,
    build: () => {
      const b = { type: 'award.unreveal', award: a.id };
      if (rank !== null) b.rank = rank;
      return b;
    },
    done: ans => w.unrevealedDone(app.t(a.name), ans.version),
  });
}

function openAward(app, a) {
  const w = app.words;
  const state = app.live.state;
  const name = bilingualField(app, w.awardName, a ? a.name : null, { name: 'award-name', required: true });
  const sessions = [...(state.sessions || [])].sort((x, y) => (x.type === 'award' ? -1 : 0) - (y.type === 'award' ? -1 : 0));
  const session = select(sessions.map(s => [s.id, `${app.time(s.start)} ${app.t(s.title)}`]), a ? a.session : null, { name: 'session' });
  const id = el('input', { type: 'text', name: 'award-id', autocapitalize: 'none', spellcheck: 'false' });
  if (!a) name.inputs[0].addEventListener('input', () => { if (!id.dataset.touched) id.value = slug(name.inputs[0].value); });
  id.addEventListener('input', () => { id.dataset.touched = '1'; });
  commandDialog(app, {
    title: a ? w.editAward : w.addAward,
    body: [name, field(w.atSessionLabel, session), !a && field(w.idLabel, id, w.idHint)],
    confirm: a ? w.save : w.add,
    build: () => {
      const value = name.value();
      if (!value) throw new FormError(w.nameNeeded);
      if (a) {
        const b = { type: 'award.update', award: a.id };
        if (JSON.stringify(value) !== JSON.stringify(a.name)) b.name = value;
        if (session.value !== a.session) b.session = session.value;
        if (Object.keys(b).length === 2) throw new FormError(w.nothingChanged);
        return b;
      }
      const awardId = id.value || slug(typeof value === 'string' ? value : value.en);
      if (!/^[a-z0-9-]{1,64}$/.test(awardId)) throw new FormError(w.idHint);
      return { type: 'award.add', award: awardId, session: session.value, name: value };
    },
    done: ans => w.savedDone(ans.version),
  });
}

function openNominee(app, a, n) {
  const w = app.words;
  const name = bilingualField(app, w.nomineeName, n ? n.name : null, { name: 'nominee-name', required: true });
  const id = el('input', { type: 'text', name: 'nominee-id', autocapitalize: 'none', spellcheck: 'false' });
  if (!n) name.inputs[0].addEventListener('input', () => { if (!id.dataset.touched) id.value = slug(name.inputs[0].value); });
  id.addEventListener('input', () => { id.dataset.touched = '1'; });
  commandDialog(app, {
    title: n ? w.renameNominee(app.t(n.name)) : w.addNomineeTo(app.t(a.name)),
    body: [name, !n && field(w.idLabel, id, w.idHint)],
    confirm: n ? w.save : w.add,
    build: () => {
      const value = name.value();
      if (!value) throw new FormError(w.nameNeeded);
      const nominee = n ? n.id : id.value || slug(typeof value === 'string' ? value : value.en);
      if (!/^[a-z0-9-]{1,64}$/.test(nominee)) throw new FormError(w.idHint);
      if (!n && (a.nominees || []).some(x => x.id === nominee)) throw new FormError(w.idTaken(nominee));
      return { type: 'award.nominee', award: a.id, nominee, name: value };
    },
    done: ans => w.savedDone(ans.version),
  });
}

/** The whole list of results at once; two rows with one rank are a tie. */
function openResults(app, a) {
  const w = app.words;
  const list = el('div', { class: 'results-editor' });
  const options = (a.nominees || []).map(n => [n.id, app.t(n.name)]);
  const addRow = (rank, nominee) => {
    const r = el('input', { type: 'number', min: 1, max: 50, step: 1, value: rank, class: 'rank-input', inputmode: 'numeric', 'aria-label': w.rank });
    const who = select(options, nominee, { 'aria-label': w.winner });
    const row = el('div', { class: 'result-row' }, r, who,
      el('button', { type: 'button', class: ['btn', 'btn-small', 'btn-quiet'], 'aria-label': w.removeRow, onclick: () => row.remove() }, '×'));
    list.appendChild(row);
  };
  const current = [...(a.results || [])].sort((x, y) => x.rank - y.rank);
  if (current.length) current.forEach(r => addRow(r.rank, r.nominee));
  else (a.nominees || []).slice(0, 3).forEach((n, i) => addRow(i + 1, n.id));
  const more = el('button', { type: 'button', class: ['btn', 'btn-small'], onclick: () => {
    const rows = list.querySelectorAll('.result-row');
    addRow(rows.length + 1, options[0] ? options[0][0] : '');
  } }, w.addRow);
  commandDialog(app, {
    title: w.resultsTitle(app.t(a.name)), intro: w.resultsIntro, wide: true,
    body: [el('div', { class: ['result-row', 'result-head'], 'aria-hidden': 'true' }, el('span', {}, w.rank), el('span', {}, w.winner)), list, more],
    confirm: w.saveResults,
    build: () => {
      const results = [...list.querySelectorAll('.result-row')].map(row => ({
        rank: Number(row.querySelector('input').value), nominee: row.querySelector('select').value,
      }));
      if (!results.length) throw new FormError(w.resultsNeeded);
      if (results.some(r => !Number.isInteger(r.rank) || r.rank < 1 || r.rank > 50 || !r.nominee)) throw new FormError(w.rankHint);
      if (new Set(results.map(r => r.nominee)).size !== results.length) throw new FormError(w.nomineeTwice);
      return { type: 'award.set_results', award: a.id, results: results.sort((x, y) => x.rank - y.rank) };
    },
    done: ans => w.resultsSaved(app.t(a.name), ans.version),
  });
}
