package podium.hostile;

import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the database holds, read back to prove that a refused input changed nothing. Every table of
 * the schema is included, so tables that later migrations add are covered without a change here;
 * only bookkeeping that is written whatever the input (failed-login counts, screen presence, the
 * webhook outbox's attempts) is left out.
 */
final class StateProbe {

  /**
   * Written by refusals on purpose (the login limit) or by timers (which clients acknowledged what,
   * webhook attempts); never state a refusal may change.
   */
  private static final Set<String> BOOKKEEPING = Set.of("flyway_schema_history", "login_failures",
      "webhook_deliveries", "delivery_reports");
  /** Columns timers write: which node saw a screen last, and when; how far a webhook's deliverer got. */
  private static final Map<String, Set<String>> MOVING_COLUMNS = Map.of(
      "screens", Set.of("last_seen", "node", "version_shown"),
      "webhooks", Set.of("cursor", "state", "failures", "next_attempt_at", "paused_reason"));

  private final Pool pool;
  private final String cheap;
  private final String full;

  private StateProbe(Pool pool, String cheap, String full) {
    this.pool = pool;
    this.cheap = cheap;
    this.full = full;
  }

  /** Reads the schema once: which tables and columns there are. */
  static StateProbe of(Pool pool) {
    List<Row> columns = new ArrayList<>();
    pool.query("select table_name, column_name from information_schema.columns where table_schema = 'public'"
        + " order by table_name, ordinal_position").execute().await().forEach(columns::add);
    Map<String, List<String>> tables = columns.stream().filter(r -> !BOOKKEEPING.contains(r.getString(0)))
        .collect(Collectors.groupingBy(r -> r.getString(0), java.util.TreeMap::new,
            Collectors.mapping(r -> r.getString(1), Collectors.toList())));
    List<String> counts = new ArrayList<>();
    List<String> hashes = new ArrayList<>();
    for (Map.Entry<String, List<String>> t : tables.entrySet()) {
      Set<String> moving = MOVING_COLUMNS.getOrDefault(t.getKey(), Set.of());
      String cols = t.getValue().stream().filter(c -> !moving.contains(c)).map(c -> "t.\"" + c + "\"")
          .collect(Collectors.joining(", "));
      String table = "\"" + t.getKey() + "\"";
      counts.add("'" + t.getKey() + "=' || (select count(*) from " + table + ")");
      hashes.add("'" + t.getKey() + "=' || (select count(*) || ':' || coalesce(md5(string_agg(md5(row(" + cols
          + ")::text), '' order by md5(row(" + cols + ")::text))), '') from " + table + " t)");
    }
    String versions = "(select coalesce(string_agg(slug || ':' || version || ':' || epoch, ',' order by id), '')"
        + " from events)";
    return new StateProbe(pool, "select " + versions + " || ' ' || " + String.join(" || ' ' || ", counts),
        "select " + String.join(" || ' ' || ", hashes));
  }

  /** Every event's version and epoch, and every table's row count: cheap enough for each input. */
  String quick() {
    return pool.query(cheap).execute().await().iterator().next().getString(0);
  }

  /** A hash of every row of every table (less bookkeeping): any change at all shows. */
  String whole() {
    return pool.query(full).execute().await().iterator().next().getString(0);
  }

  /** Which tables differ between two readings, for a failure message. */
  static String difference(String before, String after) {
    List<String> a = List.of(before.split(" "));
    List<String> b = List.of(after.split(" "));
    List<String> changed = new ArrayList<>();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String x = i < a.size() ? a.get(i) : "-";
      String y = i < b.size() ? b.get(i) : "-";
      if (!x.equals(y)) {
        changed.add(x + " -> " + y);
      }
    }
    return String.join("; ", changed);
  }
}
