// The hub's catalogue of commands (GET /api/catalogue, docs/API.md): which role each needs and the
// ranges of its whole-number fields. The console only hides, disables or checks ahead what the hub
// would refuse anyway (403 forbidden, 400 invalid_field); it never guesses the rules itself.

/** answer: the body of GET /api/catalogue. */
export function readCatalogue(answer) {
  const byType = new Map((answer.commands || []).map(c => [c.type, c]));
  return {
    roles: answer.roles || [],
    /** The role a command needs; null: any staff role (its rule decides); undefined: no such command. */
    roleFor: type => (byType.has(type) ? byType.get(type).role : undefined),
    /** {min, max} of a whole-number field, or null when the catalogue declares none. */
    range: (type, field) => {
      const c = byType.get(type);
      return (c && c.ranges && c.ranges[field]) || null;
    },
  };
}

/**
 * me: GET /api/me. An admin may send every command (the hub's Role.may); a command whose role is
 * null goes to any staff role and its rule decides (an undo, a cue); the others need their role.
 */
export function may(catalogue, me, type) {
  if (!me || !catalogue) return false;
  const role = catalogue.roleFor(type);
  if (role === undefined) return false;
  return role === null || me.role === 'admin' || me.role === role;
}

/** Whether a number is whole and inside a range the catalogue declares. */
export function within(range, n) {
  return Number.isInteger(n) && n >= range.min && n <= range.max;
}
