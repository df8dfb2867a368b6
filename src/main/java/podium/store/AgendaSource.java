package podium.store;

import podium.event.Agenda;

/**
 * An agenda already in memory at an exact version. Every change to an event's state bumps its
 * gapless version, so an agenda at the locked row's version and epoch is the database's state,
 * and a command need not read it again. Answers null when it has no such agenda.
 */
@FunctionalInterface
public interface AgendaSource {

  AgendaSource NONE = (eventId, version, epoch) -> null;

  Agenda at(long eventId, long version, String epoch);
}
