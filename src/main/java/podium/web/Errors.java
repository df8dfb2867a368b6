package podium.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/** Every refusal is {"error":{"code","message"}} with a status chosen by its code. */
final class Errors {

  private static final Map<String, Integer> STATUS = Map.ofEntries(
      Map.entry("malformed_json", 400), Map.entry("unknown_command", 400), Map.entry("invalid_field", 400),
      Map.entry("bad_idempotency_key", 400), Map.entry("unauthorized", 401), Map.entry("forbidden", 403),
      Map.entry("unknown_event", 404), Map.entry("not_found", 404), Map.entry("method_not_allowed", 405),
      Map.entry("stale_version", 409), Map.entry("invalid_state", 409), Map.entry("room_busy", 409),
      Map.entry("duplicate_id", 409), Map.entry("past_day_end", 409), Map.entry("body_too_large", 413),
      Map.entry("unsupported_media_type", 415), Map.entry("idempotency_key_reused", 422),
      Map.entry("unknown_session", 422), Map.entry("unknown_room", 422), Map.entry("unknown_speaker", 422),
      Map.entry("unknown_award", 422), Map.entry("unknown_nominee", 422), Map.entry("unknown_announcement", 422),
      Map.entry("unknown_screen", 422), Map.entry("unknown_code", 422), Map.entry("too_many_screens", 429),
      Map.entry("unavailable", 503),
      Map.entry("starting", 503));

  private Errors() {
  }

  /** The event named by the path's :slug, or null after answering 404 unknown_event. */
  static podium.live.EventState eventOf(RoutingContext ctx, podium.live.EventStates states) {
    podium.live.EventState state = states.bySlug(ctx.pathParam("slug"));
    if (state == null) {
      send(ctx, "unknown_event", "no event '" + ctx.pathParam("slug") + "'");
    }
    return state;
  }

  static int status(String code) {
    return STATUS.getOrDefault(code, 422);
  }

  static void send(RoutingContext ctx, String code, String message) {
    if (ctx.response().ended()) {
      return;
    }
    if (code.equals("unauthorized")) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
    }
    ctx.response().setStatusCode(status(code)).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", new JsonObject().put("code", code).put("message", message)).encode());
  }
}
