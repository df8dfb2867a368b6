// Which role may send which command, as the hub's catalogue says (docs/API.md). The console only
// hides or disables what a role may not do; the hub refuses it anyway (403 forbidden).

const ROLE_OF = {
  'session.': 'editor', 'room.': 'editor', 'speaker.add': 'editor', 'speaker.update': 'editor',
  'speaker.on_stage': 'announcer', 'announcement.': 'announcer', 'notice.': 'announcer',
  'award.': 'awards', 'screen.': 'screens', 'clock.': 'admin', 'event.': 'admin',
};

export function roleFor(type) {
  const exact = ROLE_OF[type];
  if (exact) return exact;
  const prefix = Object.keys(ROLE_OF).filter(p => p.endsWith('.') && type.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  return prefix ? ROLE_OF[prefix] : 'admin';
}

/** me: GET /api/me. change.undo belongs to whoever made the change; the hub checks the rest. */
export function may(me, type) {
  if (!me) return false;
  if (me.role === 'admin' || type === 'change.undo') return true;
  return roleFor(type) === me.role;
}

export const ROLES = ['admin', 'editor', 'announcer', 'awards', 'screens'];
