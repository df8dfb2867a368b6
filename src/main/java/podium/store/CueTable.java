package podium.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.stream.StreamSupport;
import podium.event.Cue;
import podium.event.Text;

/** SQL for cues: each event's cue list, as the console edits it and the cue clock fires it. */
final class CueTable {

  private CueTable() {
  }

  static Future<List<Cue>> forEvent(SqlClient db, long eventId) {
    return db.preparedQuery("select * from cues where event_id = $1").execute(Tuple.of(eventId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(CueTable::cue).toList());
  }

  static Future<?> save(SqlClient tx, long eventId, List<Cue> cues) {
    return cues.isEmpty() ? Future.succeededFuture() : tx.preparedQuery("insert into cues (event_id, id, name, position,"
            + " commands, due_at, after_cue, after_minutes, fired_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
            + " on conflict (event_id, id) do update set name = excluded.name, position = excluded.position,"
            + " commands = excluded.commands, due_at = excluded.due_at, after_cue = excluded.after_cue,"
            + " after_minutes = excluded.after_minutes, fired_at = excluded.fired_at")
        .executeBatch(cues.stream().map(c -> Tuple.from(new Object[] {eventId, c.id(), c.name().toJson(), c.position(),
            new JsonArray(c.commands().stream().map(x -> (Object) x).toList()), Database.at(c.at()), c.after(),
            c.afterMinutes(), Database.at(c.firedAt())})).toList());
  }

  static Future<?> remove(SqlClient tx, long eventId, List<String> ids) {
    return ids.isEmpty() ? Future.succeededFuture()
        : tx.preparedQuery("delete from cues where event_id = $1 and id = any($2)")
            .execute(Tuple.of(eventId, (Object) ids.toArray(new String[0])));
  }

  private static Cue cue(Row r) {
    return new Cue(r.getString("id"), Text.fromJson(r.getJsonObject("name")), r.getInteger("position"),
        r.getJsonArray("commands").stream().map(io.vertx.core.json.JsonObject.class::cast).toList(),
        Database.instant(r.getOffsetDateTime("due_at")), r.getString("after_cue"), r.getInteger("after_minutes"),
        Database.instant(r.getOffsetDateTime("fired_at")));
  }
}
