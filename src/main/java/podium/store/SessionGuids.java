package podium.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** SQL for session_guids: the guid each imported session had in its file, by session id. */
final class SessionGuids {

  private SessionGuids() {
  }

  static Future<Map<String, String>> of(SqlClient db, long eventId) {
    return db.preparedQuery("select session, guid from session_guids where event_id = $1").execute(Tuple.of(eventId))
        .map(rows -> {
          Map<String, String> bySession = new HashMap<>();
          for (Row r : rows) {
            bySession.put(r.getString("session"), r.getString("guid"));
          }
          return bySession;
        });
  }

  /** Forgets the event's guids and keeps the new ones (session id → guid). */
  static Future<Void> replace(SqlClient tx, long eventId, Map<String, String> guids) {
    List<Tuple> rows = guids.entrySet().stream().map(e -> Tuple.of(eventId, e.getKey(), e.getValue())).toList();
    Future<?> cleared = tx.preparedQuery("delete from session_guids where event_id = $1").execute(Tuple.of(eventId));
    return cleared.compose(v -> rows.isEmpty() ? Future.succeededFuture()
        : tx.preparedQuery("insert into session_guids (event_id, session, guid) values ($1, $2, $3)")
            .executeBatch(rows)).mapEmpty();
  }

  /** Keeps these too (session id → guid), over any the sessions had. */
  static Future<Void> add(SqlClient tx, long eventId, Map<String, String> guids) {
    List<Tuple> rows = guids.entrySet().stream().map(e -> Tuple.of(eventId, e.getKey(), e.getValue())).toList();
    return rows.isEmpty() ? Future.succeededFuture() : tx.preparedQuery("insert into session_guids (event_id, session,"
        + " guid) values ($1, $2, $3) on conflict (event_id, session) do update set guid = excluded.guid")
        .executeBatch(rows).mapEmpty();
  }
}
