package podium.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/**
 * SQL for control_presses: the last accepted press of each action on each target, per actor. A
 * press opens a one-second window unless one is open; every press inside it is the same press. The
 * time is PostgreSQL's, so every node measures the second on one clock, and the upsert's row lock
 * lets exactly one of two racing presses open the window.
 */
public final class Presses {

  /**
   * The window a press fell in: when it opened (microseconds since the epoch, on PostgreSQL's clock:
   * the same for every press in it), the command it was resolved to, and whether this press opened it.
   */
  public record Window(long openedMicros, JsonObject command, boolean opened) { }

  private static final String OPENED = "(extract(epoch from pressed_at) * 1000000)::bigint";

  private Presses() {
  }

  /**
   * Opens a window for this press, or, when one opened under a second ago (a press on another
   * node included), answers that one: its command, not this press's. Autocommitted on its own, so
   * a racing press waits for the row lock and then sees this one's window.
   */
  public static Future<Window> claim(SqlClient db, String actor, String action, String target, JsonObject command) {
    return db.preparedQuery("insert into control_presses as p (actor, action, target, pressed_at, command)"
            + " values ($1, $2, $3, clock_timestamp(), $4)"
            + " on conflict (actor, action, target) do update set pressed_at = excluded.pressed_at,"
            + " command = excluded.command where p.pressed_at <= excluded.pressed_at - interval '1 second'"
            + " returning " + OPENED + ", command")
        .execute(Tuple.of(actor, action, target, command))
        .compose(rows -> rows.size() == 1 ? Future.succeededFuture(window(rows, true))
            : db.preparedQuery("select " + OPENED + ", command from control_presses"
                    + " where actor = $1 and action = $2 and target = $3")
                .execute(Tuple.of(actor, action, target)).map(found -> window(found, false)));
  }

  /** The window open now for this press (opened under a second ago), or null. */
  public static Future<Window> open(SqlClient db, String actor, String action, String target) {
    return db.preparedQuery("select " + OPENED + ", command from control_presses where actor = $1 and action = $2"
            + " and target = $3 and pressed_at > clock_timestamp() - interval '1 second'")
        .execute(Tuple.of(actor, action, target))
        .map(rows -> rows.size() == 0 ? null : window(rows, false));
  }

  private static Window window(RowSet<Row> rows, boolean opened) {
    Row r = rows.iterator().next();
    return new Window(r.getLong(0), r.getJsonObject(1), opened);
  }

  /** Drops presses older than a day: a window lasts a second, the rows only keep the table small. */
  public static Future<Integer> forgetOlderThanADay(SqlClient db) {
    return db.query("delete from control_presses where pressed_at < now() - interval '1 day'").execute()
        .map(RowSet::rowCount);
  }
}
