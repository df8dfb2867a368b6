package podium.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** SQL for command_keys: the first answer to each Idempotency-Key, kept for a day. */
final class CommandKeys {

  /** What was answered to a key, and a hash of the request that used it first. */
  record Remembered(String requestHash, JsonObject response) { }

  private CommandKeys() {
  }

  /** By the event's slug, so that it can go out with the event's lock, before its id is known. */
  static Future<Remembered> find(SqlClient tx, String slug, String key) {
    return tx.preparedQuery("select k.request_hash, k.response from command_keys k join events e on e.id = k.event_id"
            + " where e.slug = $1 and k.key = $2")
        .execute(Tuple.of(slug, key))
        .map(rows -> rows.size() == 0 ? null
            : new Remembered(rows.iterator().next().getString(0), rows.iterator().next().getJsonObject(1)));
  }

  static Future<Void> remember(SqlClient tx, long eventId, String key, String requestHash, JsonObject response) {
    return tx.preparedQuery("insert into command_keys (event_id, key, request_hash, response) values ($1, $2, $3, $4)")
        .execute(Tuple.of(eventId, key, requestHash, response)).mapEmpty();
  }

  static Future<Integer> forgetOlderThanADay(SqlClient db) {
    return db.query("delete from command_keys where created_at < now() - interval '1 day'").execute()
        .map(rows -> rows.rowCount());
  }
}
