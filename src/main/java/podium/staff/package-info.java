/**
 * Staff access: logging in and out (a session cookie with its CSRF header), the one-time setup of
 * the first admin, password changes, accounts and API tokens, and forgetting ended logins and old
 * failed attempts.
 *
 * <p>A feature: may import {@code podium.web}, {@code podium.live}, {@code podium.store} and
 * {@code podium.event}, and no other feature. Invariants: only hashes of secrets are stored;
 * logins are limited per account and per address; a withdrawn login or token ends on every node
 * at once (Credentials, over LISTEN).
 */
package podium.staff;
