/**
 * PostgreSQL: the pool, migrations, the command → one transaction → {@code changes} row path,
 * retry keys, tokens and screens. SQL for each table lives in one class.
 *
 * <p>May import {@code podium.event} and the Vert.x SQL client. Invariants: a command is one
 * transaction that locks its event and adds exactly 1 to its version (gapless); nothing reaches a
 * client before COMMIT; only hashes of secrets are stored.
 */
package podium.store;
