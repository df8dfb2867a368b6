/**
 * The stage: a room's speaker timer state (the crew's message, flash and blackout, the timer
 * phases: commands stage.* of the catalogue), running late computed live from what has happened
 * and published as changes when a room's projection moves by a whole minute (LateClock, on the
 * node that leads), the control surface a stage manager's buttons drive (Bitfocus Companion over
 * HTTP, and the board it polls; a desk's OSC listener, from podium.control, is started here), and
 * the as-run report after the day.
 *
 * <p>A feature: may import {@code podium.web}, {@code podium.live}, {@code podium.store} and
 * {@code podium.event} (and {@code podium.control}, a layer below the features), and no other
 * feature. Invariants: every action goes through the catalogue, its role and the change log; a
 * button pressed again within a second applies once; a projection never writes over the plan
 * (sessions' times stay as staff set them); a room's projection changes at most once per minute of
 * drift.
 */
package podium.stage;
