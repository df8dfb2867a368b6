package podium.outbound;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Web Push's outbox, in SQL (push_cursors, push_notices, push_reminders; V15): which changes have
 * been turned into notices, the notices owed to phones, and which reminders were made. Every claim
 * skips rows another node holds, so each notice is made once and sent by one node at a time.
 */
final class PushOutbox {

  /** An event whose changes after cursor are not yet turned into notices, held by this transaction. */
  record Claimed(long eventId, long cursor) { }

  /** A notice claimed for sending, with its phone's subscription and language. */
  record Due(long id, long eventId, String endpoint, String session, String reason, long version, int attempts,
      byte[] p256dh, byte[] auth, String lang) { }

  private PushOutbox() {
  }

  /** From the event's version now: a phone's first subscription never brings the past to it. */
  static Future<Void> start(SqlClient db, long eventId) {
    return db.preparedQuery("insert into push_cursors (event_id, cursor) select id, version from events where id = $1"
        + " on conflict (event_id) do nothing").execute(Tuple.of(eventId)).mapEmpty();
  }

  static Future<Claimed> claimEvent(SqlClient tx) {
    return tx.query("select c.event_id, c.cursor from push_cursors c join events e on e.id = c.event_id"
            + " where e.version > c.cursor limit 1 for update of c skip locked").execute()
        .map(rows -> rows.size() == 0 ? null
            : new Claimed(rows.iterator().next().getLong("event_id"), rows.iterator().next().getLong("cursor")));
  }

  static Future<Void> advance(SqlClient tx, long eventId, long cursor) {
    return tx.preparedQuery("update push_cursors set cursor = $2 where event_id = $1")
        .execute(Tuple.of(eventId, cursor)).mapEmpty();
  }

  /** A notice for every phone that starred the session, replacing one it is still owed about it. */
  static Future<Integer> owe(SqlClient db, long eventId, String session, String reason, long version) {
    return db.preparedQuery("insert into push_notices (event_id, endpoint, session_id, reason, version)"
            + " select $1, endpoint, $2, $3, $4 from push_subscriptions where event_id = $1 and $2 = any(sessions)"
            + " on conflict (event_id, endpoint, session_id) do update set reason = excluded.reason,"
            + " version = excluded.version, due_at = now(), attempts = 0, claimed_until = null")
        .execute(Tuple.of(eventId, session, reason, version)).map(r -> r.rowCount());
  }

  /** The "starts soon" notices of one session and start, made once across nodes. */
  static Future<Integer> remind(SqlClient db, long eventId, String session, Instant startsAt, long version) {
    return db.preparedQuery("with made as (insert into push_reminders (event_id, session_id, starts_at)"
            + " values ($1, $2, $3) on conflict do nothing returning 1)"
            + " insert into push_notices (event_id, endpoint, session_id, reason, version)"
            + " select $1, endpoint, $2, 'soon', $4 from push_subscriptions, made where event_id = $1"
            + " and $2 = any(sessions) on conflict (event_id, endpoint, session_id) do update set reason = 'soon',"
            + " version = excluded.version, due_at = now(), attempts = 0, claimed_until = null")
        .execute(Tuple.of(eventId, session, OffsetDateTime.ofInstant(startsAt, ZoneOffset.UTC), version))
        .map(r -> r.rowCount());
  }

  /** Up to limit notices due, each held for a minute: a node that dies lets another send it then. */
  static Future<List<Due>> claimDue(SqlClient db, int limit) {
    return db.preparedQuery("update push_notices n set claimed_until = now() + interval '60 seconds',"
            + " attempts = n.attempts + 1 from push_subscriptions s where n.id in (select id from push_notices"
            + " where due_at <= now() and (claimed_until is null or claimed_until < now()) order by due_at, id"
            + " limit $1 for update skip locked) and s.endpoint = n.endpoint and s.event_id = n.event_id"
            + " returning n.id, n.event_id, n.endpoint, n.session_id, n.reason, n.version, n.attempts, s.p256dh,"
            + " s.auth, s.lang").execute(Tuple.of(limit))
        .map(rows -> {
          List<Due> due = new ArrayList<>();
          for (Row r : rows) {
            due.add(new Due(r.getLong("id"), r.getLong("event_id"), r.getString("endpoint"), r.getString("session_id"),
                r.getString("reason"), r.getLong("version"), r.getInteger("attempts"),
                r.getBuffer("p256dh").getBytes(), r.getBuffer("auth").getBytes(), r.getString("lang")));
          }
          return due;
        });
  }

  /** Sent (or given up): gone, unless a newer notice replaced it meanwhile. */
  static Future<Void> done(SqlClient db, Due due) {
    return db.preparedQuery("delete from push_notices where id = $1 and version = $2 and reason = $3")
        .execute(Tuple.of(due.id(), due.version(), due.reason())).mapEmpty();
  }

  static Future<Void> later(SqlClient db, Due due, long waitMs) {
    return db.preparedQuery("update push_notices set due_at = now() + $4 * interval '1 millisecond',"
            + " claimed_until = null where id = $1 and version = $2 and reason = $3")
        .execute(Tuple.of(due.id(), due.version(), due.reason(), waitMs)).mapEmpty();
  }

  /** Notices waiting, for the gauge podium_push_outbox_depth. */
  static Future<Long> depth(SqlClient db) {
    return db.query("select count(*) from push_notices").execute().map(r -> r.iterator().next().getLong(0));
  }

  /** Events whose phones subscribed (their reminders are worth working out). */
  static Future<List<Long>> followed(SqlClient db) {
    return db.query("select event_id from push_cursors").execute().map(rows -> {
      List<Long> ids = new ArrayList<>();
      rows.forEach(r -> ids.add(r.getLong(0)));
      return ids;
    });
  }
}
