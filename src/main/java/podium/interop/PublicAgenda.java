package podium.interop;

import podium.event.Agenda;
import podium.event.Award;
import java.util.List;

/**
 * The agenda as anyone may see it: revealed award results only, no screens. Every export is
 * written from this, so an embargoed result cannot reach one even by a writer's mistake.
 */
public final class PublicAgenda {

  private final Agenda agenda;

  private PublicAgenda(Agenda agenda) {
    this.agenda = agenda;
  }

  public static PublicAgenda of(Agenda agenda) {
    List<Award> awards = agenda.awards().stream().map(a -> new Award(a.id(), a.session(), a.name(), a.nominees(),
        a.results().stream().filter(Award.Result::revealed).toList())).toList();
    return new PublicAgenda(new Agenda(agenda.event(), agenda.rooms(), agenda.sessions(), agenda.speakers(),
        agenda.announcements(), agenda.notice(), awards, List.of()));
  }

  public Agenda agenda() {
    return agenda;
  }
}
