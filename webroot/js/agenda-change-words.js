// What changed, in plain words. A change is described by comparing the state before it with the
// state after it, for the entities its data touched, never by trusting its kind: a kind this page
// has never heard of (session.restored, award.withdrawn…) is described the same way, and the words
// can never say more than the state does. Items keep both languages, so the list can be re-read in
// the other language later.
import { fmtTime, t } from './text.js';

const ALERTING = new Set(['cancelled', 'moved', 'retimed', 'restored', 'removed']);
const ROUTINE = new Set(['started', 'ended', 'rescheduled']);

/** The ids a change's data touched (null: compare everything, as for "since you were last here"). */
export function touchedBy(data) {
  const ids = list => new Set((list || []).map(x => x.id));
  return {
    sessions: ids(data.sessions),
    announcements: new Set([...ids(data.announcements), ...(data.clearedAnnouncements || [])]),
    notice: 'notice' in data,
    awards: new Set([...(data.results || []).map(r => r.award), ...ids(data.awards)]),
  };
}

/** The items that say what differs between two states, for what was touched (or everything). */
export function describe(before, after, touched = null) {
  if (!before || !after) return [];
  return [
    ...sessionItems(before, after, touched),
    ...announcementItems(before, after, touched),
    ...noticeItems(before, after, touched),
    ...awardItems(before, after, touched),
  ];
}

/** A session item that should alert whoever starred that session. */
export function alerts(item) {
  return item.k === 'session' && item.parts.some(p => ALERTING.has(p.k));
}

/** For a summary: the items without routine starts and ends and stage cues. */
export function notable(items) {
  return items.map(i => (i.k === 'session' ? { ...i, parts: i.parts.filter(p => !ROUTINE.has(p.k)) } : i))
    .filter(i => i.k !== 'stage' && (i.k !== 'session' || i.parts.length));
}

function byId(list) {
  return new Map((list || []).map(x => [x.id, x]));
}

function pick(touched, key, ...maps) {
  if (touched) return [...touched[key]];
  return [...new Set(maps.flatMap(m => [...m.keys()]))];
}

function roomText(state, id) {
  const room = (state.rooms || []).find(r => r.id === id);
  return room ? room.name : id;
}

function speakerText(state, id) {
  const sp = (state.speakers || []).find(x => x.id === id);
  return sp ? sp.name : id;
}

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const minutes = (a, b) => Math.round((Date.parse(a) - Date.parse(b)) / 60_000);

function sessionItems(before, after, touched) {
  const b = byId(before.sessions);
  const a = byId(after.sessions);
  const items = [];
  for (const id of pick(touched, 'sessions', b, a)) {
    const was = b.get(id);
    const now = a.get(id);
    const subject = now || was;
    if (!subject) continue;
    const item = { k: 'session', id, title: subject.title, room: roomText(after, subject.room), parts: sessionParts(was, now, before, after) };
    if (item.parts.length) items.push(item);
    if (was && now && (was.onStage !== now.onStage || was.upNext !== now.upNext) && (now.onStage || now.upNext)) {
      items.push({
        k: 'stage', id, title: now.title, room: roomText(after, now.room),
        speaker: now.onStage ? speakerText(after, now.onStage) : null, next: now.upNext ? speakerText(after, now.upNext) : null,
      });
    }
  }
  return items;
}

function sessionParts(was, now, before, after) {
  if (!was) return [{ k: 'added', start: now.start, end: now.end }];
  if (!now) return [{ k: 'removed' }];
  const parts = [];
  let timesFollowStatus = false;
  if (was.status !== now.status) {
    if (now.status === 'cancelled') parts.push({ k: 'cancelled', reason: now.reason || null });
    else if (was.status === 'cancelled') parts.push({ k: 'restored', start: now.start });
    else if (now.status === 'live') parts.push({ k: 'started' });
    else if (now.status === 'ended') parts.push({ k: 'ended' });
    else parts.push({ k: 'rescheduled' });
    // Starting and ending set the actual times to the clock's: that is not a delay.
    timesFollowStatus = now.status === 'live' || now.status === 'ended';
  }
  if (was.room !== now.room) parts.push({ k: 'moved', from: roomText(before, was.room), to: roomText(after, now.room) });
  if (!timesFollowStatus) {
    const shift = minutes(now.start, was.start);
    if (shift !== 0) parts.push({ k: 'retimed', min: shift, start: now.start });
    else if (minutes(now.end, was.end) !== 0) parts.push({ k: 'ends', end: now.end });
  }
  if (!same(was.title, now.title)) parts.push({ k: 'renamed', from: was.title });
  if (!same(was.speakers, now.speakers)) {
    parts.push({ k: 'speakers', names: (now.speakers || []).map(id => speakerText(after, id)) });
  }
  if (!parts.length && (!same(was.description, now.description) || was.type !== now.type)) parts.push({ k: 'details' });
  return parts;
}

function announcementItems(before, after, touched) {
  const b = byId(before.announcements);
  const a = byId(after.announcements);
  const items = [];
  for (const id of pick(touched, 'announcements', b, a)) {
    const was = b.get(id);
    const now = a.get(id);
    if (now && (!was || !same(was.text, now.text))) items.push({ k: 'announcement', id, text: now.text, expiresAt: now.expiresAt || null });
    else if (was && !now) items.push({ k: 'announcementGone', id, text: was.text });
  }
  return items;
}

function noticeItems(before, after, touched) {
  if (touched && !touched.notice) return [];
  const was = before.notice;
  const now = after.notice;
  if (now && (!was || !same(was.text, now.text))) return [{ k: 'notice', text: now.text }];
  if (was && !now) return [{ k: 'noticeGone' }];
  return [];
}

/** Only results with a reveal time count: the page shows nothing else, and guesses nothing. */
function revealed(state) {
  const out = new Map();
  for (const award of state.awards || []) {
    const names = new Map((award.nominees || []).map(n => [n.id, n.name]));
    out.set(award.id, {
      name: award.name,
      results: (award.results || []).filter(r => r.revealedAt && names.has(r.nominee))
        .map(r => ({ rank: r.rank, nominee: r.nominee, name: names.get(r.nominee) })),
    });
  }
  return out;
}

function awardItems(before, after, touched) {
  const b = revealed(before);
  const a = revealed(after);
  const items = [];
  for (const id of pick(touched, 'awards', b, a)) {
    const was = b.get(id) || { results: [] };
    const now = a.get(id) || { results: [] };
    const key = r => `${r.rank}:${r.nominee}`;
    const old = new Set(was.results.map(key));
    const kept = new Set(now.results.map(key));
    const shown = now.results.filter(r => !old.has(key(r)));
    const gone = was.results.filter(r => !kept.has(key(r)));
    const name = (a.get(id) || b.get(id) || {}).name || id;
    if (shown.length) items.push({ k: 'revealed', award: name, results: shown.map(r => ({ rank: r.rank, nominee: r.name })) });
    if (gone.length) items.push({ k: 'withdrawn', award: name, ranks: gone.map(r => r.rank) });
  }
  return items;
}

// ---- sentences ----

const EN = {
  added: (p, f) => `added: ${f(p.start)}–${f(p.end)}`,
  removed: () => 'removed from the agenda',
  cancelled: (p, f, lang) => (p.reason && t(p.reason, lang) ? `cancelled (${t(p.reason, lang)})` : 'cancelled'),
  restored: (p, f) => `is back on, at ${f(p.start)}`,
  started: () => 'has started',
  ended: () => 'has ended',
  rescheduled: () => 'is scheduled again',
  moved: (p, f, lang) => `moved to ${t(p.to, lang)} (was ${t(p.from, lang)})`,
  retimed: (p, f) => (p.min > 0 ? `delayed ${p.min} min, now ${f(p.start)}` : `brought forward ${-p.min} min, now ${f(p.start)}`),
  ends: (p, f) => `now ends at ${f(p.end)}`,
  renamed: (p, f, lang) => ` (was “${t(p.from, lang)}”)`,
  speakers: (p, f, lang) => (p.names.length ? `speakers now ${p.names.map(n => t(n, lang)).join(', ')}` : 'no speakers listed now'),
  details: () => 'details updated',
};

const ZH = {
  added: (p, f) => `新增，${f(p.start)}–${f(p.end)}`,
  removed: () => '已从日程中移除',
  cancelled: (p, f, lang) => (p.reason && t(p.reason, lang) ? `已取消（${t(p.reason, lang)}）` : '已取消'),
  restored: (p, f) => `已恢复，${f(p.start)}开始`,
  started: () => '已开始',
  ended: () => '已结束',
  rescheduled: () => '已恢复为待开始',
  moved: (p, f, lang) => `改至${t(p.to, lang)}（原${t(p.from, lang)}）`,
  retimed: (p, f) => (p.min > 0 ? `推迟${p.min}分钟，现${f(p.start)}开始` : `提前${-p.min}分钟，现${f(p.start)}开始`),
  ends: (p, f) => `改为${f(p.end)}结束`,
  renamed: (p, f, lang) => `（原名“${t(p.from, lang)}”）`,
  speakers: (p, f, lang) => (p.names.length ? `演讲嘉宾改为${p.names.map(n => t(n, lang)).join('、')}` : '暂无演讲嘉宾'),
  details: () => '详情已更新',
};

function place(rank, lang) {
  if (lang === 'zh') return `第${rank}名`;
  const n = rank % 100;
  const suffix = n >= 11 && n <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' })[rank % 10] || 'th';
  return `${rank}${suffix} place`;
}

/** One item in plain words, in lang, with times in the event's zone. */
export function sentence(item, lang, zone) {
  const f = iso => fmtTime(iso, zone, lang);
  const zh = lang === 'zh';
  switch (item.k) {
    case 'session': {
      const words = zh ? ZH : EN;
      const renamed = item.parts.find(p => p.k === 'renamed');
      const phrases = item.parts.filter(p => p !== renamed)
        .map(p => (words[p.k] ? words[p.k](p, f, lang) : (zh ? '已更新' : 'updated')));
      // A new title names the session; the old one follows it, so the reader knows which it was.
      const title = t(item.title, lang) + (renamed ? words.renamed(renamed, f, lang) : '');
      if (!phrases.length && renamed) {
        return zh ? `${t(renamed.from, lang)}更名为${t(item.title, lang)}` : `${t(renamed.from, lang)} is now called ${t(item.title, lang)}`;
      }
      if (item.parts[0] && item.parts[0].k === 'added') {
        return zh ? `新增日程：${title}，${f(item.parts[0].start)}–${f(item.parts[0].end)}，${t(item.room, lang)}`
          : `New session: ${title}, ${f(item.parts[0].start)}–${f(item.parts[0].end)}, ${t(item.room, lang)}`;
      }
      return zh ? `${title}${phrases.join('，')}` : `${title} ${phrases.join(', ')}`;
    }
    case 'stage': {
      const room = t(item.room, lang);
      const who = item.speaker && t(item.speaker, lang);
      const next = item.next && t(item.next, lang);
      if (zh) return `${room}：${[who && `${who}正在发言`, next && `下一位：${next}`].filter(Boolean).join('，')}`;
      return `${room}: ${[who && `${who} on stage`, next && `${next} up next`].filter(Boolean).join(', ')}`;
    }
    case 'announcement': return zh ? `公告：${t(item.text, lang)}` : `Announcement: ${t(item.text, lang)}`;
    case 'announcementGone': return zh ? `公告已撤下：${t(item.text, lang)}` : `Announcement removed: ${t(item.text, lang)}`;
    case 'notice': return zh ? `紧急通知：${t(item.text, lang)}` : `Emergency notice: ${t(item.text, lang)}`;
    case 'noticeGone': return zh ? '紧急通知已解除' : 'The emergency notice was lifted';
    case 'revealed': {
      const results = item.results.map(r => (zh ? `${place(r.rank, lang)} ${t(r.nominee, lang)}`
        : `${place(r.rank, lang)}, ${t(r.nominee, lang)}`));
      return zh ? `${t(item.award, lang)}揭晓：${results.join('；')}` : `${t(item.award, lang)}: ${results.join('; ')}`;
    }
    case 'withdrawn': return zh ? `${t(item.award, lang)}的结果已撤回` : `Results of ${t(item.award, lang)} withdrawn`;
    default: return '';
  }
}

/**
 * An entry's sentences: its own session first, and the later sessions a cascade shifted folded
 * into one clause after it (a 15-minute delay of the morning's first talk moves six more).
 */
export function entrySentences(entry, lang, zone) {
  const items = entry.items || [];
  const primary = items.find(i => i.k === 'session' && i.id === entry.primary);
  const followers = primary ? items.filter(i => i !== primary && i.k === 'session'
    && i.parts.length && i.parts.every(p => p.k === 'retimed')) : [];
  const rest = items.filter(i => i !== primary && !followers.includes(i));
  const out = [];
  if (primary) {
    const n = followers.length;
    const tail = !n ? '' : lang === 'zh' ? `；其后${n}场日程随之顺延`
      : `; ${n === 1 ? '1 later session moves' : `${n} later sessions move`} with it`;
    out.push(sentence(primary, lang, zone) + tail);
  }
  for (const i of rest) out.push(sentence(i, lang, zone));
  return out.filter(Boolean);
}
