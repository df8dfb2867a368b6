package podium.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import podium.event.Agenda;

/** Writes a whole agenda as a new event at version 0, with a fresh epoch. */
public final class EventImport {

  private EventImport() {
  }

  /** Every node loads the new event as soon as it commits (a notification at version 0). */
  public static Future<Long> create(Pool pool, Agenda agenda) {
    return pool.withTransaction(tx -> EventTable.insert(tx, agenda.event())
        .compose(id -> AgendaTables.insert(tx, id, agenda).compose(v -> ChangeLog.announce(tx, id, 0)).map(id)));
  }

  /** Reads an event whole, as it stands committed now, with its version and epoch. */
  public static Future<Loaded> load(Pool pool, long eventId) {
    return pool.withTransaction(tx -> tx.query("set transaction isolation level repeatable read").execute()
        .compose(v -> EventTable.byId(tx, eventId))
        .compose(row -> row == null ? Future.succeededFuture(null)
            : AgendaTables.load(tx, eventId, row.event()).map(a -> new Loaded(row, a))));
  }

  /** An event's row and its agenda, read in one consistent snapshot. */
  public record Loaded(EventTable.EventRow row, Agenda agenda) { }
}
