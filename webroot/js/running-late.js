// Running late (docs/PROTOCOL.md, "The state"): when the hub now expects a room's sessions, read
// from the room's stage.expected. It is a projection, never the plan: pages show it beside a
// session's own times and take it for "starts soon", and it is gone once the room runs to time.

/** The hub's {session, start, end, lateMinutes} for a session, or null when it runs to its own times. */
export function expectedOf(state, s) {
  if (!state || !s) return null;
  const room = (state.rooms || []).find(r => r.id === s.room);
  const list = room && room.stage && room.stage.expected;
  return (list || []).find(e => e.session === s.id) || null;
}

/**
 * What a page says of it: {start: expected start (ISO), minutes: whole minutes late} for a scheduled
 * session expected to start later, {end: expected end (ISO)} for a live one expected to run over
 * its end, or null.
 */
export function lateness(state, s) {
  const e = expectedOf(state, s);
  if (!e) return null;
  if (s.status === 'scheduled' && e.lateMinutes > 0) return { start: e.start, minutes: e.lateMinutes };
  if (s.status === 'live' && Date.parse(e.end) > Date.parse(s.end)) return { end: e.end };
  return null;
}

/** When a session can be expected to start, in ms: its projected start, else its own. */
export function expectedStart(state, s) {
  const e = s.status === 'scheduled' ? expectedOf(state, s) : null;
  return Date.parse(e ? e.start : s.start);
}
