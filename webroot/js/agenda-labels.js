// The attendee page's own words, in both languages. Content (titles, names, rooms) comes from the
// event's state; these are the page's labels around it.
const TYPES_EN = {
  ceremony: 'Ceremony', speech: 'Speech', keynote: 'Keynote', report: 'Report', award: 'Awards',
  forum: 'Forum', expo: 'Expo', meeting: 'Meeting', break: 'Break',
};
const TYPES_ZH = {
  ceremony: '仪式', speech: '致辞', keynote: '主旨演讲', report: '报告发布', award: '颁奖',
  forum: '论坛', expo: '展览', meeting: '对接会', break: '茶歇',
};

function enDuration(ms) {
  const min = Math.ceil(ms / 60_000);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  const m = min % 60;
  return m ? `${h} h ${m} min` : `${h} h`;
}

function zhDuration(ms) {
  const min = Math.ceil(ms / 60_000);
  if (min < 60) return `${min} 分钟`;
  const h = Math.floor(min / 60);
  const m = min % 60;
  return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
}

export const LABELS = {
  en: {
    toggle: '中文', toggleLang: 'zh', skip: 'Skip to the content', tabs: 'Views',
    home: 'Home', agenda: 'Agenda', changes: 'What changed', changesTab: 'Changes', starred: 'Starred',
    unseen: n => (n === 1 ? '1 new change' : `${n} new changes`),
    now: 'Now', next: 'Up next', onStage: 'On stage', nextSpeaker: 'Next speaker',
    nothingNow: 'Nothing on right now', nothingNext: 'No more sessions', over: 'The agenda of this event is over.',
    byTime: 'By time', byRoom: 'By room', day: 'Day', agendaOptions: 'Show the agenda',
    live: 'Live now', ended: 'Ended', cancelled: 'Cancelled',
    delayed: m => `Delayed ${m} min`, earlier: m => `Earlier by ${m} min`, moved: room => `Moved from ${room}`,
    wasAt: time => `was ${time}`, changedMark: 'changed', reason: text => `Reason: ${text}`,
    expected: (time, m) => `Expected ${time} (about ${m} min late)`, expectedEnd: time => `Expected to end ${time} (running over)`,
    expectedShort: time => `expected ${time}`, expectedAt: time => `Expected ${time}`, aboutLate: m => `(about ${m} min late)`, gap: ' ',
    details: 'Details', speakers: 'Speakers', type: 'Type', room: 'Room', time: 'Time',
    types: TYPES_EN, typeName: type => TYPES_EN[type] || type,
    star: title => `Star: ${title}`,
    online: 'Live', connecting: 'Connecting…', offline: 'Offline',
    updated: time => `last updated ${time}`,
    zone: (name, offset) => `Times are the event's local time: ${name} (${offset})`,
    announcements: 'Announcements', awards: 'Award results',
    place: n => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd'
      : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'} place`,
    notice: 'Emergency notice', hideNotice: 'Hide', showNotice: '⚠ Emergency notice',
    nextStarred: 'Your next starred session', liveStarred: 'Your starred session is live',
    startsIn: ms => `starts in ${enDuration(ms)}`, startingNow: 'starting now',
    noStarsHome: 'Star sessions in the agenda (☆) to count down to them here.',
    noStars: 'No starred sessions yet. Tap ☆ next to a session in the agenda to keep it here.',
    calendar: 'Add my sessions to my calendar',
    calendarHelp: 'Your calendar subscribes to your starred sessions and follows their changes.',
    download: 'Download them as a calendar file (.ics)',
    changesEmpty: 'Nothing has changed yet. Changes to the agenda appear here the moment they are made.',
    newMark: 'New', since: time => `Since you were last here (${time})`, sinceNow: 'Since you were last here',
    more: n => `and ${n} more in What changed`, dismiss: 'Dismiss',
    summaryAnnounced: n => (n === 1 ? '1 change since you were last here' : `${n} changes since you were last here`),
    alertHeading: 'Your starred sessions', alertShow: 'Show', alertClose: 'OK',
    soon: (title, ms, room) => `${title} starts in ${enDuration(ms)}, ${room}`,
    soonLate: (title, ms, room, m) => `${title} is expected to start in ${enDuration(ms)} (about ${m} min late), ${room}`,
    loading: 'Loading the agenda…', rehearsal: 'Rehearsal',
    pushHeading: 'Notifications',
    pushOffer: 'Get a notification if this session moves, even with this page closed?',
    pushYes: 'Yes', pushNotNow: 'Not now', pushOk: 'OK', pushBusy: 'Turning on notifications…',
    pushOn: 'Notifications are on', pushOff: 'Notifications are off',
    pushOnCard: 'Notifications are on for your starred sessions. You can turn them off in Starred.',
    pushBlocked: 'Your browser blocks notifications from this page. You can allow them in its settings.',
    pushFailed: 'Notifications could not be turned on just now. You can try again in Starred.',
    pushOnSetting: 'Your phone tells you when a starred session moves, is cancelled or is about to start, even with'
      + ' this page closed.',
    pushOffSetting: 'Get a notification when a starred session moves, even with this page closed.',
    pushFailedSetting: 'Notifications could not be turned on just now. Try again later.',
    pushTurnOn: 'Turn on notifications', pushTurnOff: 'Turn off notifications',
  },
  zh: {
    toggle: 'EN', toggleLang: 'en', skip: '跳到正文', tabs: '视图',
    home: '首页', agenda: '日程', changes: '变更动态', changesTab: '变更', starred: '我的收藏',
    unseen: n => `${n} 条新变更`,
    now: '正在进行', next: '即将开始', onStage: '正在发言', nextSpeaker: '下一位',
    nothingNow: '当前没有进行中的日程', nothingNext: '没有后续日程', over: '本次活动日程已全部结束。',
    byTime: '按时间', byRoom: '按会场', day: '日期', agendaOptions: '日程显示方式',
    live: '进行中', ended: '已结束', cancelled: '已取消',
    delayed: m => `推迟 ${m} 分钟`, earlier: m => `提前 ${m} 分钟`, moved: room => `由${room}改至此处`,
    wasAt: time => `原定 ${time}`, changedMark: '有变更', reason: text => `原因：${text}`,
    expected: (time, m) => `预计 ${time}（约晚 ${m} 分钟）`, expectedEnd: time => `预计 ${time} 结束（超时）`,
    expectedShort: time => `预计 ${time}`, expectedAt: time => `预计 ${time}`, aboutLate: m => `（约晚 ${m} 分钟）`, gap: '',
    details: '详情', speakers: '演讲嘉宾', type: '类型', room: '会场', time: '时间',
    types: TYPES_ZH, typeName: type => TYPES_ZH[type] || type,
    star: title => `收藏：${title}`,
    online: '实时更新中', connecting: '正在连接…', offline: '离线',
    updated: time => `最后更新 ${time}`,
    zone: (name, offset) => `时间均为活动当地时间：${name}（${offset}）`,
    announcements: '公告', awards: '获奖结果',
    place: n => `第${n}名`,
    notice: '紧急通知', hideNotice: '收起', showNotice: '⚠ 紧急通知',
    nextStarred: '您收藏的下一场日程', liveStarred: '您收藏的日程正在进行',
    startsIn: ms => `${zhDuration(ms)}后开始`, startingNow: '即将开始',
    noStarsHome: '在日程中点击 ☆ 收藏，这里会显示倒计时。',
    noStars: '还没有收藏的日程。在日程中点击日程旁的 ☆ 即可收藏到这里。',
    calendar: '把我的日程加入日历',
    calendarHelp: '您的日历将订阅您收藏的日程，并随变更自动更新。',
    download: '下载日历文件（.ics）',
    changesEmpty: '暂无变更。日程一有变更，会立即显示在这里。',
    newMark: '新', since: time => `自您上次查看（${time}）以来`, sinceNow: '自您上次查看以来',
    more: n => `另有 ${n} 条，见“变更”`, dismiss: '知道了',
    summaryAnnounced: n => `自您上次查看以来有 ${n} 条变更`,
    alertHeading: '您收藏的日程', alertShow: '查看', alertClose: '知道了',
    soon: (title, ms, room) => `${title}将在${zhDuration(ms)}后开始，${room}`,
    soonLate: (title, ms, room, m) => `${title}预计${zhDuration(ms)}后开始（约晚 ${m} 分钟），${room}`,
    loading: '正在加载日程…', rehearsal: '彩排',
    pushHeading: '通知',
    pushOffer: '这场日程如有变动，即使关闭本页，也通知您吗？',
    pushYes: '好的', pushNotNow: '暂不', pushOk: '知道了', pushBusy: '正在开启通知…',
    pushOn: '通知已开启', pushOff: '通知未开启',
    pushOnCard: '已为您收藏的日程开启通知。可在“我的收藏”中关闭。',
    pushBlocked: '您的浏览器已禁止本页发送通知，可在浏览器设置中允许。',
    pushFailed: '暂时无法开启通知，可稍后在“我的收藏”中重试。',
    pushOnSetting: '收藏的日程如有变动、取消或即将开始，即使关闭本页，手机也会通知您。',
    pushOffSetting: '开启后，收藏的日程如有变动，即使关闭本页，也会通知您。',
    pushFailedSetting: '暂时无法开启通知，请稍后重试。',
    pushTurnOn: '开启通知', pushTurnOff: '关闭通知',
  },
};
