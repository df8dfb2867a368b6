// Times on the page are the event's local time. A phone set to another zone is told so once, in the
// header; one in the same zone (or one with the same offset, Hong Kong for Shanghai) is not.

/** Minutes east of UTC that a zone shows at an instant. */
function offsetMinutes(zone, ms) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric',
    day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(new Date(ms));
  const get = type => Number(parts.find(p => p.type === type).value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'));
  return Math.round((asUtc - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

function zoneName(zone, ms, lang, style) {
  const parts = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { timeZone: zone, timeZoneName: style })
    .formatToParts(new Date(ms));
  const name = parts.find(p => p.type === 'timeZoneName');
  return name ? name.value : zone;
}

/** The header's note on times, or null when the phone already shows the event's local time. */
export function zoneNote(zone, eventMs, lang, words) {
  const device = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (device === zone || offsetMinutes(device, eventMs) === offsetMinutes(zone, eventMs)) return null;
  return words.zone(zoneName(zone, eventMs, lang, 'long'), zoneName(zone, eventMs, 'en', 'shortOffset'));
}
