/**
 * Venue screens and delivery: a screen asks to be paired (a code on its page), learns its
 * assignment, and staff see the fleet with its presence; the delivery report of which screens and
 * phones have applied each change, written to PostgreSQL by every node once a second.
 *
 * <p>A feature: may import {@code podium.web}, {@code podium.live}, {@code podium.store} and
 * {@code podium.event}, and no other feature. Invariants: pairing is limited per address and by
 * how many screens may wait; a screen's token is stored as a hash only.
 */
package podium.screens;
