// The agenda page's own words, in both languages.
export const LABELS = {
  en: {
    toggle: '中文', toggleLang: 'zh', now: 'Now', next: 'Up next', byTime: 'By time', byRoom: 'By room',
    starred: 'Starred', live: 'Live now', ended: 'Ended', cancelled: 'Cancelled', online: 'Live updates on',
    connecting: 'Connecting…', nothingNow: 'Nothing on right now', nothingNext: 'No more sessions', over: 'The agenda of this event is over.',
    noStars: 'Tap ☆ on a session to keep it here.', star: 'Star this session', unstar: 'Remove the star',
    delayed: m => `Delayed ${m} min`, earlier: m => `Earlier by ${m} min`, moved: room => `Moved from ${room}`,
    offline: time => `Offline since ${time}`, notice: 'Notice', loading: 'Loading the agenda…',
  },
  zh: {
    toggle: 'EN', toggleLang: 'en', now: '正在进行', next: '即将开始', byTime: '按时间', byRoom: '按会场',
    starred: '我的收藏', live: '进行中', ended: '已结束', cancelled: '已取消', online: '实时更新中',
    connecting: '正在连接…', nothingNow: '当前没有进行中的日程', nothingNext: '没有后续日程', over: '本次活动日程已全部结束。',
    noStars: '点击日程旁的 ☆ 即可收藏到这里。', star: '收藏此日程', unstar: '取消收藏',
    delayed: m => `推迟 ${m} 分钟`, earlier: m => `提前 ${m} 分钟`, moved: room => `由${room}改至此处`,
    offline: time => `${time} 起离线`, notice: '通知', loading: '正在加载日程…',
  },
};
