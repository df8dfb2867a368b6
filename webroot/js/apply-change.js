// Applying a change's data to the state (docs/PROTOCOL.md, "Applying a change"): every entity the
// change touched comes whole in its data, so any change, of a kind known or not, applies the same way.

/**
 * Applies a change's data by the "replace by id" rules, exactly as the hub's Agenda.apply does
 * (ApplyParityBrowserTest holds the two together); returns a new state object.
 */
export function applyChange(state, data) {
  const s = { ...state };
  if (data.sessions) s.sessions = replaceById(s.sessions, data.sessions, x => x.id).sort(bySessionStart);
  if (data.rooms) s.rooms = replaceById(s.rooms, data.rooms, x => x.id).sort((a, b) => a.position - b.position);
  if (data.speakers) s.speakers = replaceById(s.speakers, data.speakers, x => x.id);
  if (data.announcements) s.announcements = replaceById(s.announcements, data.announcements, x => x.id);
  if (data.clearedAnnouncements) {
    const gone = new Set(data.clearedAnnouncements);
    s.announcements = (s.announcements || []).filter(a => !gone.has(a.id));
  }
  if (s.announcements !== state.announcements) s.announcements.sort((a, b) => instant(a.postedAt) - instant(b.postedAt));
  if ('notice' in data) s.notice = data.notice;
  if (data.event) s.event = data.event;
  if (data.awards) s.awards = replaceById(s.awards, data.awards, x => x.id);
  if (data.results) {
    // A result is one nominee's place: two nominees at one rank are a tie.
    s.awards = (s.awards || []).map(award => {
      const mine = data.results.filter(r => r.award === award.id);
      return mine.length ? {
        ...award,
        results: replaceById(award.results, mine, r => `${r.award}#${r.rank}#${r.nominee}`)
          .sort((a, b) => a.rank - b.rank || (a.nominee < b.nominee ? -1 : a.nominee > b.nominee ? 1 : 0)),
      } : award;
    });
  }
  // Screens and cues are in the staff state only: a public state never gets their changes in full.
  if (data.screens && s.screens) s.screens = replaceById(s.screens, data.screens, x => x.screen);
  if (data.cues && s.cues) {
    s.cues = replaceById(s.cues, data.cues, x => x.id)
      .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  if (data.removedCues && s.cues) {
    const gone = new Set(data.removedCues);
    s.cues = s.cues.filter(c => !gone.has(c.id));
  }
  return s;
}

const instant = iso => Date.parse(iso);

// By time, not by text: "…:00.250Z" sorts before "…:00Z" as a string.
function bySessionStart(a, b) {
  return instant(a.start) - instant(b.start) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function replaceById(list, updates, key) {
  const out = [...(list || [])];
  for (const u of updates) {
    const i = out.findIndex(x => key(x) === key(u));
    if (i >= 0) out[i] = u;
    else out.push(u);
  }
  return out;
}
