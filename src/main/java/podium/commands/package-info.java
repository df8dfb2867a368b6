/**
 * Staff commands over HTTP: POST /api/events/{slug}/commands (Idempotency-Key, expected version,
 * dry run), the catalogue the console reads its roles and limits from, the change log (the audit
 * log), and the meters of commands answered.
 *
 * <p>A feature: may import {@code podium.web}, {@code podium.live}, {@code podium.store} and
 * {@code podium.event}, and no other feature. Invariants: a body is parsed and checked whole before
 * the store takes a connection or a lock; a retried key never applies twice; an embargoed change
 * shows its data only to the roles that may see it.
 */
package podium.commands;
