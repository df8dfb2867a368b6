package podium.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;
import podium.event.Audience;
import podium.event.Before;
import podium.event.Change;
import podium.event.ChangeCodec;
import podium.event.ChangeKind;
import podium.event.Facts;
import podium.event.Touched;
import podium.event.TouchedCodec;

/** SQL for the changes table, the ordered history every node replays and the audit log. */
public final class ChangeLog {

  /** One committed change at its version, with who made it and when. */
  public record Entry(long eventId, long version, Change change, String actor, Instant at) { }

  private ChangeLog() {
  }

  /** before: what the change touched, as it was; kept for undo and sent to no client. */
  static Future<Void> append(SqlClient tx, long eventId, long version, Change change, String actor, Before before) {
    JsonObject prior = TouchedCodec.encode(before.state(), Audience.EMBARGO).put("complete", before.complete());
    return tx.preparedQuery("insert into changes (event_id, version, kind, audience, payload, actor, before)"
            + " values ($1, $2, $3, $4, $5, $6, $7)")
        .execute(Tuple.from(new Object[] {eventId, version, change.kind().wire(), change.audience().wire(),
            ChangeCodec.encode(change), actor, prior}))
        .mapEmpty();
  }

  /** The change at a version, with what it touched before, for an undo; null when there is none. */
  static Future<Facts.Undoable> undoable(SqlClient tx, long eventId, long version) {
    return tx.preparedQuery("select * from changes where event_id = $1 and version = $2")
        .execute(Tuple.of(eventId, version))
        .map(rows -> {
          if (rows.size() == 0) {
            return null;
          }
          Row r = rows.iterator().next();
          JsonObject prior = r.getJsonObject("before");
          // Changes logged before undo existed kept no "before": they cannot be undone.
          Before before = prior == null ? new Before(Touched.NOTHING, false)
              : new Before(TouchedCodec.decode(prior), prior.getBoolean("complete", false));
          return new Facts.Undoable(version, entry(r).change(), before, r.getString("actor"));
        });
  }

  /** The changes after a version, oldest first; at most limit of them. */
  public static Future<List<Entry>> after(SqlClient db, long eventId, long version, int limit) {
    return db.preparedQuery("select * from changes where event_id = $1 and version > $2 order by version limit $3")
        .execute(Tuple.of(eventId, version, limit))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(ChangeLog::entry).toList());
  }

  /** Every change of these kinds, oldest first (the as-run report's starts and ends: a few per session). */
  public static Future<List<Entry>> ofKinds(SqlClient db, long eventId, List<ChangeKind> kinds) {
    return db.preparedQuery("select * from changes where event_id = $1 and kind = any($2) order by version")
        .execute(Tuple.tuple().addLong(eventId).addArrayOfString(kinds.stream().map(ChangeKind::wire)
            .toArray(String[]::new)))
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
