// The agenda by day, then by time or by room; and the starred sessions with the calendar links.
import { el, fmtDate, fmtTime, t } from './text.js';
import { sessionItem } from './agenda-session.js';

const $ = id => document.getElementById(id);
const dayFormats = new Map();

/** The venue-local date (YYYY-MM-DD) of an instant. */
export function dayOf(iso, zone) {
  let f = dayFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(zone, f);
  }
  return f.format(new Date(iso));
}

/** The event's days, and the one to show: the chosen one, else today's, else the first. */
export function days(state, chosen, nowMs) {
  const all = state.event.days && state.event.days.length ? state.event.days
    : [...new Set((state.sessions || []).map(s => dayOf(s.start, state.event.timeZone)))].sort();
  const today = dayOf(nowMs, state.event.timeZone);
  const day = all.includes(chosen) ? chosen : all.includes(today) ? today : all[0];
  return { all, day };
}

export function renderAgenda(ctx, prefs, choose) {
  const { state, words, lang, zone } = ctx;
  const { all, day } = days(state, prefs.day, ctx.now);
  const dayLabel = d => fmtDate(`${d}T12:00:00Z`, zone, lang);
  const choice = (kind, value, label, pressed) => el('button', {
    type: 'button', class: ['choice', pressed && 'active'], 'aria-pressed': String(pressed), 'data-key': `${kind}:${value}`,
    [`data-${kind}`]: value, onclick: () => choose(kind, value),
  }, label);
  $('days').replaceChildren(...(all.length > 1
    ? [el('div', { class: 'choice-row', role: 'group', 'aria-label': words.day }, all.map(d => choice('day', d, dayLabel(d), d === day)))]
    : [el('p', { class: 'day-label' }, dayLabel(day))]));
  $('views').replaceChildren(el('div', { class: 'choice-row', role: 'group', 'aria-label': words.agendaOptions },
    choice('view', 'time', words.byTime, prefs.view !== 'room'), choice('view', 'room', words.byRoom, prefs.view === 'room')));
  const sessions = (state.sessions || []).filter(s => dayOf(s.start, zone) === day);
  const groups = prefs.view === 'room'
    ? (state.rooms || []).map(r => ({ heading: t(r.name, lang), list: sessions.filter(s => s.room === r.id) }))
    : byHour(sessions, zone);
  const item = { ...ctx, where: 'agenda', showRoom: prefs.view !== 'room' };
  $('agenda-list').replaceChildren(...groups.filter(g => g.list.length).map(g => el('section', { class: 'group' },
    el('h3', { class: 'group-heading' }, g.heading),
    el('ul', { class: 'sessions' }, g.list.map(s => sessionItem(s, item))))));
}

/** Sessions grouped by the venue-local hour they start in. */
function byHour(sessions, zone) {
  const groups = new Map();
  for (const s of sessions) {
    const hour = `${fmtTime(s.start, zone, 'en').slice(0, 2)}:00`;
    if (!groups.has(hour)) groups.set(hour, { heading: hour, list: [] });
    groups.get(hour).list.push(s);
  }
  return [...groups.values()];
}

export function renderStarred(ctx) {
  const { state, words, lang, zone } = ctx;
  const list = (state.sessions || []).filter(s => ctx.stars.has(s.id));
  $('calendar').replaceChildren(...(list.length ? calendarLinks(state.event.slug, list.map(s => s.id), lang, words) : []));
  if (!list.length) {
    $('starred-list').replaceChildren(el('p', { class: 'empty' }, words.noStars));
    return;
  }
  const item = { ...ctx, where: 'starred', showRoom: true };
  const byDay = new Map();
  for (const s of list) {
    const d = dayOf(s.start, zone);
    if (!byDay.has(d)) byDay.set(d, []);
    byDay.get(d).push(s);
  }
  $('starred-list').replaceChildren(...[...byDay].map(([d, sessions]) => el('section', { class: 'group' },
    byDay.size > 1 && el('h3', { class: 'group-heading' }, fmtDate(`${d}T12:00:00Z`, zone, lang)),
    el('ul', { class: 'sessions' }, sessions.map(s => sessionItem(s, item))))));
}

/**
 * The starred sessions' iCalendar feed (the import/export work serves it): webcal:// makes the
 * phone's calendar subscribe, so it follows later changes; the same path over http(s) downloads it.
 */
export function calendarLinks(slug, ids, lang, words) {
  // The feed takes at most 100 ids, and titles in the page's language.
  const path = `/api/events/${encodeURIComponent(slug)}/schedule.ics?sessions=${ids.slice(0, 100).map(encodeURIComponent).join(',')}`
    + (lang === 'zh' ? '&lang=zh' : '');
  return [
    el('a', { class: ['button-link', 'calendar-subscribe'], href: `webcal://${location.host}${path}` }, words.calendar),
    el('p', { class: 'calendar-help' }, words.calendarHelp),
    el('a', { class: 'calendar-download', href: `${location.origin}${path}`, download: 'podium-starred.ics' }, words.download),
  ];
}
