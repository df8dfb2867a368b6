package podium.imports;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import podium.event.SourceMark;

/** SQL for the follows table: one row per event that follows a published schedule. */
final class FollowTable {

  /** A follow as it stands, without the release's body. */
  record Follow(long eventId, String slug, String url, String mode, int intervalSeconds, String etag,
      String lastModified, String bodyHash, String appliedHash, Instant lastPollAt, Instant lastReleaseAt,
      Instant lastChangeAt, String lastError, Instant lastErrorAt, int failures, Instant nextPollAt, String createdBy) {

    boolean approves() {
      return "approve".equals(mode);
    }

    /** A release read but not applied (an approval waits, or the apply failed). */
    boolean behind() {
      return bodyHash != null && !bodyHash.equals(appliedHash);
    }

    JsonObject toJson() {
      return new JsonObject().put("url", url).put("mode", mode).put("intervalMinutes", intervalSeconds / 60)
          .put("release", bodyHash).put("appliedRelease", appliedHash).put("lastPollAt", at(lastPollAt))
          .put("lastReleaseAt", at(lastReleaseAt)).put("lastChangeAt", at(lastChangeAt)).put("lastError", lastError)
          .put("lastErrorAt", at(lastErrorAt)).put("failures", failures).put("nextPollAt", at(nextPollAt))
          .put("createdBy", createdBy);
    }

    private static String at(Instant i) {
      return i == null ? null : i.toString();
    }
  }

  private static final String COLUMNS = "f.event_id, e.slug, f.url, f.mode, f.interval_seconds, f.etag, f.last_modified,"
      + " f.body_hash, f.applied_hash, f.last_poll_at, f.last_release_at, f.last_change_at, f.last_error,"
      + " f.last_error_at, f.failures, f.next_poll_at, f.created_by";

  private FollowTable() {
  }

  /** Follows a URL (anew when it differs from the one followed: its release and errors are forgotten). */
  static Future<Void> put(SqlClient db, long eventId, String url, String mode, int intervalSeconds, String actor) {
    return db.preparedQuery("insert into follows (event_id, url, mode, interval_seconds, created_by)"
        + " values ($1, $2, $3, $4, $5) on conflict (event_id) do update set mode = excluded.mode,"
        + " interval_seconds = excluded.interval_seconds, next_poll_at = now(),"
        + " url = excluded.url, etag = case when follows.url = excluded.url then follows.etag end,"
        + " last_modified = case when follows.url = excluded.url then follows.last_modified end,"
        + " failures = case when follows.url = excluded.url then follows.failures else 0 end,"
        + " last_error = case when follows.url = excluded.url then follows.last_error end,"
        + " last_error_at = case when follows.url = excluded.url then follows.last_error_at end")
        .execute(Tuple.of(eventId, url, mode, intervalSeconds, actor)).mapEmpty();
  }

  static Future<Follow> of(SqlClient db, long eventId) {
    return db.preparedQuery("select " + COLUMNS + " from follows f join events e on e.id = f.event_id"
        + " where f.event_id = $1").execute(Tuple.of(eventId)).map(rows -> rows.size() == 0 ? null : follow(rows.iterator().next()));
  }

  static Future<List<Follow>> all(SqlClient db) {
    return db.query("select " + COLUMNS + " from follows f join events e on e.id = f.event_id order by e.slug")
        .execute().map(FollowTable::follows);
  }

  /** Those due for a poll now, the most overdue first. */
  static Future<List<Follow>> due(SqlClient db, int limit) {
    return db.preparedQuery("select " + COLUMNS + " from follows f join events e on e.id = f.event_id"
        + " where f.next_poll_at <= now() order by f.next_poll_at limit $1").execute(Tuple.of(limit))
        .map(FollowTable::follows);
  }

  static Future<Boolean> delete(SqlClient db, long eventId) {
    return db.preparedQuery("delete from follows where event_id = $1").execute(Tuple.of(eventId))
        .map(rows -> rows.rowCount() > 0);
  }

  /** The release last read, whole; null before the first. */
  static Future<Buffer> body(SqlClient db, long eventId) {
    return db.preparedQuery("select body from follows where event_id = $1").execute(Tuple.of(eventId))
        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getBuffer(0));
  }

  static Future<Map<String, SourceMark>> marks(SqlClient db, long eventId) {
    return db.preparedQuery("select marks from follows where event_id = $1").execute(Tuple.of(eventId))
        .map(rows -> {
          Map<String, SourceMark> marks = new HashMap<>();
          if (rows.size() > 0) {
            JsonObject all = (JsonObject) rows.iterator().next().getValue(0);
            all.forEach(e -> marks.put(e.getKey(), SourceMark.fromJson((JsonObject) e.getValue())));
          }
          return marks;
        });
  }

  /** A poll answered: a new release (body non-null) is kept, the failures end, the next poll is set. */
  static Future<Void> polled(SqlClient db, long eventId, SourceFetch.Fetched fetched, String hash) {
    boolean fresh = fetched.body() != null;
    return db.preparedQuery("update follows set last_poll_at = now(), failures = 0,"
        + " next_poll_at = now() + make_interval(secs => interval_seconds), etag = $2, last_modified = $3"
        + (fresh ? ", body = $4, body_hash = $5, last_release_at = now()" : "") + " where event_id = $1")
        .execute(fresh ? Tuple.of(eventId, fetched.etag(), fetched.lastModified(), fetched.body(), hash)
            : Tuple.of(eventId, fetched.etag(), fetched.lastModified()))
        .mapEmpty();
  }

  /** A poll or an apply failed: said, counted, and the next poll put off (backoff). */
  static Future<Void> failed(SqlClient db, long eventId, String error, long retryInSeconds) {
    return db.preparedQuery("update follows set last_poll_at = now(), last_error = $2, last_error_at = now(),"
        + " failures = failures + 1, next_poll_at = now() + make_interval(secs => $3) where event_id = $1")
        .execute(Tuple.of(eventId, error.length() > 500 ? error.substring(0, 499) + "…" : error, retryInSeconds))
        .mapEmpty();
  }

  /** In the transaction of the changes: what the source set now, and which release it was. */
  static Future<Void> applied(SqlClient tx, long eventId, String hash, Map<String, SourceMark> moved, boolean changed) {
    return tx.preparedQuery("update follows set marks = marks || $2, applied_hash = $3"
        + (changed ? ", last_change_at = now()" : "") + " where event_id = $1")
        .execute(Tuple.of(eventId, patch(moved), hash)).mapEmpty();
  }

  /** Released sessions: their marks become what Podium has, so the source moves them again. */
  static Future<Void> release(SqlClient db, long eventId, Map<String, SourceMark> marks) {
    return db.preparedQuery("update follows set marks = marks || $2 where event_id = $1")
        .execute(Tuple.of(eventId, patch(marks))).mapEmpty();
  }

  private static JsonObject patch(Map<String, SourceMark> marks) {
    JsonObject patch = new JsonObject();
    marks.forEach((id, mark) -> patch.put(id, mark.toJson()));
    return patch;
  }

  static Future<Void> pollNow(SqlClient db, long eventId) {
    return db.preparedQuery("update follows set next_poll_at = now() where event_id = $1").execute(Tuple.of(eventId))
        .mapEmpty();
  }

  private static List<Follow> follows(RowSet<Row> rows) {
    List<Follow> all = new ArrayList<>();
    rows.forEach(r -> all.add(follow(r)));
    return all;
  }

  private static Follow follow(Row r) {
    return new Follow(r.getLong("event_id"), r.getString("slug"), r.getString("url"), r.getString("mode"),
        r.getInteger("interval_seconds"), r.getString("etag"), r.getString("last_modified"), r.getString("body_hash"),
        r.getString("applied_hash"), instant(r, "last_poll_at"), instant(r, "last_release_at"),
        instant(r, "last_change_at"), r.getString("last_error"), instant(r, "last_error_at"), r.getInteger("failures"),
        instant(r, "next_poll_at"), r.getString("created_by"));
  }

  private static Instant instant(Row r, String column) {
    OffsetDateTime t = r.getOffsetDateTime(column);
    return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC).toInstant();
  }
}
