// What lies over every layout: the announcement ticker, the emergency takeover, the screen's
// name when staff identify it, and the small offline mark.
import { el, t } from './text.js';
import { WORDS, bi, inline, langs } from './screen-words.js';
import { shrinkToFit } from './screen-fit.js';

const $ = id => document.getElementById(id);
let tickerKey = null;
let noticeKey = null;
let identifyTimer = null;

/** Announcements not yet expired at serverNow, newest first. */
export function currentAnnouncements(state, serverNow) {
  return (state.announcements || [])
    .filter(a => !a.expiresAt || Date.parse(a.expiresAt) > serverNow)
    .sort((a, b) => Date.parse(b.postedAt) - Date.parse(a.postedAt));
}

/** Rebuilds the ticker only when what it says changes, so the scroll does not restart. */
export function renderTicker(state, serverNow, mode) {
  const list = state ? currentAnnouncements(state, serverNow) : [];
  const key = JSON.stringify([mode, list.map(a => [a.id, a.text])]);
  if (key === tickerKey) return;
  tickerKey = key;
  const box = $('ticker');
  document.body.classList.toggle('has-ticker', list.length > 0);
  if (!list.length) {
    box.replaceChildren();
    return;
  }
  const items = list.map(a => el('span', { class: 'ticker-item', 'data-announcement': a.id },
    langs(mode).map(l => el('span', { class: `ticker-${l}`, lang: l === 'zh' ? 'zh-CN' : 'en' }, t(a.text, l)))
      .filter((s, i, all) => i === 0 || s.textContent !== all[0].textContent)));
  // Two copies side by side scroll by half their width, so the loop has no seam.
  const track = el('div', { class: 'ticker-track' }, el('span', { class: 'ticker-copy' }, items),
    el('span', { class: ['ticker-copy', 'ticker-echo'], 'aria-hidden': 'true' }, items.map(i => i.cloneNode(true))));
  const chars = list.reduce((n, a) => n + t(a.text, 'zh').length + t(a.text, 'en').length, 0);
  // About 12 characters a second, whatever the length, and never faster than 20 s a pass.
  track.style.setProperty('--ticker-seconds', `${Math.max(20, Math.round(chars / 12 + 10))}s`);
  box.replaceChildren(track);
}

/** The emergency notice covers everything while it is set. */
export function renderEmergency(state, mode) {
  const notice = state ? state.notice : null;
  const key = JSON.stringify([mode, notice]);
  if (key === noticeKey) return;
  noticeKey = key;
  const box = $('emergency');
  box.classList.toggle('hidden', !notice);
  document.body.classList.toggle('emergency-on', !!notice);
  if (!notice) {
    box.replaceChildren();
    return;
  }
  // Both languages always: in an emergency, everyone in the room must understand.
  const both = mode === 'en' || mode === 'en-zh' ? 'en-zh' : 'zh-en';
  const long = Math.max(t(notice.text, 'zh').length, t(notice.text, 'en').length) > 90;
  box.replaceChildren(el('div', { class: ['emergency-inner', long && 'long'] },
    bi(both, 'emergency-head', l => WORDS[l].emergency),
    bi(both, 'emergency-text', l => t(notice.text, l))));
  shrinkToFit(box);
}

/** Flashes the screen's name for 10 s, so staff can tell which TV is which. */
export function identify(name, screenId, mode) {
  const box = $('identify');
  clearTimeout(identifyTimer);
  box.replaceChildren(el('div', { class: 'identify-inner' },
    bi(mode, 'identify-head', l => WORDS[l].thisScreen),
    bi(mode, 'identify-name', l => t(name, l) || screenId),
    el('div', { class: 'identify-id' }, screenId)));
  box.classList.remove('hidden');
  shrinkToFit(box);
  identifyTimer = setTimeout(() => box.classList.add('hidden'), 10_000);
}

/** "Offline since 10:42" in a corner while the hub is out of reach; nothing while online. */
export function renderConnection(status, offlineSince, mode) {
  const box = $('connection');
  const offline = !!status && !status.online && offlineSince !== null;
  box.classList.toggle('offline', offline);
  box.classList.toggle('online', !!status && status.online);
  box.textContent = offline ? inline(mode, l => WORDS[l].offline(offlineSince)) : '';
}
