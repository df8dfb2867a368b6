// Changes and entities in words for people: the change log, undo, and "someone changed this first".
import { fmtTime, t } from './text.js';

const SAY = {
  en: {
    'session.delayed': (d, n) => `Delayed ${n.session} by ${d.minutes} min${d.cascade ? ' (cascade)' : ''}${n.more ? `, ${n.more} more moved` : ''}`,
    'session.moved': (d, n) => `Moved ${n.session} from ${n.from} to ${n.to}`,
    'session.cancelled': (d, n) => `Cancelled ${n.session}${n.reason ? `: ${n.reason}` : ''}`,
    'session.restored': (d, n) => `Restored ${n.session}`,
    'session.started': (d, n) => `Started ${n.session}`,
    'session.ended': (d, n) => `Ended ${n.session}`,
    'session.updated': (d, n) => `Edited ${n.session}`,
    'session.added': (d, n) => `Added ${n.session}`,
    'speaker.on_stage': (d, n) => (d.speaker ? `On stage in ${n.session}: ${n.speaker}` : `Cleared the stage of ${n.session}`)
      + (d.next ? ` (up next: ${n.next})` : ''),
    'announcement.posted': (d, n) => `Announcement: ${n.announcement}`,
    'announcement.cleared': () => 'Cleared an announcement',
    'notice.emergency': (d, n) => `EMERGENCY notice: ${n.notice}`,
    'notice.cleared': () => 'Cleared the emergency notice',
    'award.result_set': (d, n) => `Set the results of ${n.award} (embargoed)`,
    'award.revealed': (d, n) => `Revealed ${n.award}${n.ranks ? `: ${n.ranks}` : ''}`,
    'award.withdrawn': (d, n) => `Took down the reveal of ${n.award}${n.ranks ? `: ${n.ranks}` : ''}`,
    'award.added': (d, n) => `Added the award ${n.award}`,
    'award.updated': (d, n) => `Edited the award ${n.award}`,
    'screen.assigned': (d, n) => `Assigned the screen ${n.screen}`,
    'screen.reload': (d, n) => `Reloaded the screen ${n.screen}`,
    'screen.identify': (d, n) => `Identified the screen ${n.screen}`,
    'clock.set': (d, n) => `Set the clock: ${n.clock}`,
    'change.undone': (d, n) => `Undid version ${n.undone}`,
    'event.updated': () => 'Edited the event settings',
    'room.added': (d, n) => `Added the room ${n.room}`,
    'room.updated': (d, n) => `Edited the room ${n.room}`,
    'speaker.added': (d, n) => `Added the speaker ${n.speakerChanged}`,
    'speaker.updated': (d, n) => `Edited the speaker ${n.speakerChanged}`,
    'cue.saved': (d, n) => `Saved the cue ${n.cue}`,
    'cue.removed': (d, n) => `Removed the cue ${n.cue}`,
    'cue.fired': (d, n) => `Fired the cue ${n.cue}`,
    hidden: 'An embargoed change (hidden from your role)',
    realClock: 'real time', paused: 'paused', speed: s => `×${s}`,
    session: (title, time, room, status) => `${title}: ${time}, ${room}${status ? `, ${status}` : ''}`,
    status: { live: 'live', ended: 'ended', cancelled: 'cancelled', scheduled: 'scheduled' },
    delayed: m => `delayed ${m} min`,
    award: (name, results) => `${name}: ${results}`,
    revealed: 'revealed', embargoed: 'embargoed', rank: r => `#${r}`,
  },
  zh: {
    'session.delayed': (d, n) => `${n.session} 推迟 ${d.minutes} 分钟${d.cascade ? '（顺延）' : ''}${n.more ? `，另有 ${n.more} 场随之调整` : ''}`,
    'session.moved': (d, n) => `${n.session} 由${n.from}改至${n.to}`,
    'session.cancelled': (d, n) => `取消 ${n.session}${n.reason ? `：${n.reason}` : ''}`,
    'session.restored': (d, n) => `恢复 ${n.session}`,
    'session.started': (d, n) => `开始 ${n.session}`,
    'session.ended': (d, n) => `结束 ${n.session}`,
    'session.updated': (d, n) => `编辑 ${n.session}`,
    'session.added': (d, n) => `新增 ${n.session}`,
    'speaker.on_stage': (d, n) => (d.speaker ? `${n.session} 正在演讲：${n.speaker}` : `${n.session} 清除演讲人`)
      + (d.next ? `（下一位：${n.next}）` : ''),
    'announcement.posted': (d, n) => `公告：${n.announcement}`,
    'announcement.cleared': () => '撤下一条公告',
    'notice.emergency': (d, n) => `紧急通知：${n.notice}`,
    'notice.cleared': () => '解除紧急通知',
    'award.result_set': (d, n) => `录入 ${n.award} 的结果（保密）`,
    'award.revealed': (d, n) => `揭晓 ${n.award}${n.ranks ? `：${n.ranks}` : ''}`,
    'award.withdrawn': (d, n) => `撤回 ${n.award} 的揭晓${n.ranks ? `：${n.ranks}` : ''}`,
    'award.added': (d, n) => `新增奖项 ${n.award}`,
    'award.updated': (d, n) => `编辑奖项 ${n.award}`,
    'screen.assigned': (d, n) => `分配屏幕 ${n.screen}`,
    'screen.reload': (d, n) => `刷新屏幕 ${n.screen}`,
    'screen.identify': (d, n) => `识别屏幕 ${n.screen}`,
    'clock.set': (d, n) => `设置时钟：${n.clock}`,
    'change.undone': (d, n) => `撤销版本 ${n.undone}`,
    'event.updated': () => '编辑活动设置',
    'room.added': (d, n) => `新增会场 ${n.room}`,
    'room.updated': (d, n) => `编辑会场 ${n.room}`,
    'speaker.added': (d, n) => `新增演讲人 ${n.speakerChanged}`,
    'speaker.updated': (d, n) => `编辑演讲人 ${n.speakerChanged}`,
    'cue.saved': (d, n) => `保存流程提示 ${n.cue}`,
    'cue.removed': (d, n) => `删除流程提示 ${n.cue}`,
    'cue.fired': (d, n) => `触发流程提示 ${n.cue}`,
    hidden: '保密的变更（您的角色不可见）',
    realClock: '真实时间', paused: '已暂停', speed: s => `×${s}`,
    session: (title, time, room, status) => `${title}：${time}，${room}${status ? `，${status}` : ''}`,
    status: { live: '进行中', ended: '已结束', cancelled: '已取消', scheduled: '未开始' },
    delayed: m => `推迟 ${m} 分钟`,
    award: (name, results) => `${name}：${results}`,
    revealed: '已揭晓', embargoed: '保密', rank: r => `第${r}名`,
  },
};

function say(app) {
  return SAY[app.lang] || SAY.en;
}

const quote = (app, text) => (app.lang === 'zh' ? `“${text}”` : `“${text}”`);

function find(list, id, key = 'id') {
  return (list || []).find(x => x[key] === id);
}

/** One line for a change log entry {version, kind, data|hidden}. */
export function describeChange(app, entry) {
  const s = say(app);
  if (entry.hidden || !entry.data) return s.hidden;
  const d = entry.data;
  const state = app.live.state || {};
  const lang = app.lang;
  const sessionOf = id => find(d.sessions, id) || find(state.sessions, id);
  const title = id => {
    const x = sessionOf(id);
    return quote(app, x ? t(x.title, lang) : id);
  };
  const roomName = id => {
    const r = find(d.rooms, id) || find(state.rooms, id);
    return r ? t(r.name, lang) : id;
  };
  const speaker = id => {
    const sp = find(d.speakers, id) || find(state.speakers, id);
    return sp ? t(sp.name, lang) : id;
  };
  const award = id => {
    const a = find(d.awards, id) || find(state.awards, id);
    return quote(app, a ? t(a.name, lang) : id);
  };
  const screen = id => {
    const sc = find(d.screens, id, 'screen') || find(state.screens, id, 'screen');
    return quote(app, sc && t(sc.name, lang) ? t(sc.name, lang) : id);
  };
  const clock = c => (!c || c.mode !== 'simulated' ? s.realClock
    : [fmtTime(c.eventAnchor, state.event ? state.event.timeZone : undefined, lang), s.speed(c.speed), c.paused && s.paused]
      .filter(Boolean).join(' '));
  const names = {
    session: title(d.session),
    more: d.sessions ? d.sessions.filter(x => x.id !== d.session).length : 0,
    from: roomName(d.from), to: roomName(d.to),
    reason: d.sessions && sessionOf(d.session) ? t(sessionOf(d.session).reason, lang) : '',
    speaker: speaker(d.speaker), next: speaker(d.next),
    announcement: d.announcements && d.announcements[0] ? quote(app, t(d.announcements[0].text, lang)) : '',
    notice: d.notice ? quote(app, t(d.notice.text, lang)) : '',
    award: award(d.award || (d.awards && d.awards[0] && d.awards[0].id) || (d.results && d.results[0] && d.results[0].award)),
    ranks: (d.ranks || (d.results || []).map(r => r.rank)).map(r => s.rank(r)).filter((x, i, all) => all.indexOf(x) === i).join(', '),
    screen: screen(d.screen || (d.screens && d.screens[0] && d.screens[0].screen)),
    clock: clock(d.clock || (d.event && d.event.clock)),
    undone: d.undoes,
    room: d.rooms && d.rooms[0] ? quote(app, t(d.rooms[0].name, lang)) : roomName(d.room),
    cue: (() => {
      const c = find(d.cues, d.cue) || find(state.cues, d.cue);
      return quote(app, c ? t(c.name, lang) || c.id : d.cue);
    })(),
    speakerChanged: d.speakers && d.speakers[0] ? quote(app, t(d.speakers[0].name, lang)) : '',
  };
  const fn = s[entry.kind];
  return typeof fn === 'function' ? fn(d, names) : entry.kind;
}

/** One line per session, award or other entity in a conflict's "current" state. */
export function describeEntities(app, current) {
  if (!current || typeof current !== 'object') return [];
  const s = say(app);
  const lang = app.lang;
  const state = app.live.state || {};
  const zone = state.event ? state.event.timeZone : undefined;
  const out = [];
  for (const x of current.sessions || []) out.push(sessionLine(app, x));
  for (const a of current.awards || []) {
    const results = (a.results || []).map(r => {
      const n = find(a.nominees, r.nominee);
      return `${s.rank(r.rank)} ${n ? t(n.name, lang) : r.nominee} (${r.revealedAt ? s.revealed : s.embargoed})`;
    }).join(', ');
    out.push(s.award(t(a.name, lang), results || '—'));
  }
  for (const r of current.rooms || []) out.push(t(r.name, lang));
  for (const sp of current.speakers || []) out.push(t(sp.name, lang));
  for (const sc of current.screens || []) out.push(`${t(sc.name, lang) || sc.screen}: ${sc.room || ''} ${sc.layout || ''}`);
  for (const an of current.announcements || []) out.push(t(an.text, lang));
  if ('notice' in current) out.push(current.notice ? t(current.notice.text, lang) : '—');
  if (current.event) out.push(`${t(current.event.title, lang)} (${current.event.timeZone})`);
  if (!out.length) {
    // A shape this console does not know yet: still show it, as text.
    out.push(JSON.stringify(current).slice(0, 300));
  }
  return out.filter(Boolean).map(String);

  function sessionLine(app2, x) {
    const time = `${fmtTime(x.start, zone, lang)}–${fmtTime(x.end, zone, lang)}`;
    const room = find(state.rooms, x.room);
    const status = [x.status && x.status !== 'scheduled' && s.status[x.status], x.delayMinutes > 0 && s.delayed(x.delayMinutes)]
      .filter(Boolean).join(', ');
    return s.session(t(x.title, lang), time, room ? t(room.name, lang) : x.room, status);
  }
}
