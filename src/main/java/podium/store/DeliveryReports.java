package podium.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * SQL for delivery_reports: per event, version and node, what that node's clients acknowledged;
 * the row at version CONNECTED holds how many of them are connected now. Read back summed.
 */
public final class DeliveryReports {

  /** The version of the row that counts the connected clients, not a version's acknowledgements. */
  public static final long CONNECTED = -1;

  /** One row to write. */
  public record Row(long eventId, long version, JsonObject report) { }

  private DeliveryReports() {
  }

  public static Future<?> write(SqlClient db, String node, List<Row> rows) {
    if (rows.isEmpty()) {
      return Future.succeededFuture();
    }
    return db.preparedQuery("insert into delivery_reports (event_id, version, node, report) values ($1, $2, $3, $4)"
            + " on conflict (event_id, version, node) do update set report = excluded.report, updated_at = now()")
        .executeBatch(rows.stream().map(r -> Tuple.of(r.eventId(), r.version(), node, r.report())).toList());
  }

  /**
   * The rows of the recent versions (after the version given) of every node, with each version's kind
   * and commit time, and the connected counts of the nodes heard from in the last few seconds.
   */
  public static Future<JsonArray> recent(SqlClient db, long eventId, long after) {
    return db.preparedQuery("select c.version, c.kind, c.at, r.node, r.report from changes c left join delivery_reports r"
            + " on r.event_id = c.event_id and r.version = c.version where c.event_id = $1 and c.version > $2"
            + " union all select r.version, null, null, r.node, r.report from delivery_reports r where r.event_id = $1"
            + " and r.version = -1 and r.updated_at > now() - interval '5 seconds' order by 1")
        .execute(Tuple.of(eventId, after))
        .map(rows -> new JsonArray(StreamSupport.stream(rows.spliterator(), false).map(r -> new JsonObject()
            .put("version", r.getLong(0)).put("kind", r.getString(1))
            .put("at", r.getOffsetDateTime(2) == null ? null : r.getOffsetDateTime(2).toInstant().toEpochMilli())
            .put("node", r.getString(3)).put("report", r.getJsonObject(4))).toList()));
  }

  public static Future<Integer> forgetOld(SqlClient db) {
    return db.query("delete from delivery_reports where updated_at < now() - interval '1 day'").execute()
        .map(rows -> rows.rowCount());
  }
}
