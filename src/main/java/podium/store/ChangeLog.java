package podium.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import podium.event.Change;
import podium.event.ChangeCodec;
import podium.event.ChangeKind;

/** SQL for the changes table, the ordered history every node replays and the audit log. */
public final class ChangeLog {

  /** One committed change at its version, with who made it and when. */
  public record Entry(long eventId, long version, Change change, String actor, Instant at) { }

  private ChangeLog() {
  }

  static Future<Void> append(SqlClient tx, long eventId, long version, Change change, String actor) {
    return tx.preparedQuery("insert into changes (event_id, version, kind, audience, payload, actor)"
            + " values ($1, $2, $3, $4, $5, $6)")
        .execute(Tuple.of(eventId, version, change.kind().wire(), change.kind().audience().wire(),
            ChangeCodec.encode(change), actor))
        .mapEmpty();
  }

  /** The changes after a version, oldest first; at most limit of them. */
  public static Future<List<Entry>> after(SqlClient db, long eventId, long version, int limit) {
    return db.preparedQuery("select * from changes where event_id = $1 and version > $2 order by version limit $3")
        .execute(Tuple.of(eventId, version, limit))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(ChangeLog::entry).toList());
  }

  private static Entry entry(Row r) {
    Change change = ChangeCodec.decode(ChangeKind.parse(r.getString("kind")), r.getJsonObject("payload"));
    return new Entry(r.getLong("event_id"), r.getLong("version"), change, r.getString("actor"),
        Database.instant(r.getOffsetDateTime("at")));
  }

  static Future<Void> announce(SqlClient tx, long eventId, long version) {
    return tx.preparedQuery("select pg_notify('" + CHANNEL + "', $1)").execute(Tuple.of(eventId + ":" + version))
        .mapEmpty();
  }

  /** The LISTEN channel; a notification carries "eventId:version" and nothing else. */
  public static final String CHANNEL = "podium";
}
