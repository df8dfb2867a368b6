// Venue-local times for forms: the hub reads "2023-08-16T10:30" (no offset) in the event's zone,
// and a datetime-local input shows exactly that, whatever zone the laptop is set to.

function parts(ms, zone) {
  const out = {};
  new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(ms)).forEach(p => { out[p.type] = p.value; });
  if (out.hour === '24') out.hour = '00';
  return out;
}

/** "2023-08-16T10:30": an instant (ISO or ms) as the venue's wall clock shows it. */
export function venueLocal(instant, zone) {
  const p = parts(typeof instant === 'number' ? instant : Date.parse(instant), zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The venue's calendar day of an instant: "2023-08-16". */
export function venueDay(instant, zone) {
  return venueLocal(instant, zone).slice(0, 10);
}

/** The venue-local hour an instant falls in: "09". */
export function venueHour(instant, zone) {
  return venueLocal(instant, zone).slice(11, 13);
}

/** HH:MM:SS on the venue's clock. */
export function venueClock(ms, zone) {
  const p = parts(ms, zone);
  return `${p.hour}:${p.minute}:${p.second}`;
}

