package podium.outbound;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * SQL for push_subscriptions: which phone (endpoint) starred which sessions of an event, and in
 * which language it reads. A row holds only a checked PushSubscription. The push service's 404 or
 * 410 deletes every row of the endpoint; an event's rows go some days after its last day.
 */
public final class PushSubscriptions {

  /** As the calendar export of starred sessions: at most 100 (the table checks it too). */
  public static final int MAX_STARRED = 100;
  public static final Set<String> LANGUAGES = Set.of("en", "zh");

  /** A phone to notify about a session, in its language. */
  public record Subscriber(PushSubscription subscription, String lang) { }

  private PushSubscriptions() {
  }

  /** Subscribes, or replaces what the phone had for this event (its keys, language and stars). */
  public static Future<Void> save(SqlClient db, long eventId, PushSubscription s, String lang, List<String> sessions) {
    if (!LANGUAGES.contains(lang) || sessions.size() > MAX_STARRED) {
      return Future.failedFuture(new IllegalArgumentException("lang must be en or zh, and at most " + MAX_STARRED
          + " sessions starred"));
    }
    return db.preparedQuery("insert into push_subscriptions (endpoint, event_id, p256dh, auth, lang, sessions)"
            + " values ($1, $2, $3, $4, $5, $6) on conflict (endpoint, event_id) do update set p256dh = excluded.p256dh,"
            + " auth = excluded.auth, lang = excluded.lang, sessions = excluded.sessions, updated_at = now()")
        .execute(Tuple.of(s.endpoint(), eventId, Buffer.buffer(s.p256dh()), Buffer.buffer(s.auth()), lang,
            sessions.stream().distinct().toArray(String[]::new)))
        .mapEmpty();
  }

  /** The phone unsubscribed from this event's notices; true when it had subscribed. */
  public static Future<Boolean> remove(SqlClient db, String endpoint, long eventId) {
    return db.preparedQuery("delete from push_subscriptions where endpoint = $1 and event_id = $2")
        .execute(Tuple.of(endpoint, eventId)).map(rows -> rows.rowCount() > 0);
  }

  /** The push service said the subscription is gone (404, 410): every event's row of it goes. */
  public static Future<Integer> forgetEndpoint(SqlClient db, String endpoint) {
    return db.preparedQuery("delete from push_subscriptions where endpoint = $1").execute(Tuple.of(endpoint))
        .map(rows -> rows.rowCount());
  }

  /** The phones that starred this session of this event. */
  public static Future<List<Subscriber>> starring(SqlClient db, long eventId, String sessionId) {
    return db.preparedQuery("select endpoint, p256dh, auth, lang from push_subscriptions"
            + " where event_id = $1 and $2 = any (sessions) order by endpoint")
        .execute(Tuple.of(eventId, sessionId))
        .map(rows -> StreamSupport.stream(rows.spliterator(), false).map(PushSubscriptions::subscriber).toList());
  }

  /** Rows of events whose last day (in the event's time zone) is more than keepDays past: how many went. */
  public static Future<Integer> forgetEnded(SqlClient db, int keepDays) {
    return db.preparedQuery("delete from push_subscriptions s using events e where e.id = s.event_id"
            + " and (select max(d) from unnest(e.days) d) + $1::int < (now() at time zone e.time_zone)::date")
        .execute(Tuple.of(keepDays)).map(rows -> rows.rowCount());
  }

  private static Subscriber subscriber(Row r) {
    return new Subscriber(PushSubscription.of(r.getString("endpoint"), r.getBuffer("p256dh").getBytes(),
        r.getBuffer("auth").getBytes()), r.getString("lang"));
  }
}
