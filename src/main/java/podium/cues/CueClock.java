package podium.cues;

import podium.live.EventStates;
import podium.live.EventState;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import podium.event.Agenda;
import podium.event.Catalogue;
import podium.event.CommandRejected;
import podium.event.Cue;
import podium.event.Role;
import podium.store.CommandStore;
import podium.store.Leader;
import podium.store.Hashes;

/**
 * Fires scheduled cues when they fall due on their event's clock, from the node that leads (see
 * Leader), through the ordinary write path: as the actor "cue-clock", with a retry key per cue
 * and epoch, so that a retry or a second node never fires one twice.
 */
public final class CueClock extends VerticleBase {

  static final long TICK_MS = 250;
  /**
   * A cue overdue by more than this on its event's clock is left to staff: the clock jumped past
   * it (a rehearsal), or the event was imported with its day gone by. A node that dies is replaced
   * within seconds, well inside it, so nothing is lost that way. GO passes over the same cues.
   */
  public static final java.time.Duration GRACE = Cue.GRACE;
  /** A cue that broke a rule when due is tried again after this long (what it needs may change). */
  static final long REFUSED_RETRY_MS = 30_000;
  private static final Logger LOG = LoggerFactory.getLogger(CueClock.class);

  private final EventStates states;
  private final CommandStore commands;
  private final Leader leader;
  /** The events with a cue on its way to being fired: the next waits for it. */
  private final Set<String> inFlight = new HashSet<>();
  private final Map<String, Long> refusedAt = new HashMap<>();
  private long timer;

  public CueClock(EventStates states, CommandStore commands, Leader leader) {
    this.states = states;
    this.commands = commands;
    this.leader = leader;
  }

  @Override
  public Future<?> start() {
    timer = leader.every(TICK_MS, () -> fireDue(Instant.now()));
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return leader.close();
  }

  /**
   * One cue per event at a time, the one due first: cues that fell due together (or while no node
   * led) fire one after the other, in the order they were due.
   */
  private void fireDue(Instant real) {
    for (EventState state : states.all()) {
      EventState.View view = state.view();
      Agenda agenda = view.agenda();
      Instant now = agenda.event().clock().at(real);
      long nowMs = System.currentTimeMillis();
      agenda.cues().stream()
          .filter(c -> c.dueAt(agenda) != null && !now.isBefore(c.dueAt(agenda))
              && !now.isAfter(c.dueAt(agenda).plus(GRACE)))
          .filter(c -> {
            Long refused = refusedAt.get(key(state.slug(), view.epoch(), c));
            return refused == null || nowMs - refused >= REFUSED_RETRY_MS;
          })
          .min(java.util.Comparator.comparing((Cue c) -> c.dueAt(agenda)).thenComparingInt(Cue::position))
          .ifPresent(cue -> fire(state.slug(), view.epoch(), cue));
    }
  }

  private static String key(String slug, String epoch, Cue cue) {
    return "cue:" + slug + ":" + epoch + ":" + cue.id();
  }

  private void fire(String slug, String epoch, Cue cue) {
    String key = key(slug, epoch, cue);
    if (!inFlight.add(slug)) {
      return;
    }
    JsonObject body = new JsonObject().put("type", "cue.fire").put("cue", cue.id());
    commands.execute(new CommandStore.Request(slug, Catalogue.parse(body), Hashes.sha256(slug + "\n" + body.encode()),
            "cue-clock", Role.ADMIN, key, null, false))
        .onComplete(done -> {
          inFlight.remove(slug);
          if (done.succeeded()) {
            LOG.info("cue '{}' of {} fired on the clock (version {})", cue.id(), slug, done.result().version());
          } else if (done.cause() instanceof CommandRejected r) {
            refusedAt.put(key, System.currentTimeMillis());
            LOG.warn("cue '{}' of {} is due but could not fire: {}", cue.id(), slug, r.getMessage());
          }
        });
  }
}
