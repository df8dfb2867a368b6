// The screens' own words in both languages, and how a screen lays two languages out:
// the first language large, the second beneath it (lang=zh-en, en-zh), or one alone (zh, en).
import { el } from './text.js';

export const WORDS = {
  en: {
    now: 'Now', upNext: 'Up next', nowSpeaking: 'Now speaking', live: 'Live now', cancelled: 'Cancelled',
    startsIn: m => (m <= 0 ? 'Starting now' : `Starts in ${m} min`), startsAt: time => `Starts at ${time}`,
    expected: (time, m) => `Expected ${time} (about ${m} min late)`, expectedEnd: time => `Expected to end ${time}`,
    delayed: (m, time) => `Delayed ${m} min, now ${time}`, earlier: (m, time) => `Earlier by ${m} min, now ${time}`,
    movedTo: room => `Moved to ${room}`, movedFrom: room => `Moved from ${room}`,
    over: 'Sessions have ended', overNote: 'Thank you for joining us today', between: 'Between sessions',
    offline: time => `Offline since ${time}`, connecting: 'Connecting…', pair: 'Enter this code in the Podium console',
    emergency: 'Emergency notice', award: 'Award', place: n => `${ordinal(n)} place`, thisScreen: 'This screen',
    timeLeft: 'Time left', overTime: 'Over time', nextIn: 'Next session in', nextDue: 'Next session was due',
    nextAt: (time, expected) => (expected ? `Next ${time} → expected ${expected}` : `Next ${time}`),
    nothingLeft: 'Nothing more in this room today',
  },
  zh: {
    now: '正在进行', upNext: '即将开始', nowSpeaking: '正在演讲', live: '进行中', cancelled: '已取消',
    startsIn: m => (m <= 0 ? '即将开始' : `${m}分钟后开始`), startsAt: time => `${time} 开始`,
    expected: (time, m) => `预计 ${time}（约晚 ${m} 分钟）`, expectedEnd: time => `预计 ${time} 结束`,
    delayed: (m, time) => `推迟${m}分钟，现${time}`, earlier: (m, time) => `提前${m}分钟，现${time}`,
    movedTo: room => `改至${room}`, movedFrom: room => `由${room}改至此处`,
    over: '今日日程已全部结束', overNote: '感谢您的参与', between: '休息中，请稍候',
    offline: time => `${time} 起离线`, connecting: '正在连接…', pair: '请在 Podium 控制台输入此代码',
    emergency: '紧急通知', award: '颁奖', place: n => `第${n}名`, thisScreen: '本屏幕',
    timeLeft: '剩余时间', overTime: '已超时', nextIn: '距下一场开始', nextDue: '下一场应已开始',
    nextAt: (time, expected) => (expected ? `下一场 ${time} → 预计 ${expected}` : `下一场 ${time}`),
    nothingLeft: '本会场今日日程已全部结束',
  },
};

function ordinal(n) {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return n + ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] || 'th');
}

const MODES = { 'zh-en': ['zh', 'en'], 'en-zh': ['en', 'zh'], zh: ['zh'], en: ['en'] };

/** The languages of a lang setting, the large one first; zh-en when the setting is unknown. */
export function langs(mode) {
  return MODES[mode] || MODES['zh-en'];
}

export function htmlLang(lang) {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

/**
 * Two lines of one text: <div class="bi CLS"><span class="primary">…</span><span class="secondary">…</span></div>.
 * textOf(lang) gives the text in 'zh' or 'en'; the second line is left out when it says the same.
 */
export function bi(mode, cls, textOf, tag = 'div') {
  const [first, second] = langs(mode);
  const a = textOf(first) || '';
  const b = second ? textOf(second) || '' : '';
  return el(tag, { class: ['bi', ...[].concat(cls)] },
    el('span', { class: 'primary', lang: htmlLang(first) }, a),
    b && b !== a ? el('span', { class: 'secondary', lang: htmlLang(second) }, b) : null);
}

/** One line holding both languages, for small print: "10:42 起离线 · Offline since 10:42". */
export function inline(mode, textOf) {
  const parts = langs(mode).map(l => textOf(l)).filter(Boolean);
  return [...new Set(parts)].join(' · ');
}
