/**
 * Schedules out: the live exports (schedule.json, schedule.xml, iCalendar), built once per version
 * (ExportCache) from the public agenda, with each session's revisions (RevisionBook).
 *
 * <p>A feature: may import {@code podium.web}, {@code podium.interop}, {@code podium.live},
 * {@code podium.store} and {@code podium.event}, and no other feature. Invariant: an export holds
 * only the public agenda.
 */
package podium.schedules;
