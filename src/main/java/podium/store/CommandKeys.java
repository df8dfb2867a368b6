package podium.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** SQL for command_keys: the first answer to each actor's Idempotency-Key, kept for a day. */
final class CommandKeys {

  /** What was answered to a key, and a hash of the request that used it first. */
  record Remembered(String requestHash, JsonObject response) { }

  private CommandKeys() {
  }

  static Future<Remembered> find(SqlClient tx, String actor, String key) {
    return tx.preparedQuery("select request_hash, response from command_keys where actor = $1 and key = $2")
        .execute(Tuple.of(actor, key))
        .map(rows -> rows.size() == 0 ? null
            : new Remembered(rows.iterator().next().getString(0), rows.iterator().next().getJsonObject(1)));
  }

  static Future<Void> remember(SqlClient tx, long eventId, String actor, String key, String requestHash,
      JsonObject response) {
    return tx.preparedQuery("insert into command_keys (event_id, actor, key, request_hash, response)"
            + " values ($1, $2, $3, $4, $5)")
        .execute(Tuple.of(eventId, actor, key, requestHash, response)).mapEmpty();
  }

  static Future<Integer> forgetOlderThanADay(SqlClient db) {
    return db.query("delete from command_keys where created_at < now() - interval '1 day'").execute()
        .map(rows -> rows.rowCount());
  }
}
