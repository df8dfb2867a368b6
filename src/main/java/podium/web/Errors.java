package podium.web;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.vertx.ext.web.RoutingContext;
import podium.event.CommandRejected;
import podium.event.ErrorCode;
import podium.live.EventState;
import podium.live.EventStates;

/** Every refusal is {"error":{"code","message"}} with the status its code carries. */
public final class Errors {

  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  private Errors() {
  }

  /** The event named by the path's :slug, or null after answering 404 unknown_event. */
  public static EventState eventOf(RoutingContext ctx, EventStates states) {
    EventState state = states.bySlug(ctx.pathParam("slug"));
    if (state == null) {
      send(ctx, ErrorCode.UNKNOWN_EVENT, "no event '" + ctx.pathParam("slug") + "'");
    }
    return state;
  }

  /**
   * Answers a handler's work when it fails: its refusal (a CommandRejected), or 503 unavailable for
   * anything else (the database did not answer); the work itself answers when it succeeds.
   */
  public static void answer(RoutingContext ctx, Future<?> work) {
    work.onFailure(e -> {
      if (e instanceof CommandRejected r) {
        send(ctx, r);
      } else {
        LOG.warn("{} {} failed: {}", ctx.request().method(), ctx.request().path(), e.toString());
        unavailable(ctx);
      }
    });
  }

  /** The one answer for a database that did not answer: nothing was changed, try again. */
  public static void unavailable(RoutingContext ctx) {
    send(ctx, ErrorCode.UNAVAILABLE, "the database did not answer; nothing was changed, try again");
  }

  public static void send(RoutingContext ctx, ErrorCode code, String message) {
    send(ctx, code, message, null);
  }

  /** A refusal with its details (a conflict's current state and version, say) beside code and message. */
  public static void send(RoutingContext ctx, CommandRejected refused) {
    send(ctx, refused.code(), refused.getMessage(), refused.details());
  }

  /** details: more fields for the error object (a conflict's state, an import's problems), or null. */
  public static void send(RoutingContext ctx, ErrorCode code, String message, JsonObject details) {
    if (ctx.response().ended()) {
      return;
    }
    if (code == ErrorCode.UNAUTHORIZED) {
      ctx.response().putHeader("WWW-Authenticate", "Bearer");
    }
    JsonObject error = new JsonObject().put("code", code.wire()).put("message", message);
    ctx.response().setStatusCode(Statuses.of(code)).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("error", details == null ? error : error.mergeIn(details)).encode());
  }
}
