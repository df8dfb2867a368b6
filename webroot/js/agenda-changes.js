// "What changed": the list of changes in plain words, newest first, kept on the device (bounded),
// with which entries are still unseen and which sessions are still highlighted; and the "since you
// were last here" summary.
import { el, fmtTime } from './text.js';
import { entrySentences, sentence } from './agenda-change-words.js';
import { read, write } from './agenda-store.js';

const KEEP = 100;
const SUMMARY_LINES = 6;

export function changeLog(event) {
  const key = `podium.changes.${event}`;
  const saved = read(key, null) || {};
  const log = {
    entries: Array.isArray(saved.entries) ? saved.entries : [],
    highlight: new Set(Array.isArray(saved.highlight) ? saved.highlight : []),
    /** Adds an entry unless it is known already (a replay after a crash); true when added. */
    add(entry) {
      if (!entry.items.length || log.entries.some(e => e.id === entry.id)) return false;
      log.entries.unshift(entry);
      log.entries.length = Math.min(log.entries.length, KEEP);
      entry.items.filter(i => i.k === 'session').forEach(i => log.highlight.add(i.id));
      save();
      return true;
    },
    unseen: () => log.entries.filter(e => !e.seen).length,
    markAllSeen() {
      if (!log.entries.some(e => !e.seen)) return;
      log.entries.forEach(e => { e.seen = true; });
      save();
    },
    seenSession(id) {
      if (log.highlight.delete(id)) save();
    },
  };
  function save() {
    write(key, { entries: log.entries, highlight: [...log.highlight] });
  }
  return log;
}

/** The list itself; `fresh` holds the ids that were unseen when this visit to the list began. */
export function renderChangeList(root, log, ctx, fresh) {
  const { words, lang, zone } = ctx;
  if (!log.entries.length) {
    root.replaceChildren(el('li', { class: 'empty' }, words.changesEmpty));
    return;
  }
  root.replaceChildren(...log.entries.map(entry => el('li', {
    class: ['change', fresh.has(entry.id) && 'unseen', entry.star && 'star-change'], 'data-change': entry.kind,
  },
  el('p', { class: 'change-meta' },
    el('time', { datetime: new Date(entry.at).toISOString() }, fmtTime(entry.at, zone, lang)),
    fresh.has(entry.id) && el('span', { class: 'new-mark' }, words.newMark),
    entry.star && el('span', { class: 'star-mark', 'aria-label': words.starred, role: 'img' }, '★')),
  entrySentences(entry, lang, zone).map(s => el('p', { class: 'change-text' }, s)))));
}

/** The "since you were last here" card, or nothing. */
export function sinceCard(summary, ctx, where, onDismiss) {
  if (!summary || !summary.items.length) return null;
  const { words, lang, zone } = ctx;
  const lines = summary.items.map(i => sentence(i, lang, zone)).filter(Boolean);
  const id = `since-${where}-heading`;
  return el('section', { class: 'since', 'aria-labelledby': id },
    el('h2', { id, class: 'since-heading' }, summary.at ? words.since(fmtTime(summary.at, zone, lang)) : words.sinceNow),
    el('ul', { class: 'since-list' }, lines.slice(0, SUMMARY_LINES).map(s => el('li', {}, s))),
    lines.length > SUMMARY_LINES && el('p', { class: 'since-more' }, words.more(lines.length - SUMMARY_LINES)),
    el('button', { type: 'button', class: 'since-dismiss', 'data-key': `since:${where}`, onclick: onDismiss }, words.dismiss));
}
