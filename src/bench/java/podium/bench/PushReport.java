package podium.bench;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** push.json and push.md (bin/bench --push). */
final class PushReport {

  private PushReport() {
  }

  static void write(Path dir, JsonObject r) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("push.json"), r.encodePrettily() + "\n");
    String md = markdown(r);
    Files.writeString(dir.resolve("push.md"), md);
    System.out.println();
    System.out.println(md);
    System.out.println("wrote " + dir.resolve("push.json") + ", push.md");
  }

  static String markdown(JsonObject r) {
    JsonObject runs = r.getJsonObject("runs");
    JsonObject a = runs.getJsonObject("without");
    JsonObject a2 = runs.getJsonObject("without_again");
    JsonObject b = runs.getJsonObject("with");
    JsonObject with = r.getJsonObject("ratios").getJsonObject("with_over_without");
    JsonObject noise = r.getJsonObject("ratios").getJsonObject("without_again_over_without");
    JsonObject p = r.getJsonObject("push");
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT, """
        Web Push beside the fan-out: %d subscribers, %d commands at %.1f/s (the first measured one a %d-minute \
        cascade moving %d sessions), %d phones each starring the %d; %d cores, %s
        `%s`

        | figure | without | without, again | with the burst | **with ÷ without (again)** | again ÷ without (noise) |
        |---|---|---|---|---|---|
        """, r.getInteger("subscribers"), r.getInteger("commands"), r.getDouble("rate_per_s"),
        PushBench.CASCADE_MINUTES, r.getInteger("sessions_per_phone"), r.getInteger("phones"),
        r.getInteger("sessions_per_phone"), r.getInteger("cores"), r.getString("date"), r.getString("command")));
    row(md, "delivery p50 (ms)", "delivery_p50_ms", a, a2, b, with, noise);
    row(md, "delivery p99 (ms)", "delivery_p99_ms", a, a2, b, with, noise);
    row(md, "command POST p50 (ms)", "command_p50_ms", a, a2, b, with, noise);
    row(md, "command POST p99 (ms)", "command_p99_ms", a, a2, b, with, noise);
    row(md, "hub CPU per delivered frame (µs)", "cpu_us_per_frame", a, a2, b, with, noise);
    md.append(String.format(Locale.ROOT, "| frames lost / gaps | %d / %d | %d / %d | %d / %d | | |%n", a.getLong("lost"),
        a.getLong("gaps"), a2.getLong("lost"), a2.getLong("gaps"), b.getLong("lost"), b.getLong("gaps")));
    md.append(String.format(Locale.ROOT, """

        | push figure | value |
        |---|---|
        | notices expected (phones × sessions; no newer notice replaced one: nothing else touched the %d) | %d |
        | taken by the push service / refused / duplicates | %d / %d / %d |
        | subscriptions made through POST /api/events/{slug}/push (s) | %.1f |
        | first notice after the cascade's POST (ms) | %s |
        | **every notice sent, after the cascade's POST (s)** | **%s** |
        | push rate, first to last (per s) ÷ PODIUM_PUSH_PER_SECOND (%d) × %d node(s) | %.1f: **%.2f** |
        | notices during the measured fan-out (%.0f s from the cascade): count, per s | %d, %.1f |
        | after the fan-out: count, per s | %d, %s |
        | hub CPU per push after the fan-out (µs): all-in / net of idle (%.0f µs/s) | %s / %s |
        | PostgreSQL CPU per push after the fan-out (µs): all-in / net of idle (%.0f µs/s) | %s / %s |
        """, r.getInteger("sessions_per_phone"), p.getLong("notices_expected"), p.getLong("received"),
        p.getLong("refused"), p.getLong("duplicates"), p.getDouble("subscribe_s"), p.getValue("first_after_cascade_ms"),
        p.getValue("all_after_cascade_s"), p.getInteger("push_per_second_setting"), p.getInteger("nodes"),
        p.getDouble("rate_per_s"), p.getDouble("rate_over_setting"), p.getDouble("pushes_during_fanout_window_s"),
        p.getLong("during_fanout"), p.getDouble("rate_during_fanout_per_s"), p.getLong("after_fanout"),
        p.getValue("rate_after_fanout_per_s"), p.getDouble("idle_hub_cpu_us_per_s"), p.getValue("hub_cpu_us_per_push"),
        p.getValue("hub_cpu_us_per_push_net_of_idle"), p.getDouble("idle_pg_cpu_us_per_s"),
        p.getValue("pg_cpu_us_per_push"), p.getValue("pg_cpu_us_per_push_net_of_idle")));
    if (p.getString("first_problem") != null) {
      md.append("\nFirst refused request: ").append(p.getString("first_problem")).append('\n');
    }
    return md.toString();
  }

  private static void row(StringBuilder md, String name, String key, JsonObject a, JsonObject a2, JsonObject b,
      JsonObject with, JsonObject noise) {
    md.append("| ").append(name).append(" | ").append(a.getValue(key)).append(" | ").append(a2.getValue(key))
        .append(" | ").append(b.getValue(key)).append(" | **").append(with.getValue(key)).append("** | ")
        .append(noise.getValue(key)).append(" |\n");
  }
}
