package podium.stage;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import podium.event.Agenda;
import podium.event.Catalogue;
import podium.event.CommandRejected;
import podium.event.Role;
import podium.event.Room;
import podium.event.RunningLate;
import podium.event.Session;
import podium.live.EventState;
import podium.live.EventStates;
import podium.store.CommandStore;
import podium.store.Hashes;
import podium.store.Leader;

/**
 * Running late, published: once a second the node that leads works out each room's projection
 * on its event's clock (RunningLate) and, for a room whose projection moved by a whole minute
 * since it was last published, sends stage.project through the ordinary write path as the actor
 * "stage-clock". The projection is rounded to minutes, so a room changes at most once per minute
 * of drift; the rule itself refuses when nothing moved, so two nodes, or a retry, cannot publish
 * one twice.
 */
public final class LateClock extends VerticleBase {

  static final long TICK_MS = 1_000;
  private static final Logger LOG = LoggerFactory.getLogger(LateClock.class);

  private final EventStates states;
  private final CommandStore commands;
  private final Leader leader;
  /** Events with a projection on its way: the next waits for it. */
  private final Set<String> inFlight = new HashSet<>();
  private long timer;

  public LateClock(EventStates states, CommandStore commands, Leader leader) {
    this.states = states;
    this.commands = commands;
    this.leader = leader;
  }

  @Override
  public Future<?> start() {
    timer = leader.every(TICK_MS, () -> publish(Instant.now()));
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return leader.close();
  }

  /** One room per event at a time: the first whose projection moved. */
  private void publish(Instant real) {
    for (EventState state : states.all()) {
      EventState.View view = state.view();
      Agenda agenda = view.agenda();
      RunningLate late = RunningLate.at(agenda, agenda.event().clock().at(real));
      agenda.rooms().stream().filter(room -> moved(agenda, room, late)).findFirst()
          .ifPresent(room -> project(state.slug(), view, room.id()));
    }
  }

  /** What stage.project would publish differs from what the room shows (dismissed sessions left out). */
  private static boolean moved(Agenda agenda, Room room, RunningLate late) {
    List<String> waiting = room.stage().dismissed().stream()
        .filter(id -> agenda.session(id).map(s -> s.status() == Session.Status.SCHEDULED).orElse(false)).toList();
    List<RunningLate.Expected> shown = late.room(room.id()).stream()
        .filter(e -> !waiting.contains(e.session())).toList();
    return !shown.equals(room.stage().expected()) || !waiting.equals(room.stage().dismissed());
  }

  private void project(String slug, EventState.View view, String room) {
    if (!inFlight.add(slug)) {
      return;
    }
    JsonObject body = new JsonObject().put("type", "stage.project").put("room", room);
    // One key per version and room: a retry replays, and a later move (at a later version) is new.
    String key = "late:" + slug + ":" + view.epoch() + ":" + view.version() + ":" + room;
    commands.execute(new CommandStore.Request(slug, Catalogue.parse(body), Hashes.sha256(slug + "\n" + body.encode()),
            "stage-clock", Role.ADMIN, key, null, false))
        .onComplete(done -> {
          inFlight.remove(slug);
          if (done.failed() && !(done.cause() instanceof CommandRejected)) {
            LOG.warn("running late: could not publish '{}' of {}: {}", room, slug, done.cause().toString());
          }
        });
  }
}
