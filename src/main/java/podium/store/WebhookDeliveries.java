package podium.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

/** SQL for webhook_deliveries: every attempt to deliver a change, for the admins' delivery log. */
public final class WebhookDeliveries {

  /** One attempt: status null when no answer came (error says why). */
  public record Attempt(long webhookId, long version, String kind, int attempt, Integer status, String error,
      int tookMs, String node, Instant at) {
    public JsonObject toJson() {
      return new JsonObject().put("delivery", delivery(webhookId, version)).put("version", version).put("kind", kind)
          .put("attempt", attempt).put("status", status).put("error", error).put("tookMs", tookMs).put("node", node)
          .put("at", at == null ? null : at.toString());
    }
  }

  public static final int PAGE = 100;

  private WebhookDeliveries() {
  }

  /** The delivery id a receiver sees: the same for every attempt of one change to one endpoint. */
  public static String delivery(long webhookId, long version) {
    return webhookId + "-" + version;
  }

  public static Future<Void> record(SqlClient tx, Attempt a) {
    return tx.preparedQuery("insert into webhook_deliveries (webhook_id, version, kind, attempt, status, error, took_ms,"
            + " node) values ($1, $2, $3, $4, $5, $6, $7, $8)")
        .execute(Tuple.from(new Object[] {a.webhookId(), a.version(), a.kind(), a.attempt(), a.status(), a.error(),
            a.tookMs(), a.node()}))
        .mapEmpty();
  }

  /** The newest attempts first, at most PAGE of them. */
  public static Future<List<Attempt>> latest(SqlClient db, long webhookId) {
    return db.preparedQuery("select * from webhook_deliveries where webhook_id = $1 order by id desc limit $2")
        .execute(Tuple.of(webhookId, PAGE))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(WebhookDeliveries::attempt).toList());
  }

  /** The log keeps a week. */
  public static Future<Integer> forgetOld(SqlClient db) {
    return db.query("delete from webhook_deliveries where at < now() - interval '7 days'").execute()
        .map(rows -> rows.rowCount());
  }

  private static Attempt attempt(Row r) {
    return new Attempt(r.getLong("webhook_id"), r.getLong("version"), r.getString("kind"), r.getInteger("attempt"),
        r.getInteger("status"), r.getString("error"), r.getInteger("took_ms"), r.getString("node"),
        Database.instant(r.getOffsetDateTime("at")));
  }
}
