/**
 * The events and what anyone may read of them: the snapshot of GET /api/events/{slug} (from
 * memory, one shared buffer and one gzip copy per version, ETag = version), the staff's snapshot,
 * the list, making an event or a rehearsal copy of one, and the attendee page (index.html) served
 * with its event's public snapshot in it, so a phone draws the agenda before its socket is up.
 *
 * <p>A feature: may import {@code podium.web}, {@code podium.live}, {@code podium.store} and
 * {@code podium.event}, and no other feature. Invariants: a public read holds only what the public
 * audience may see (no embargoed result) and touches no database.
 */
package podium.events;
