// Where each cue stands, from the live state and the event clock alone (as the hub's cue clock
// decides it, docs/API.md cue.fire): fired, waiting for a time or for another cue, due now, or
// missed (more than 5 minutes overdue: the clock leaves it to staff), and which cue is next.

/** The hub's cue clock fires nothing more than this overdue (CueClock.GRACE). */
export const GRACE_MS = 5 * 60_000;

/** The cue list in its order: by position, then id (PROTOCOL.md). */
export function cueList(state) {
  return [...((state && state.cues) || [])].sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || String(a.id).localeCompare(String(b.id)));
}

export function findCue(state, id) {
  return ((state && state.cues) || []).find(c => c.id === id) || null;
}

/** When it falls due on the event clock (ms), or null: by hand, or waiting for a cue that has not fired. */
export function dueMs(state, cue) {
  if (cue.firedAt) return null;
  if (cue.at) return Date.parse(cue.at);
  if (cue.after) {
    const before = findCue(state, cue.after);
    if (!before || !before.firedAt) return null;
    return Date.parse(before.firedAt) + (cue.afterMinutes || 0) * 60_000;
  }
  return null;
}

/**
 * {kind: 'fired'|'missed'|'due'|'scheduled'|'waits'|'hand', due (ms or null), minutes (to due,
 * or overdue for 'due' and 'missed')}
 */
export function cueStatus(state, cue, nowMs) {
  if (cue.firedAt) return { kind: 'fired', due: null, minutes: 0 };
  const due = dueMs(state, cue);
  if (due === null) return { kind: cue.after ? 'waits' : 'hand', due: null, minutes: 0 };
  if (nowMs > due + GRACE_MS) return { kind: 'missed', due, minutes: Math.floor((nowMs - due) / 60_000) };
  if (nowMs >= due) return { kind: 'due', due, minutes: Math.floor((nowMs - due) / 60_000) };
  return { kind: 'scheduled', due, minutes: Math.floor((due - nowMs) / 60_000) };
}

/**
 * The next cue to fire by the one key: the first in list order that has not fired and is not
 * missed (a missed cue is fired by hand, on purpose, from its own row).
 */
export function nextCue(state, nowMs) {
  return cueList(state).find(c => !c.firedAt && cueStatus(state, c, nowMs).kind !== 'missed') || null;
}

/** What the view shows that the clock alone can change: when it changes, the view is drawn again. */
export function clockSignature(state, nowMs) {
  const next = nextCue(state, nowMs);
  return cueList(state).filter(c => !c.firedAt).map(c => {
    const s = cueStatus(state, c, nowMs);
    return `${c.id}:${s.kind}:${s.minutes}`;
  }).join('|') + `>${next ? next.id : ''}`;
}
