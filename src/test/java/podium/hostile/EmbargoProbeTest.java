package podium.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import podium.Await;
import podium.TestNode;
import podium.event.Role;
import podium.live.AddressLimits;
import podium.outbound.WebhookSettings;

/**
 * Embargo probes: every public read the router has (snapshot, list, exports in every format, a
 * session's calendar file), a webhook's deliveries, and the frames a phone, a screen and an editor
 * receive, before a reveal, after it, after award.unreveal and after change.undo. An unrevealed
 * result (an object with a rank and a nominee) is never in any of them; nor is a rank in the
 * exports before its reveal.
 */
@ExtendWith(VertxExtension.class)
@Tag("node")
class EmbargoProbeTest {

  private static final String AWARD = "individual-accolades";
  private static final String WINNER = "demo-laureate-b";
  private final Tally tally = new Tally("embargo");

  @Test
  void noUnrevealedResultReachesAnyPublicReadWebhookOrFrame(Vertx vertx) {
    List<String> hooked = new CopyOnWriteArrayList<>();
    HttpServer receiver = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(b -> {
      hooked.add(b.toString());
      req.response().setStatusCode(204).end();
    })).listen(0, "127.0.0.1").await();
    WebhookSettings interop = new WebhookSettings(true, 200, 10);
    try (HostileHub hub = HostileHub.start(vertx, "embargo", AddressLimits.Settings.DEFAULTS, interop)) {
      hub.admin(HttpMethod.POST, "/api/events/" + TestNode.SLUG + "/webhooks", new JsonObject()
          .put("url", "http://127.0.0.1:" + receiver.actualPort() + "/hook"), 201);
      String editor = hub.tokens.get(Role.EDITOR);
      try (RawSocket phone = RawSocket.open(vertx, hub.port());
          RawSocket screen = RawSocket.open(vertx, hub.port());
          RawSocket staff = RawSocket.open(vertx, hub.port())) {
        phone.text(hello(new JsonArray().add("public"), null));
        screen.text(hello(new JsonArray().add("public").add("room:main-hall").add("screen:" + hub.screen), hub.screenToken));
        staff.text(hello(new JsonArray().add("staff"), editor));
        for (RawSocket s : List.of(phone, screen, staff)) {
          assertThat(s.await(0, f -> "snapshot".equals(f.getString("type")), Duration.ofSeconds(5))).isNotNull();
        }
        List<RawSocket> sockets = List.of(phone, screen, staff);
        long set = command(hub, "{\"type\":\"award.set_results\",\"award\":\"" + AWARD + "\",\"results\":["
            + "{\"rank\":1,\"nominee\":\"" + WINNER + "\"},{\"rank\":2,\"nominee\":\"demo-laureate-a\"},"
            + "{\"rank\":3,\"nominee\":\"demo-laureate-c\"}]}");
        settle(hub, sockets, null, set);
        expectNone(hub, sockets, hooked, editor, "after the results were set", false);

        long revealed = command(hub, "{\"type\":\"award.reveal\",\"award\":\"" + AWARD + "\",\"rank\":3}");
        settle(hub, sockets, hooked, revealed);
        expectNone(hub, sockets, hooked, editor, "after third place was revealed", true);
        assertThat(results(hub.api.snapshot())).as("third place is public now").containsExactly(3 + ":demo-laureate-c");

        long withdrawn = command(hub, "{\"type\":\"award.unreveal\",\"award\":\"" + AWARD + "\"}");
        settle(hub, sockets, hooked, withdrawn);
        expectNone(hub, sockets, hooked, editor, "after award.unreveal", false);

        long again = command(hub, "{\"type\":\"award.reveal\",\"award\":\"" + AWARD + "\",\"rank\":3}");
        long undone = command(hub, "{\"type\":\"change.undo\",\"version\":" + again + "}");
        settle(hub, sockets, hooked, undone);
        expectNone(hub, sockets, hooked, editor, "after change.undo of a reveal", false);
        assertThat(hooked).as("the webhook was delivered to").isNotEmpty();
      }
    } finally {
      receiver.close().await();
    }
    tally.report();
  }

  private static String hello(JsonArray channels, String token) {
    JsonObject h = new JsonObject().put("type", "hello").put("event", TestNode.SLUG).put("channels", channels);
    return (token == null ? h : h.put("token", token)).encode();
  }

  private static long command(HostileHub hub, String json) {
    return hub.admin(HttpMethod.POST, "/api/events/" + TestNode.SLUG + "/commands", new JsonObject(json), 200)
        .getLong("version");
  }

  /** Until every socket, the public snapshot and (hooked given: a public change) the webhook reached the version. */
  private static void settle(HostileHub hub, List<RawSocket> sockets, List<String> hooked, long version) {
    Await.until("the snapshot, every socket" + (hooked == null ? "" : " and the webhook") + " at version " + version,
        () -> behind(hub, sockets, hooked, version), List::isEmpty);
  }

  /** Which of them has not reached the version yet. */
  private static List<String> behind(HostileHub hub, List<RawSocket> sockets, List<String> hooked, long version) {
    List<String> behind = new ArrayList<>();
    if (hub.version() < version) {
      behind.add("the snapshot");
    }
    for (int i = 0; i < sockets.size(); i++) {
      if (sockets.get(i).frames.stream().noneMatch(f -> f.getLong("version", -1L) >= version
          && !"welcome".equals(f.getString("type")))) {
        behind.add("socket " + i);
      }
    }
    if (hooked != null && hooked.stream().noneMatch(b -> b.contains("\"version\":" + version))) {
      behind.add("the webhook");
    }
    return behind;
  }

  /** Result objects in a document: "rank:nominee" for every object with both. */
  static List<String> results(Object json) {
    List<String> out = new ArrayList<>();
    if (json instanceof JsonObject o) {
      if (o.containsKey("rank") && o.containsKey("nominee")) {
        out.add(o.getValue("rank") + ":" + o.getValue("nominee"));
      }
      o.forEach(e -> out.addAll(results(e.getValue())));
    } else if (json instanceof JsonArray a) {
      a.forEach(v -> out.addAll(results(v)));
    }
    return out;
  }

  /** Every public GET route of the router, with the demo's slug and the awards ceremony's calendar file. */
  private static Map<String, HttpResponse<Buffer>> publicReads(HostileHub hub, String editor) {
    Map<String, HttpResponse<Buffer>> reads = new LinkedHashMap<>();
    for (Routes.Target t : Routes.api(hub.node())) {
      if (StaffRoutes.isPublic(t) && !t.prefix() && t.methods().contains(HttpMethod.GET)) {
        String path = t.path().replace(":slug", TestNode.SLUG).replace(":file", "awards-ceremony.ics");
        reads.put(path, hub.api.get(path));
      }
    }
    String slug = TestNode.SLUG;
    reads.put("editor: staff snapshot", hub.api.get("/api/staff/events/" + slug, "Authorization", "Bearer " + editor));
    reads.put("editor: change log", hub.api.get("/api/events/" + slug + "/changes", "Authorization", "Bearer " + editor));
    return reads;
  }

  /** Never revealed: never anywhere, at any moment. */
  private static final List<String> NEVER = List.of("1:" + WINNER, "2:demo-laureate-a");

  /**
   * The reads as they are now hold only what is revealed now (third place, or nothing); no read,
   * frame or webhook delivery so far ever held a result that was never revealed.
   */
  private void expectNone(HostileHub hub, List<RawSocket> sockets, List<String> hooked, String editor, String when,
      boolean thirdPublic) {
    for (Map.Entry<String, HttpResponse<Buffer>> read : publicReads(hub, editor).entrySet()) {
      String body = read.getValue().bodyAsString();
      tally.tried("read " + read.getKey().replace(TestNode.SLUG, "{slug}"));
      String what = when + ": " + read.getKey();
      assertThat(read.getValue().statusCode()).as(what).isLessThan(500);
      if (body == null) {
        continue;
      }
      if (body.startsWith("{")) {
        List<String> found = results(new JsonObject(body));
        assertThat(found).as(what).doesNotContainAnyElementsOf(NEVER);
        if (!read.getKey().contains("change log")) {
          assertThat(found).as(what).allMatch(r -> thirdPublic && r.equals("3:demo-laureate-c"));
        }
      } else if (!thirdPublic) {
        assertThat(body.toLowerCase(Locale.ROOT)).as(what).doesNotContain("rank").doesNotContain("winner");
      }
      assertThat(body).as(what).doesNotContain("\"revealedAt\":null");
    }
    for (String b : hooked) {
      tally.tried("webhook delivery");
      assertThat(results(new JsonObject(b))).as(when + ": a webhook delivery " + b).doesNotContainAnyElementsOf(NEVER);
      assertThat(b).doesNotContain("\"revealedAt\":null");
    }
    for (RawSocket s : sockets) {
      for (JsonObject f : s.frames) {
        tally.tried("frame");
        assertThat(f.encode()).as(when + ": a frame").doesNotContain("\"revealedAt\":null");
        assertThat(results(f)).as(when + ": frame " + f.encode()).doesNotContainAnyElementsOf(NEVER);
      }
    }
  }
}
