/**
 * Other tools' schedule formats: frab/C3VOC {@code schedule.json} and {@code schedule.xml} (as
 * frab and pretalx write them) and the Podium agenda document are read into an Agenda; the live
 * agenda is written back out as schedule.json, schedule.xml and iCalendar. docs/FORMATS.md maps
 * every field.
 *
 * <p>May import only {@code podium.event} and the format libraries (biweekly, the JDK's XML):
 * no store, no live state, no HTTP. Invariants: everything here is a pure function of its
 * arguments (times and versions come in); a file is read whole or refused whole, with every
 * problem named; writers are handed {@link podium.interop.PublicAgenda} only, so nothing
 * embargoed can reach an export.
 */
package podium.interop;
