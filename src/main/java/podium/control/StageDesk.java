package podium.control;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import java.time.Instant;
import java.util.function.Function;
import podium.event.Agenda;
import podium.event.Catalogue;
import podium.event.CommandRejected;
import podium.event.ErrorCode;
import podium.event.Press;
import podium.event.Role;
import podium.store.CommandStore;
import podium.store.Hashes;
import podium.store.Presses;

/**
 * Where every press of a stage manager's button arrives, from Companion over HTTP or a desk over
 * OSC. A press is resolved against the event's state in memory (Press.command), then goes through
 * the ordinary write path as its presser: the catalogue's role and rule, one transaction, the
 * change log with the presser as actor.
 *
 * <p>A repeated press (the same action on the same target by the same actor) within a second of
 * the one that opened the window applies once, on whichever node it lands: the window is a row in
 * PostgreSQL (Presses), and every press in it runs the first press's command under one retry key,
 * so the command store applies it once and answers every press as it answered the first.
 */
public final class StageDesk {

  /** Who pressed: the actor the change log records, the role the command is checked against, and from where. */
  public record Presser(String actor, Role role, Source source) { }

  /** Where a press came from: the meters tell them apart. */
  public enum Source { HTTP, OSC }

  /**
   * The answer: the command store's ({version, kind}) with the command that ran; repeat when the
   * press fell in a window another press opened (the answer is that press's); replayed when the
   * store gave an answer it had given already.
   */
  public record Pressed(JsonObject answer, boolean repeat, boolean replayed) { }

  private final Pool pool;
  private final CommandStore commands;
  private final Function<String, Agenda> agendas;
  private final DeskMetrics metrics;

  /** agendas: an event's agenda in memory by slug, or null for no such event. */
  public StageDesk(Pool pool, CommandStore commands, Function<String, Agenda> agendas, MeterRegistry registry) {
    this.pool = pool;
    this.commands = commands;
    this.agendas = agendas;
    this.metrics = new DeskMetrics(registry);
  }

  /** Applies the press once per window, or fails with its refusal (a CommandRejected) or the database's failure. */
  public Future<Pressed> press(String slug, Press press, Presser who) {
    Future<Pressed> pressed;
    try {
      pressed = decide(slug, press, who);
    } catch (CommandRejected refused) {
      pressed = Future.failedFuture(refused);
    }
    return pressed.andThen(done -> metrics.pressed(who.source(), press.action(), done));
  }

  private Future<Pressed> decide(String slug, Press press, Presser who) {
    Agenda agenda = agendas.apply(slug);
    if (agenda == null) {
      throw new CommandRejected(ErrorCode.UNKNOWN_EVENT, "no event '" + slug + "'");
    }
    Role needed = press.action().role();
    if (who.role() == null || needed != null && !who.role().may(needed)) {
      throw new CommandRejected(ErrorCode.FORBIDDEN, "'" + press.action().wire() + "' sends " + press.action().type()
          + ", which needs the " + (needed == null ? "a staff" : needed.wire()) + " role");
    }
    // The window's key: the action with its argument (a long message hashed), on its target.
    String action = press.action().wire() + ":" + Hashes.sha256(press.repeatKey()).substring(0, 16);
    String target = slug + (press.room() == null ? "" : "/" + press.room());
    JsonObject command;
    try {
      command = press.command(agenda, agenda.event().clock().at(Instant.now()));
    } catch (CommandRejected nothingToDo) {
      // The repeat of a press that already acted (END once the session has ended) answers as that press did.
      return Presses.open(pool, who.actor(), action, target).compose(window -> window == null
          ? Future.failedFuture(nothingToDo) : run(slug, who, window, action, target));
    }
    return Presses.claim(pool, who.actor(), action, target, command)
        .compose(window -> run(slug, who, window, action, target));
  }

  /** The window's command under the window's retry key: applied by the first press to reach the event's lock. */
  private Future<Pressed> run(String slug, Presser who, Presses.Window window, String action, String target) {
    JsonObject command = window.command();
    Catalogue.Parsed<?> parsed = Catalogue.parse(command);
    String key = "press:" + Hashes.sha256(action + "\n" + target).substring(0, 32) + ":" + window.openedMicros();
    return commands.execute(new CommandStore.Request(slug, parsed, Hashes.sha256(slug + "\n" + command.encode()),
            who.actor(), who.role(), key, null, false))
        .map(outcome -> new Pressed(outcome.answer().copy().put("command", command), !window.opened(),
            outcome.replayed()));
  }
}
