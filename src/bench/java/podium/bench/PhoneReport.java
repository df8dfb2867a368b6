package podium.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import podium.browser.ColdLoad.Profile;

/** phone.md: the table of bin/bench --phone, per run and the medians, and the median loads' waterfalls. */
final class PhoneReport {

  private PhoneReport() {
  }

  static String markdown(JsonObject json) {
    StringBuilder md = new StringBuilder();
    JsonArray runs = json.getJsonArray("runs");
    md.append(String.format(Locale.ROOT, """
        # The phone on venue Wi-Fi: cold load to the agenda shown live

        `%s`, %s. Baseline: the webroot of `%s`; new: `%s`%s. 390x844, a fresh Chromium profile per
        load, %d run(s) of %d load(s) per page and profile, alternating; each figure is the median load
        of its run, and each ratio new / baseline is within one run.

        | profile | baseline live (ms), per run | new live (ms), per run | new / baseline, per run | **median ratio** | agenda first shown (ms), median: baseline / new | sequential round trips before live: baseline / new |
        |---|---|---|---|---|---|---|
        """, json.getString("command"), json.getString("date"), json.getString("baseline_commit").substring(0, 12),
        json.getString("new_commit").substring(0, 12), json.getBoolean("new_uncommitted_changes") ? " with uncommitted changes" : "",
        runs.size(), json.getInteger("loads_per_page_and_profile")));
    for (String p : json.getJsonObject("median").fieldNames()) {
      JsonObject m = json.getJsonObject("median").getJsonObject(p);
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | **%.2f** | %.0f / %.0f | %s / %s |%n", p,
          perRun(runs, p, "baseline", "live_ms"), perRun(runs, p, "new", "live_ms"),
          perRun(runs, p, null, "ratio_live"), m.getDouble("ratio_live"), m.getDouble("baseline_agenda_ms"),
          m.getDouble("new_agenda_ms"), num(m.getValue("baseline_round_trips")), num(m.getValue("new_round_trips"))));
    }
    JsonObject last = runs.getJsonObject(runs.size() - 1);
    for (String p : json.getJsonObject("median").fieldNames()) {
      if (p.equals(Profile.UNTHROTTLED.key)) {
        continue;
      }
      for (String page : PhoneLoad.PAGES) {
        JsonObject load = last.getJsonObject(p).getJsonObject(page).getJsonObject("median_load");
        md.append(String.format(Locale.ROOT, "%n## Waterfall: %s, %s page (the median load of the last run)%n%n", p, page));
        md.append(waterfall(load));
      }
    }
    return md.toString();
  }

  /** Every request and socket exchange, in ms from navigation start, up to live. */
  static String waterfall(JsonObject load) {
    double live = load.getDouble("live_ms");
    List<String> rows = new ArrayList<>();
    rows.add("| what | start (ms) | first byte (ms) | end (ms) | bytes |");
    rows.add("|---|---|---|---|---|");
    for (Object o : load.getJsonArray("requests")) {
      JsonObject r = (JsonObject) o;
      rows.add(String.format(Locale.ROOT, "| %s (%s)%s | %.0f | %.0f | %.0f | %s |", r.getString("name"),
          r.getString("initiator"), r.getDouble("end") > live ? " after live" : "", r.getDouble("start"),
          r.getDouble("responseStart"), r.getDouble("end"), num(r.getValue("bytes"))));
    }
    for (Object o : load.getJsonArray("sockets")) {
      JsonObject s = (JsonObject) o;
      rows.add(String.format(Locale.ROOT, "| WebSocket /live upgrade | %.0f | | %s | |", s.getDouble("created"),
          num(s.getValue("open"))));
      StringBuilder frames = new StringBuilder();
      for (Object f : s.getJsonArray("frames")) {
        JsonObject fr = (JsonObject) f;
        frames.append(String.format(Locale.ROOT, " %s %.0f ms (%d B);", fr.getString("type"), fr.getDouble("at"),
            fr.getInteger("bytes")));
      }
      rows.add(String.format(Locale.ROOT, "| hello sent, then frames:%s | %s | | | |", frames, num(s.getValue("sent"))));
    }
    rows.add(String.format(Locale.ROOT, "| **agenda first shown / live** | %.0f / **%.0f** | | | |",
        load.getDouble("agenda_ms"), live));
    rows.add(String.format(Locale.ROOT, "%nSequential round trips before live (requests and the socket's upgrade, ColdLoad.roundTrips): %d.%n",
        load.getInteger("round_trips_before_live")));
    return String.join("\n", rows) + "\n";
  }

  private static String perRun(JsonArray runs, String profile, String page, String figure) {
    List<String> out = new ArrayList<>();
    for (Object o : runs) {
      JsonObject p = ((JsonObject) o).getJsonObject(profile);
      out.add(num(page == null ? p.getValue(figure) : p.getJsonObject(page).getValue(figure)));
    }
    return String.join(", ", out);
  }

  private static String num(Object v) {
    if (!(v instanceof Number n)) {
      return "–";
    }
    double d = n.doubleValue();
    return d == Math.rint(d) && Math.abs(d) >= 10 ? String.format(Locale.ROOT, "%.0f", d)
        : Math.abs(d) >= 10 ? String.format(Locale.ROOT, "%.0f", d) : String.format(Locale.ROOT, "%.2f", d);
  }
}
