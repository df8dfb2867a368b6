package podium.store;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;

/**
 * SQL for login_failures: failed logins per account and per address within a window, kept in
 * PostgreSQL so that every node counts the same. A success clears the account's count.
 */
public final class LoginFailures {

  public static final Duration WINDOW = Duration.ofMinutes(15);
  public static final int PER_ACCOUNT = 5;
  public static final int PER_ADDRESS = 20;

  /** How many failures each key had in the window. */
  public record Counts(long account, long address) {
    public boolean limited() {
      return account >= PER_ACCOUNT || address >= PER_ADDRESS;
    }
  }

  private LoginFailures() {
  }

  public static Future<Counts> recent(SqlClient db, String login, String address) {
    return db.preparedQuery("select count(*) filter (where key = $1), count(*) filter (where key = $2)"
            + " from login_failures where key in ($1, $2) and at > now() - make_interval(mins => $3)")
        .execute(Tuple.of("login:" + login, "address:" + address, (int) WINDOW.toMinutes()))
        .map(rows -> new Counts(rows.iterator().next().getLong(0), rows.iterator().next().getLong(1)));
  }

  public static Future<Void> record(SqlClient db, String login, String address) {
    return db.preparedQuery("insert into login_failures (key) values ($1), ($2)")
        .execute(Tuple.of("login:" + login, "address:" + address)).mapEmpty();
  }

  public static Future<Void> clear(SqlClient db, String login) {
    return db.preparedQuery("delete from login_failures where key = $1").execute(Tuple.of("login:" + login)).mapEmpty();
  }

  public static Future<Integer> forgetOld(SqlClient db) {
    return db.query("delete from login_failures where at < now() - interval '1 hour'").execute()
        .map(rows -> rows.rowCount());
  }
}
