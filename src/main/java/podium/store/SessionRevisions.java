package podium.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads, from changes and event_imports, how often and when each session of an event changed up
 * to a version: what a calendar's SEQUENCE and DTSTAMP are made of. Read-only; the same answer on
 * every node for the same version.
 */
public final class SessionRevisions {

  /** Per session: how many session.* changes named it, and when the last of them was. */
  public record Touches(Map<String, Integer> counts, Map<String, Instant> last) { }

  /** How many imports replaced the agenda, the last one's time, and the event's last change of any kind. */
  public record Replaces(int count, Instant last, Instant modified) { }

  private SessionRevisions() {
  }

  /** The session.* changes (and undos, which put sessions back) after one version, up to another. */
  public static Future<Touches> touches(SqlClient db, long eventId, long after, long upTo) {
    return db.preparedQuery("select s.value->>'id' as session, count(*)::int as n, max(c.at) as last from changes c"
            + " cross join lateral jsonb_array_elements(case when jsonb_typeof(c.payload->'sessions') = 'array'"
            + " then c.payload->'sessions' else '[]'::jsonb end) s"
            + " where c.event_id = $1 and c.version > $2 and c.version <= $3"
            + " and (c.kind like 'session.%' or c.kind = 'change.undone') group by 1")
        .execute(Tuple.of(eventId, after, upTo))
        .map(rows -> {
          Map<String, Integer> counts = new HashMap<>();
          Map<String, Instant> last = new HashMap<>();
          for (Row r : rows) {
            counts.put(r.getString("session"), r.getInteger("n"));
            last.put(r.getString("session"), Database.instant(r.getOffsetDateTime("last")));
          }
          return new Touches(counts, last);
        });
  }

  public static Future<Replaces> replaces(SqlClient db, long eventId, long upTo) {
    return db.preparedQuery("select (select count(*)::int from event_imports where event_id = $1 and replaced"
            + " and version <= $2) as n, (select max(at) from event_imports where event_id = $1 and replaced"
            + " and version <= $2) as last, greatest((select max(at) from changes where event_id = $1 and version <= $2),"
            + " (select max(at) from event_imports where event_id = $1 and version <= $2),"
            + " (select created_at from events where id = $1)) as modified")
        .execute(Tuple.of(eventId, upTo))
        .map(rows -> {
          Row r = rows.iterator().next();
          return new Replaces(r.getInteger("n"), Database.instant(r.getOffsetDateTime("last")),
              Database.instant(r.getOffsetDateTime("modified")));
        });
  }
}
