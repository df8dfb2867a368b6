package podium.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Clock;
import java.util.List;
import podium.event.Agenda;
import podium.event.Change;
import podium.event.Command;
import podium.event.CommandRejected;
import podium.event.Rules;
import podium.event.ScreenRules;

/**
 * The write path: one staff command is one transaction that locks the event, checks the command
 * against the current agenda, writes the state tables, appends the change and notifies every node.
 */
public final class CommandStore {

  /** A command as it arrived: the body, a hash of its bytes, who sent it and its retry key. */
  public record Request(String slug, JsonObject body, String bodyHash, String actor, String idempotencyKey) { }

  /** The answer; replayed when an earlier request with the same key already gave it. */
  public record Outcome(JsonObject answer, boolean replayed) {
    public long version() {
      return answer.getLong("version");
    }
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
    return pool.withConnection(conn -> {
      Future<?> begun = conn.query("begin").execute();
      Future<EventTable.EventRow> locked = EventTable.lock(conn, request.slug());
      Future<CommandKeys.Remembered> seen = request.idempotencyKey() == null ? Future.succeededFuture()
          : CommandKeys.find(conn, request.slug(), request.idempotencyKey());
      return Future.all(begun, locked, seen)
          .compose(v -> decide(conn, locked.result(), seen.result(), request))
          .recover(e -> conn.query("rollback").execute().transform(done -> Future.<Outcome>failedFuture(e)));
    });
  }

  private Future<Outcome> decide(SqlConnection tx, EventTable.EventRow row, CommandKeys.Remembered seen,
      Request request) {
    if (row == null) {
      return Future.failedFuture(CommandRejected.unknown("event", request.slug()));
    }
    if (seen != null) {
      if (!seen.requestHash().equals(request.bodyHash())) {
        return Future.failedFuture(new CommandRejected("idempotency_key_reused",
            "this Idempotency-Key was used for a different command"));
      }
      return tx.query("rollback").execute().map(v -> new Outcome(seen.response(), true));
    }
    Command command;
    try {
      command = Command.parse(request.body(), row.event().zone());
    } catch (CommandRejected e) {
      return Future.failedFuture(e);
    }
    return apply(tx, row, command, request);
  }

  private Future<Outcome> apply(SqlConnection tx, EventTable.EventRow row, Command command, Request request) {
    Object expected = request.body().getValue("expectedVersion");
    if (expected != null && !(expected instanceof Integer || expected instanceof Long)) {
      return Future.failedFuture(CommandRejected.invalidField("expectedVersion", "must be a whole number"));
    }
    if (expected != null && ((Number) expected).longValue() != row.version()) {
      return Future.failedFuture(new CommandRejected("stale_version",
          "the event is at version " + row.version() + ", not " + expected + ": reload and try again"));
    }
    long version = row.version() + 1;
    JsonObject answer = new JsonObject().put("version", version);
    Agenda known = memory.at(row.id(), row.version(), row.epoch());
    return (known != null ? Future.succeededFuture(known) : AgendaTables.load(tx, row.id(), row.event()))
        .compose(agenda -> changeOf(tx, agenda, command))
        .compose(change -> {
          answer.put("kind", change.kind());
          // Sent together with COMMIT and pipelined on the connection, in this order.
          Future<?> written = Future.all(List.of(AgendaTables.save(tx, row.id(), change),
              EventTable.bump(tx, row.id(), version),
              ChangeLog.append(tx, row.id(), version, change, request.actor()),
              request.idempotencyKey() == null ? Future.succeededFuture()
                  : CommandKeys.remember(tx, row.id(), request.idempotencyKey(), request.bodyHash(), answer),
              ChangeLog.announce(tx, row.id(), version)));
          Future<?> committed = tx.query("commit").execute();
          return written.compose(v -> committed).map(v -> new Outcome(answer, false));
        });
  }

  /** The rules decide; pairing first finds, in the store, which waiting screen shows the code. */
  private Future<Change> changeOf(SqlConnection tx, Agenda agenda, Command command) {
    try {
      if (command instanceof ScreenRules.Pair pair) {
        return ScreenTable.waitingWithCode(tx, pair.code()).compose(screen -> screen == null
            ? Future.failedFuture(new CommandRejected("unknown_code", "no screen is waiting with code " + pair.code()))
            : Future.succeededFuture(ScreenRules.pair(agenda, pair, screen)));
      }
      return Future.succeededFuture(Rules.apply(agenda, command, now()));
    } catch (CommandRejected e) {
      return Future.failedFuture(e);
    }
  }

  /** Milliseconds: what PostgreSQL keeps (it has micros) and clients read, so memory equals the rows. */
  private java.time.Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  /** Drops retry keys older than a day; run now and then. */
  public Future<Integer> forgetOldKeys() {
    return CommandKeys.forgetOlderThanADay(pool);
  }
}
