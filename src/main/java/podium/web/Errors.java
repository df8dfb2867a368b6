package podium.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import podium.event.CommandRejected;
import podium.event.ErrorCode;
import podium.live.EventState;
import podium.live.EventStates;

/** Every refusal is {"error":{"code","message"}} with the status its code carries. */
final class Errors {

  private Errors() {
  }

  /** The event named by the path's :slug, or null after answering 404 unknown_event. */
  static EventState eventOf(RoutingContext ctx, EventStates states) {
    EventState state = states.bySlug(ctx.pathParam("slug"));
    if (state == null) {
      send(ctx, ErrorCode.UNKNOWN_EVENT, "no event '" + ctx.pathParam("slug") + "'");
    }
    return state;
  }

  static void send(RoutingContext ctx, ErrorCode code, String message) {
    send(ctx, code, message, null);
  }

  /** A refusal with its details (a conflict's current state and version, say) beside code and message. */
  static void send(RoutingContext ctx, CommandRejected refused) {
    send(ctx, refused.code(), refused.getMessage(), refused.details());
  }

  /** details: more fields for the error object (a conflict's state, an import's problems), or null. */
  static void send(RoutingContext ctx, ErrorCode code, String message, JsonObject details) {
    if (ctx.response().ended()) {
      return;
    }
    if (code == ErrorCode.UNAUTHORIZED) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
    }
    JsonObject error = new JsonObject().put("code", code.wire()).put("message", message);
    ctx.response().setStatusCode(code.status()).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", details == null ? error : error.mergeIn(details)).encode());
  }
}
