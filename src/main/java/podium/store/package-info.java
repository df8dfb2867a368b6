/**
 * PostgreSQL: the pool, migrations, the command → one transaction → {@code changes} row path,
 * retry keys, tokens and screens, agenda imports, webhook endpoints with their delivery log, and the
 * stage buttons' one-second press windows (control_presses).
 * SQL for each table lives in one class.
 *
 * <p>May import {@code podium.event} and the Vert.x SQL client. Invariants: a command is one
 * transaction that locks its event and adds exactly 1 to its version (gapless; an import that
 * replaces an agenda takes one version too, with a new epoch, logged in event_imports rather than
 * in changes); nothing reaches a
 * client before COMMIT; only hashes of secrets are stored, but for webhook signing secrets, which
 * signing needs as given (no answer ever contains one); webhooks add no write to a command: the
 * changes table is their outbox.
 */
package podium.store;
