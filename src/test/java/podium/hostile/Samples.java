package podium.hostile;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import podium.TestNode;
import podium.event.Catalogue;

/**
 * Valid inputs for the demo event, for the fuzzers to mutate: a body for every command of the
 * catalogue (made from its field names, so a command added later gets one too), the bodies of the
 * other routes, and hellos.
 */
final class Samples {

  /** Bodies the demo accepts as seeded, where a guess from the field names would not do. */
  private static final Map<String, String> EXACT = Map.of(
      "session.start", "{\"session\":\"opening-ceremony\"}",
      "session.move", "{\"session\":\"keynote-wang-haizhou\",\"room\":\"forum-a\"}",
      "award.set_results", "{\"award\":\"leading-enterprises\",\"results\":[{\"rank\":1,\"nominee\":\"demo-enterprise-c\"}]}",
      "clock.set", "{\"speed\":2}",
      "event.update", "{\"venue\":\"Elsewhere\"}",
      "room.add", "{\"room\":\"r-fuzz\",\"name\":\"R\"}",
      "speaker.add", "{\"speaker\":\"s-fuzz\",\"name\":\"S\"}",
      "award.add", "{\"award\":\"a-fuzz\",\"session\":\"awards-ceremony\",\"name\":\"A\"}",
      "session.add", "{\"session\":\"x-fuzz\",\"kind\":\"meeting\",\"room\":\"forum-a\",\"title\":\"X\","
          + "\"start\":\"2023-08-16T10:00\",\"end\":\"2023-08-16T10:30\"}");

  private Samples() {
  }

  static List<String> commandTypes() {
    return Catalogue.entries().stream().map(Catalogue.Entry::type).toList();
  }

  /** A plausible body of this command type, with its type. */
  static JsonObject command(Catalogue.Entry<?> entry) {
    JsonObject body = EXACT.containsKey(entry.type()) ? new JsonObject(EXACT.get(entry.type())) : new JsonObject();
    if (!EXACT.containsKey(entry.type())) {
      for (String field : entry.fields()) {
        body.put(field, guess(field));
      }
    }
    return body.put("type", entry.type());
  }

  /** What a field of that name usually holds in the demo. */
  static Object guess(String field) {
    return switch (field) {
      case "session" -> "keynote-gan-yong";
      case "room" -> "forum-a";
      case "speaker", "next" -> "gan-yong";
      case "award" -> "leading-enterprises";
      case "nominee" -> "demo-enterprise-c";
      case "announcement" -> "a-fuzz";
      case "screen" -> "none";
      case "code" -> "ABCDEF";
      case "minutes" -> 5;
      case "cascade", "paused" -> false;
      case "start", "at", "expiresAt" -> "2023-08-16T10:00";
      case "end" -> "2023-08-16T10:30";
      case "kind" -> "meeting";
      case "layout" -> "room";
      case "lang" -> "en";
      case "rank", "position", "version" -> 1;
      case "speed" -> 2;
      case "mode" -> "simulated";
      case "days" -> new JsonArray().add("2023-08-16");
      case "timeZone" -> "Asia/Shanghai";
      case "speakers" -> new JsonArray().add("gan-yong");
      case "results" -> new JsonArray().add(new JsonObject().put("rank", 1).put("nominee", "demo-enterprise-c"));
      case "expiresInMinutes" -> 10;
      default -> "Fuzz " + field;
    };
  }

  /** A plausible body for a route other than the commands, by its path. */
  static JsonObject body(String path) {
    return new JsonObject(switch (path) {
      case "/api/login" -> "{\"login\":\"nobody\",\"password\":\"not the password\"}";
      case "/api/me/password" -> "{\"current\":\"not the password\",\"password\":\"a long new password\"}";
      case "/api/setup" -> "{\"token\":\"forged\",\"login\":\"boss\",\"name\":\"Boss\",\"password\":\"a long password\"}";
      case "/api/staff" -> "{\"login\":\"fuzz\",\"name\":\"Fuzz\",\"role\":\"editor\",\"password\":\"a long password\"}";
      case "/api/staff/:login" -> "{\"name\":\"Fuzz\"}";
      case "/api/tokens" -> "{\"name\":\"fuzz\",\"role\":\"editor\"}";
      case "/api/events" -> "{\"slug\":\"fuzz\",\"title\":\"Fuzz\",\"timeZone\":\"Asia/Shanghai\",\"days\":[\"2026-05-01\"]}";
      case "/api/events/import" -> "{\"slug\":\"fuzz-import\",\"format\":\"podium\",\"document\":{}}";
      default -> path.contains("webhooks")
          ? "{\"url\":\"http://127.0.0.1:9/hook\",\"kinds\":[\"session.delayed\"],\"secret\":\"0123456789abcdef\"}" : "{}";
    });
  }

  /** Hellos the demo answers with a welcome (given these tokens), for the frame fuzzer. */
  static List<JsonObject> hellos(String staffToken, String screen, String screenToken) {
    String slug = TestNode.SLUG;
    return List.of(
        new JsonObject().put("type", "hello").put("event", slug),
        new JsonObject().put("type", "hello").put("event", slug).put("channels", new JsonArray().add("public")
            .add("room:main-hall")).put("lang", "zh"),
        new JsonObject().put("type", "hello").put("event", slug).put("channels", new JsonArray().add("staff"))
            .put("token", staffToken),
        new JsonObject().put("type", "hello").put("event", slug).put("channels", new JsonArray().add("public")
            .add("room:main-hall").add("screen:" + screen)).put("token", screenToken),
        new JsonObject().put("type", "hello").put("event", slug).put("resume",
            new JsonObject().put("epoch", "00000000").put("version", 3)));
  }
}
