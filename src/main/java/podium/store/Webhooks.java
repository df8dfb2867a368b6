package podium.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * SQL for webhooks: each endpoint's URL, secret, kinds and cursor. The changes table is the
 * outbox; an endpoint's cursor is the last version it was sent (or skipped), so the command path
 * writes nothing for webhooks. A node claims a due endpoint with FOR UPDATE SKIP LOCKED and holds
 * it while it delivers: one node per endpoint at a time, in version order.
 */
public final class Webhooks {

  /** An endpoint as admins see it: everything but its secret. */
  public record Endpoint(long id, long eventId, String url, List<String> kinds, long cursor, String state,
      int failures, Instant nextAttemptAt, String pausedReason, String createdBy, Instant createdAt) {
    public JsonObject toJson() {
      return new JsonObject().put("id", id).put("url", url).put("kinds", new JsonArray(kinds)).put("cursor", cursor)
          .put("state", state).put("failures", failures).put("nextAttemptAt", nextAttemptAt.toString())
          .put("pausedReason", pausedReason).put("createdBy", createdBy).put("createdAt", createdAt.toString());
    }
  }

  /** An endpoint claimed for delivery, with what signing and the body need. */
  public record Due(Endpoint endpoint, String secret, String slug, String epoch) { }

  private static final String COLUMNS = "w.id, w.event_id, w.url, w.kinds, w.cursor, w.state, w.failures,"
      + " w.next_attempt_at, w.paused_reason, w.created_by, w.created_at";

  private Webhooks() {
  }

  /** A new endpoint starts at the event's current version: it hears of changes from now on. */
  public static Future<Endpoint> register(SqlClient db, long eventId, String url, String secret, List<String> kinds,
      String actor) {
    return db.preparedQuery("with w as (insert into webhooks (event_id, url, secret, kinds, cursor, created_by)"
            + " select id, $2, $3, $4, version, $5 from events where id = $1 returning *) select " + COLUMNS
            + " from w").execute(Tuple.of(eventId, url, secret, kinds.toArray(new String[0]), actor))
        .map(rows -> endpoint(rows.iterator().next()));
  }

  public static Future<List<Endpoint>> of(SqlClient db, long eventId) {
    return db.preparedQuery("select " + COLUMNS + " from webhooks w where event_id = $1 order by id")
        .execute(Tuple.of(eventId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(Webhooks::endpoint).toList());
  }

  /** Active again, from where its cursor stands; null when the event has no such endpoint. */
  public static Future<Endpoint> resume(SqlClient db, long eventId, long id) {
    return db.preparedQuery("update webhooks w set state = 'active', failures = 0, next_attempt_at = now(),"
            + " paused_reason = null where event_id = $1 and id = $2 returning " + COLUMNS)
        .execute(Tuple.of(eventId, id)).map(rows -> rows.size() == 0 ? null : endpoint(rows.iterator().next()));
  }

  public static Future<Boolean> remove(SqlClient db, long eventId, long id) {
    return db.preparedQuery("delete from webhooks where event_id = $1 and id = $2").execute(Tuple.of(eventId, id))
        .map(rows -> rows.rowCount() == 1);
  }

  public static Future<Boolean> anyActive(SqlClient db) {
    return db.query("select exists (select 1 from webhooks where state = 'active')").execute()
        .map(rows -> rows.iterator().next().getBoolean(0));
  }

  /**
   * The outbox's depth: versions after the cursor of every active endpoint (the changes table is
   * the outbox; staff-only versions among them are skipped, not sent).
   */
  public static Future<Long> backlog(SqlClient db) {
    return db.query("select coalesce(sum(e.version - w.cursor), 0) from webhooks w join events e on e.id = w.event_id"
            + " where w.state = 'active'").execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** Claims the endpoint that has waited longest with a change after its cursor; null if none is due. */
  public static Future<Due> claimDue(SqlClient tx) {
    return tx.query("select " + COLUMNS + ", w.secret, e.slug, e.epoch from webhooks w join events e on e.id = w.event_id"
            + " where w.state = 'active' and w.next_attempt_at <= now() and exists (select 1 from changes c"
            + " where c.event_id = w.event_id and c.version > w.cursor) order by w.next_attempt_at limit 1"
            + " for update of w skip locked").execute()
        .map(rows -> {
          if (rows.size() == 0) {
            return null;
          }
          Row r = rows.iterator().next();
          return new Due(endpoint(r), r.getString("secret"), r.getString("slug"), r.getString("epoch"));
        });
  }

  /** Delivered, or not for this endpoint: the cursor moves on and the failures are forgotten. */
  public static Future<Void> advance(SqlClient tx, long id, long cursor) {
    return tx.preparedQuery("update webhooks set cursor = $2, failures = 0, next_attempt_at = now() where id = $1")
        .execute(Tuple.of(id, cursor)).mapEmpty();
  }

  /**
   * Not delivered: tried again waitMs from now (PostgreSQL's now, the one clock every node shares),
   * or paused (pausedReason not null) until an admin resumes it.
   */
  public static Future<Void> failed(SqlClient tx, long id, int failures, long waitMs, String pausedReason) {
    return tx.preparedQuery("update webhooks set failures = $2, next_attempt_at = now() + $3 * interval '1 millisecond',"
            + " paused_reason = $4, state = case when $4::text is null then 'active' else 'paused' end where id = $1")
        .execute(Tuple.of(id, failures, waitMs, pausedReason)).mapEmpty();
  }

  private static Endpoint endpoint(Row r) {
    return new Endpoint(r.getLong("id"), r.getLong("event_id"), r.getString("url"),
        Arrays.asList(r.getArrayOfStrings("kinds")), r.getLong("cursor"), r.getString("state"),
        r.getInteger("failures"), Database.instant(r.getOffsetDateTime("next_attempt_at")),
        r.getString("paused_reason"), r.getString("created_by"), Database.instant(r.getOffsetDateTime("created_at")));
  }
}
