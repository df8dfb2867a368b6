package podium.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.util.Map;
import java.util.function.Function;
import podium.event.Agenda;
import podium.event.CommandRejected;
import podium.event.ErrorCode;

/** Writes a whole agenda: a new event at version 0 with a fresh epoch, or a replace of one. */
public final class EventImport {

  /** What an event holds when a file is to replace it: its agenda, and the guid each session came with. */
  public record Existing(Agenda agenda, Map<String, String> guids) { }

  /** What an import writes: the agenda, each session's guid from the file, and what to log of it. */
  public record Plan(Agenda agenda, Map<String, String> guids, String format, JsonObject summary) { }

  /** The event as the import left it. */
  public record Written(long eventId, long version, String epoch, boolean created) { }

  private EventImport() {
  }

  /** Every node loads the new event as soon as it commits (a notification at version 0). */
  public static Future<Long> create(Pool pool, Agenda agenda) {
    return pool.withTransaction(tx -> EventTable.insert(tx, agenda.event())
        .compose(id -> AgendaTables.insert(tx, id, agenda).compose(v -> ChangeLog.announce(tx, id, 0)).map(id)));
  }

  /**
   * Imports under a slug in one transaction. With no such event, plan(null) gives a new one at
   * version 0. Otherwise plan sees what exists, under the event's lock, and may refuse (by
   * throwing); the old agenda goes, the new one is written, and the event takes its next version
   * and a new epoch, so that every client starts again from a snapshot. NOTIFY tells every node.
   */
  public static Future<Written> importAgenda(Pool pool, String slug, String actor, Function<Existing, Plan> plan) {
    return pool.withTransaction(tx -> EventTable.lock(tx, slug)
            .compose(row -> row == null ? create(tx, actor, plan.apply(null)) : replace(tx, row, actor, plan)))
        .recover(e -> Future.failedFuture(e instanceof PgException pg && "23505".equals(pg.getSqlState())
            ? new CommandRejected(ErrorCode.EVENT_EXISTS, "an event '" + slug + "' was just created by someone else")
            : e));
  }

  private static Future<Written> create(SqlConnection tx, String actor, Plan plan) {
    return EventTable.insert(tx, plan.agenda().event())
        .compose(id -> AgendaTables.insert(tx, id, plan.agenda())
            .compose(v -> SessionGuids.replace(tx, id, plan.guids()))
            .compose(v -> ImportLog.record(tx, id, false, plan.format(), actor, plan.summary()))
            .compose(v -> ChangeLog.announce(tx, id, 0))
            .compose(v -> written(tx, id, true)));
  }

  private static Future<Written> replace(SqlConnection tx, EventTable.EventRow row, String actor,
      Function<Existing, Plan> plan) {
    long id = row.id();
    Future<Agenda> agenda = AgendaTables.load(tx, id, row.event());
    Future<Map<String, String>> guids = SessionGuids.of(tx, id);
    return Future.all(agenda, guids).compose(v -> {
      Plan p = plan.apply(new Existing(agenda.result(), guids.result()));
      return AgendaTables.delete(tx, id)
          .compose(x -> EventTable.replace(tx, id, p.agenda().event(), row.version() + 1))
          .compose(x -> AgendaTables.insert(tx, id, p.agenda()))
          .compose(x -> SessionGuids.replace(tx, id, p.guids()))
          .compose(x -> ImportLog.record(tx, id, true, p.format(), actor, p.summary()))
          .compose(x -> ChangeLog.announce(tx, id, row.version() + 1))
          .compose(x -> written(tx, id, false));
    });
  }

  private static Future<Written> written(SqlConnection tx, long id, boolean created) {
    return EventTable.byId(tx, id).map(r -> new Written(id, r.version(), r.epoch(), created));
  }

  /** Reads an event whole, as it stands committed now, with its version and epoch. */
  public static Future<Loaded> load(Pool pool, long eventId) {
    return pool.withTransaction(tx -> tx.query("set transaction isolation level repeatable read").execute()
        .compose(v -> EventTable.byId(tx, eventId))
        .compose(row -> row == null ? Future.succeededFuture(null)
            : AgendaTables.load(tx, eventId, row.event()).map(a -> new Loaded(row, a))));
  }

  /** An event as it stands committed now (agenda, guids, id and version, read in one snapshot), or null. */
  public static Future<Found> existing(Pool pool, String slug) {
    return pool.withTransaction(tx -> tx.query("set transaction isolation level repeatable read").execute()
        .compose(v -> EventTable.bySlug(tx, slug))
        .compose(row -> row == null ? Future.succeededFuture(null)
            : Future.all(AgendaTables.load(tx, row.id(), row.event()), SessionGuids.of(tx, row.id()))
                .map(all -> new Found(row.id(), row.version(), new Existing(all.resultAt(0), all.resultAt(1))))));
  }

  /** An event found by its slug: its id, version, and what a file read into it needs. */
  public record Found(long eventId, long version, Existing existing) { }

  /** Keeps the guid each of these sessions had in its file (sessions a followed schedule added). */
  public static Future<Void> rememberGuids(SqlConnection tx, long eventId, Map<String, String> guids) {
    return SessionGuids.add(tx, eventId, guids);
  }

  /** An event's row and its agenda, read in one consistent snapshot. */
  public record Loaded(EventTable.EventRow row, Agenda agenda) { }
}
