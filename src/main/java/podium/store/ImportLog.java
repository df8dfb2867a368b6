package podium.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** SQL for event_imports: each agenda brought in by a file, with the version and epoch it gave the event. */
final class ImportLog {

  private ImportLog() {
  }

  /** Records an import at the event's version and epoch as they now stand in the transaction. */
  static Future<Void> record(SqlClient tx, long eventId, boolean replaced, String format, String actor,
      JsonObject summary) {
    return tx.preparedQuery("insert into event_imports (event_id, version, epoch, replaced, format, actor, summary)"
            + " select id, version, epoch, $2, $3, $4, $5 from events where id = $1")
        .execute(Tuple.of(eventId, replaced, format, actor, summary)).mapEmpty();
  }
}
