package podium.screens;

import podium.web.Errors;
import podium.web.PerMinute;
import podium.web.StaffAuth;
import podium.event.ErrorCode;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;
import podium.live.ClientAddress;
import podium.live.EventState;
import podium.live.EventStates;
import podium.store.ScreenTable;

/** Screens ask to be paired, learn their assignment, and staff see the fleet with its presence. */
final class ScreenApi {

  private final Pool pool;
  private final EventStates states;
  private final StaffAuth auth;
  private final PerMinute limit;

  ScreenApi(Pool pool, EventStates states, StaffAuth auth, PerMinute limit) {
    this.limit = limit;
    this.pool = pool;
    this.states = states;
    this.auth = auth;
  }

  void mount(Router router) {
    // It takes no body: one announced or sent anyway is refused (413) rather than taken in and ignored.
    router.post("/api/screens").handler(BodyHandler.create(false).setBodyLimit(1_024)).handler(this::create);
    router.get("/api/screens/me").handler(this::me);
    router.get("/api/events/:slug/screens").handler(auth).handler(this::fleet);
  }

  private void create(RoutingContext ctx) {
    String address = ClientAddress.of(ctx.request().remoteAddress());
    if (!limit.allows(address)) {
      Errors.send(ctx, ErrorCode.TOO_MANY_SCREENS, "too many new screens from this address; try again in a minute");
      return;
    }
    ScreenTable.create(pool).onComplete(made -> {
      if (made.failed()) {
        Errors.unavailable(ctx);
      } else if (made.result() == null) {
        Errors.send(ctx, ErrorCode.TOO_MANY_SCREENS, "too many screens are waiting to be paired; try again later");
      } else {
        ctx.response().setStatusCode(201).putHeader("Cache-Control", "no-store");
        ctx.json(made.result());
      }
    });
  }

  private void me(RoutingContext ctx) {
    ScreenTable.byToken(pool, StaffAuth.bearer(ctx.request().getHeader("Authorization"))).onComplete(found -> {
      if (found.failed()) {
        Errors.unavailable(ctx);
        return;
      }
      ScreenTable.Device d = found.result();
      if (d == null) {
        Errors.send(ctx, ErrorCode.UNAUTHORIZED, "send the screen's device token as 'Authorization: Bearer <token>'");
        return;
      }
      JsonObject answer = new JsonObject().put("screen", d.screen()).put("paired", d.paired());
      if (d.paired()) {
        answer.put("event", d.eventSlug()).mergeIn(d.assignment());
      } else {
        answer.put("code", d.code());
      }
      ctx.response().putHeader("Cache-Control", "no-store");
      ctx.json(answer);
    });
  }

  private void fleet(RoutingContext ctx) {
    EventState state = Errors.eventOf(ctx, states);
    if (state == null) {
      return;
    }
    long version = state.view().version();
    ScreenTable.presence(pool, state.slug(), version).onComplete(list -> {
      if (list.failed()) {
        Errors.unavailable(ctx);
      } else {
        ctx.json(new JsonObject().put("version", version).put("screens", list.result()));
      }
    });
  }
}
