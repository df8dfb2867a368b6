/**
 * Schedules in and out: importing a frab/C3VOC, pretalx or Podium file (POST /api/events/import,
 * and the import command: ScheduleImport), and the live exports (schedule.json, schedule.xml,
 * iCalendar), built once per version (ExportCache) from the public agenda.
 *
 * <p>A feature: may import {@code podium.web}, {@code podium.interop}, {@code podium.live},
 * {@code podium.store} and {@code podium.event}, and no other feature. Invariants: an export holds
 * only the public agenda; an import under way refuses to replace an event that has started unless
 * forced; ids survive a replace by guid.
 */
package podium.schedules;
