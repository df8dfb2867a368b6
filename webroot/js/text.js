// Text helpers every page shares. Pages build the DOM only through el(), which sets text with
// text nodes, so whatever staff type into a title shows as text and never runs.

/** The text in lang, or in the other language when that one is empty. */
export function t(bilingual, lang) {
  if (!bilingual) return '';
  if (typeof bilingual === 'string') return bilingual;
  const other = lang === 'zh' ? 'en' : 'zh';
  return (bilingual[lang] || '').trim() ? bilingual[lang] : bilingual[other] || '';
}

const timeFormats = new Map();

/** Venue-local HH:MM of an ISO instant (or ms since the epoch). */
export function fmtTime(instant, timeZone, lang) {
  if (instant === null || instant === undefined) return '';
  const key = `${timeZone}|${lang}`;
  let f = timeFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB',
      { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    timeFormats.set(key, f);
  }
  return f.format(new Date(instant));
}

/** A venue-local date such as "Wed 16 Aug 2023" or "2023年8月16日星期三". */
export function fmtDate(instant, timeZone, lang) {
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB',
    { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }).format(new Date(instant));
}

/**
 * el('li', {class: ['session', live && 'live'], 'data-session': id, onclick: fn}, 'text', child, [more])
 * Strings become text nodes; null, false and undefined children are left out.
 */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') {
      for (const c of [].concat(value)) if (c) node.classList.add(c);
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else if (name === 'text') {
      node.textContent = String(value);
    } else if (name === 'style' || name === 'innerHTML' || name === 'outerHTML') {
      throw new Error(`el() does not set ${name}: use classes and text`);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(node, c);
    else node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}
