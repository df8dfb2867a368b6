package podium.screens;

import podium.web.Errors;
import podium.web.StaffAuth;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import java.util.LinkedHashMap;
import java.util.Map;
import podium.event.ErrorCode;
import podium.live.Deliveries;
import podium.live.EventState;
import podium.live.EventStates;
import podium.store.DeliveryReports;
import podium.store.ScreenTable;

/**
 * The delivery report, live in the console: for each recent change, how many screens and phones
 * have applied it (per room, of how many connected now, summed over every node through PostgreSQL),
 * how long it took them, and which screens have not applied it 3 seconds after it was made.
 */
final class DeliveryApi {

  static final long LAGGING_AFTER_MS = 3_000;
  private static final int MAX_VERSIONS = 100;

  private final Pool pool;
  private final EventStates states;
  private final StaffAuth auth;

  DeliveryApi(Pool pool, EventStates states, StaffAuth auth) {
    this.pool = pool;
    this.states = states;
    this.auth = auth;
  }

  void mount(Router router) {
    router.get("/api/events/:slug/deliveries").handler(auth).handler(this::report);
  }

  private void report(RoutingContext ctx) {
    EventState state = Errors.eventOf(ctx, states);
    if (state == null) {
      return;
    }
    String last = ctx.queryParams().get("last");
    if (last != null && !last.matches("\\d{1,3}")) {
      Errors.send(ctx, ErrorCode.INVALID_FIELD, "'last' must be a number of versions, at most " + MAX_VERSIONS);
      return;
    }
    int count = last == null ? 20 : Math.min(MAX_VERSIONS, Integer.parseInt(last));
    long version = state.view().version();
    Future<JsonArray> rows = DeliveryReports.recent(pool, state.id(), Math.max(0, version - count));
    Future<JsonArray> screens = ScreenTable.presence(pool, state.slug(), version);
    Future.all(rows, screens).onComplete(done -> {
      if (done.failed()) {
        Errors.unavailable(ctx);
        return;
      }
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.json(summary(version, rows.result(), screens.result(), System.currentTimeMillis()));
    });
  }

  /** Adds up the nodes' rows: per version, newest first. */
  static JsonObject summary(long version, JsonArray rows, JsonArray screens, long now) {
    Map<Long, JsonObject> byVersion = new LinkedHashMap<>();
    JsonObject connected = new JsonObject();
    for (Object o : rows) {
      JsonObject row = (JsonObject) o;
      JsonObject report = row.getJsonObject("report");
      if (row.getLong("version") == DeliveryReports.CONNECTED) {
        add(connected, report.getJsonObject("connected"));
        continue;
      }
      JsonObject v = byVersion.computeIfAbsent(row.getLong("version"), n -> new JsonObject().put("version", n)
          .put("kind", row.getString("kind")).put("at", row.getLong("at")).put("reached", new JsonObject())
          .put("buckets", new JsonArray()));
      if (report != null) {
        add(v.getJsonObject("reached"), report.getJsonObject("reached"));
        JsonArray sum = v.getJsonArray("buckets");
        JsonArray mine = report.getJsonArray("buckets");
        for (int i = 0; i < mine.size(); i++) {
          if (i < sum.size()) {
            sum.set(i, sum.getLong(i) + mine.getLong(i));
          } else {
            sum.add(mine.getLong(i));
          }
        }
      }
    }
    JsonArray versions = new JsonArray();
    byVersion.values().stream().sorted((a, b) -> Long.compare(b.getLong("version"), a.getLong("version")))
        .forEach(v -> versions.add(version(v, connected, screens, now)));
    return new JsonObject().put("version", version).put("connected", byKind(connected, connected))
        .put("versions", versions);
  }

  private static JsonObject version(JsonObject v, JsonObject connected, JsonArray screens, long now) {
    JsonArray buckets = v.getJsonArray("buckets");
    JsonArray lagging = new JsonArray();
    long at = v.getLong("at", now);
    if (now - at > LAGGING_AFTER_MS) {
      for (Object o : screens) {
        JsonObject s = (JsonObject) o;
        Long shown = s.getLong("versionShown");
        if (s.getBoolean("online", false) && (shown == null || shown < v.getLong("version"))) {
          lagging.add(new JsonObject().put("screen", s.getString("screen")).put("name", s.getJsonObject("name"))
              .put("room", s.getString("room")).put("versionShown", shown));
        }
      }
    }
    return new JsonObject().put("version", v.getLong("version")).put("kind", v.getString("kind")).put("at", at)
        .put("reached", byKind(v.getJsonObject("reached"), connected)).put("p50Ms", percentile(buckets, 0.50))
        .put("p99Ms", percentile(buckets, 0.99)).put("lagging", lagging);
  }

  /** {"screens": {"have", "of", "rooms": {room: {have, of}}}, "phones": {…}} from "room|kind" counts. */
  private static JsonObject byKind(JsonObject reached, JsonObject connected) {
    JsonObject out = new JsonObject();
    for (String kind : new String[] {"screen", "phone"}) {
      JsonObject rooms = new JsonObject();
      long have = 0;
      long of = 0;
      for (String where : union(reached, connected)) {
        if (where.endsWith("|" + kind)) {
          String room = where.substring(0, where.length() - kind.length() - 1);
          long h = reached.getLong(where, 0L);
          long c = connected.getLong(where, 0L);
          rooms.put(room, new JsonObject().put("have", h).put("of", c));
          have += h;
          of += c;
        }
      }
      out.put(kind + "s", new JsonObject().put("have", have).put("of", of).put("rooms", rooms));
    }
    return out;
  }

  private static java.util.Set<String> union(JsonObject a, JsonObject b) {
    java.util.Set<String> keys = new java.util.TreeSet<>(a.fieldNames());
    keys.addAll(b.fieldNames());
    return keys;
  }

  private static void add(JsonObject into, JsonObject counts) {
    if (counts != null) {
      counts.forEach(e -> into.put(e.getKey(), into.getLong(e.getKey(), 0L) + ((Number) e.getValue()).longValue()));
    }
  }

  /** The upper bound of the bucket the share falls in: coarse, but the same whichever nodes add up. */
  private static Long percentile(JsonArray buckets, double share) {
    long total = 0;
    for (int i = 0; i < buckets.size(); i++) {
      total += buckets.getLong(i);
    }
    if (total == 0) {
      return null;
    }
    long seen = 0;
    for (int i = 0; i < buckets.size(); i++) {
      seen += buckets.getLong(i);
      if (seen >= Math.ceil(total * share)) {
        long bound = Deliveries.BUCKETS_MS[i];
        return bound == Long.MAX_VALUE ? Deliveries.BUCKETS_MS[i - 1] : bound;
      }
    }
    return null;
  }
}
