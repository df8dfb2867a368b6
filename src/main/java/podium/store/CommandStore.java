package podium.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import podium.event.Agenda;
import podium.event.Before;
import podium.event.Catalogue;
import podium.event.Change;
import podium.event.ChangeCodec;
import podium.event.Command;
import podium.event.CommandRejected;
import podium.event.ErrorCode;
import podium.event.Facts;
import podium.event.Role;

/**
 * The write path: one staff command is one transaction that locks the event, checks the command
 * against the current agenda, writes the state tables, appends the change and notifies every node.
 * The command arrives parsed: nothing here can refuse a body, only what the current state forbids.
 */
public final class CommandStore {

  /**
   * A parsed command as it arrived: its event, a hash of the request, who sent it (and their
   * role), its retry key, the version the sender saw (or null) and whether it is only a dry run.
   */
  public record Request(String slug, Catalogue.Parsed<?> command, String requestHash, String actor, Role role,
      String idempotencyKey, Long expectedVersion, boolean dryRun) { }

  /** The answer; replayed when an earlier request with the same key already gave it. */
  public record Outcome(JsonObject answer, boolean replayed) {
    public long version() {
      return answer.getLong("version");
    }
  }

  /**
   * Writes that must commit with a command's changes or not at all (what a followed schedule
   * last set); given the agenda the changes were decided on.
   */
  @FunctionalInterface
  public interface Alongside {
    Alongside NOTHING = (tx, eventId, before, changes) -> Future.succeededFuture();

    Future<?> write(SqlConnection tx, long eventId, Agenda before, List<Change> changes);
  }

  private final Pool pool;
  private final Clock clock;
  private final AgendaSource memory;

  public CommandStore(Pool pool, Clock clock) {
    this(pool, clock, AgendaSource.NONE);
  }

  /** memory: this node's read model, used when it is at exactly the locked version. */
  public CommandStore(Pool pool, Clock clock, AgendaSource memory) {
    this.pool = pool;
    this.clock = clock;
    this.memory = memory;
  }

  /**
   * Two round trips for an accepted command: BEGIN, the event's lock and the retry-key lookup go
   * out together, then the writes and COMMIT together. PostgreSQL runs them in order; if any write
   * fails, the transaction is aborted and its COMMIT only rolls back, so nothing is half-applied.
   * Each round trip waits on a busy machine for two threads to be scheduled, so fewer is faster.
   */
  public Future<Outcome> execute(Request request) {
    return execute(request, Alongside.NOTHING);
  }

  /** As execute, with more writes in the same transaction. */
  public Future<Outcome> execute(Request request, Alongside alongside) {
    return pool.withConnection(conn -> {
      Future<?> begun = conn.query("begin").execute();
      Future<EventTable.EventRow> locked = EventTable.lock(conn, request.slug());
      Future<CommandKeys.Remembered> seen = request.idempotencyKey() == null || request.dryRun()
          ? Future.succeededFuture() : CommandKeys.find(conn, request.actor(), request.idempotencyKey());
      return Future.all(begun, locked, seen)
          .compose(v -> decide(conn, locked.result(), seen.result(), request, alongside))
          .recover(e -> conn.query("rollback").execute().transform(done -> Future.<Outcome>failedFuture(e)));
    });
  }

  private Future<Outcome> decide(SqlConnection tx, EventTable.EventRow row, CommandKeys.Remembered seen,
      Request request, Alongside alongside) {
    if (row == null) {
      return Future.failedFuture(CommandRejected.unknown(ErrorCode.UNKNOWN_EVENT, request.slug()));
    }
    if (seen != null) {
      if (!seen.requestHash().equals(request.requestHash())) {
        return Future.failedFuture(new CommandRejected(ErrorCode.IDEMPOTENCY_KEY_REUSED,
            "this Idempotency-Key was used for a different command"));
      }
      return tx.query("rollback").execute().map(v -> new Outcome(seen.response(), true));
    }
    Agenda known = memory.at(row.id(), row.version(), row.epoch());
    return (known != null ? Future.succeededFuture(known) : AgendaTables.load(tx, row.id(), row.event()))
        .compose(agenda -> facts(tx, row, agenda, request)
            .map(facts -> request.command().decideAll(agenda, facts))
            .compose(changes -> Conflicts.check(tx, row, agenda, changes, request).map(changes))
            .compose(changes -> request.dryRun() ? preview(tx, row, changes) : commit(tx, row, agenda, changes, request, alongside)))
        .recover(e -> Future.failedFuture(Conflicts.withVersion(e, row.version())));
  }

  /**
   * Each change gets the next version, in order, with what it touched just before it (for undo).
   * Sent together with COMMIT and pipelined on the connection, in this order.
   */
  private Future<Outcome> commit(SqlConnection tx, EventTable.EventRow row, Agenda agenda, List<Change> changes,
      Request request, Alongside alongside) {
    long last = row.version() + changes.size();
    JsonObject answer = new JsonObject().put("version", last).put("kind", changes.get(changes.size() - 1).kind().wire());
    List<Future<?>> writes = new java.util.ArrayList<>();
    Agenda before = agenda;
    for (int i = 0; i < changes.size(); i++) {
      Change change = changes.get(i);
      writes.add(AgendaTables.save(tx, row.id(), change.touched()));
      writes.add(ChangeLog.append(tx, row.id(), row.version() + 1 + i, change, request.actor(),
          Before.of(before, change.touched())));
      before = before.apply(change);
    }
    writes.add(EventTable.bump(tx, row.id(), last));
    writes.add(alongside.write(tx, row.id(), agenda, changes));
    if (request.idempotencyKey() != null) {
      writes.add(CommandKeys.remember(tx, row.id(), request.actor(), request.idempotencyKey(), request.requestHash(),
          answer));
    }
    writes.add(ChangeLog.announce(tx, row.id(), last));
    Future<?> committed = tx.query("commit").execute();
    return Future.all(writes).compose(v -> committed).map(v -> new Outcome(answer, false));
  }

  /** A dry run: the changes the command would make, and nothing kept. */
  private Future<Outcome> preview(SqlConnection tx, EventTable.EventRow row, List<Change> changes) {
    Change first = changes.get(0);
    JsonObject answer = new JsonObject().put("version", row.version() + 1).put("kind", first.kind().wire())
        .put("dryRun", true).put("data", ChangeCodec.encode(first));
    if (changes.size() > 1) {
      io.vertx.core.json.JsonArray all = new io.vertx.core.json.JsonArray();
      for (int i = 0; i < changes.size(); i++) {
        all.add(new JsonObject().put("version", row.version() + 1 + i).put("kind", changes.get(i).kind().wire())
            .put("data", ChangeCodec.encode(changes.get(i))));
      }
      answer.put("changes", all);
    }
    return tx.query("rollback").execute().map(v -> new Outcome(answer, false));
  }

  /**
   * The time (on the event's clock and real), a fresh id, the sender, and what the command says
   * its rule needs looked up (Command.needs).
   */
  private Future<Facts> facts(SqlConnection tx, EventTable.EventRow row, Agenda agenda, Request request) {
    // Milliseconds: what clients read and what PostgreSQL keeps exactly, so memory equals the rows.
    Instant real = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String id = UUID.randomUUID().toString().substring(0, 8);
    Command.Needs needs = request.command().command().needs();
    Future<String> waiting = needs.screenCode() == null ? Future.succeededFuture()
        : ScreenTable.waitingWithCode(tx, needs.screenCode());
    Future<Facts.Undoable> undoable = needs.change() == null ? Future.succeededFuture()
        : ChangeLog.undoable(tx, row.id(), needs.change());
    return Future.all(waiting, undoable).map(v -> Facts.on(agenda, real, id, request.actor(), request.role(),
        waiting.result(), undoable.result()));
  }

  /** Drops retry keys older than a day; run now and then. */
  public Future<Integer> forgetOldKeys() {
    return CommandKeys.forgetOlderThanADay(pool);
  }
}
