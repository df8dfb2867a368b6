package podium.commands;

import podium.web.Errors;
import podium.web.StaffAuth;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;
import podium.event.Audience;
import podium.event.ChangeCodec;
import podium.event.ErrorCode;
import podium.live.EventState;
import podium.live.EventStates;
import podium.store.ChangeLog;
import podium.store.Holder;

/** The change log read back for staff: who changed what, when, at which version. */
final class AuditApi {

  static final int PAGE = 200;

  private final Pool pool;
  private final EventStates states;
  private final StaffAuth auth;

  AuditApi(Pool pool, EventStates states, StaffAuth auth) {
    this.pool = pool;
    this.states = states;
    this.auth = auth;
  }

  void mount(Router router) {
    router.get("/api/events/:slug/changes").handler(auth).handler(this::changes);
  }

  private void changes(RoutingContext ctx) {
    EventState state = Errors.eventOf(ctx, states);
    if (state == null) {
      return;
    }
    String after = ctx.queryParams().get("after");
    if (after != null && !after.matches("\\d{1,18}")) {
      Errors.send(ctx, ErrorCode.INVALID_FIELD, "'after' must be a version number");
      return;
    }
    ChangeLog.after(pool, state.id(), after == null ? 0 : Long.parseLong(after), PAGE).onComplete(found -> {
      if (found.failed()) {
        Errors.unavailable(ctx);
        return;
      }
      Audience audience = Audience.of(ctx.<Holder>get(StaffAuth.HOLDER).role());
      JsonArray changes = new JsonArray();
      for (ChangeLog.Entry e : found.result()) {
        JsonObject entry = new JsonObject().put("version", e.version()).put("kind", e.change().kind().wire())
            .put("audience", e.change().audience().wire()).put("actor", e.actor()).put("at", e.at().toString());
        // Embargoed results stay out of reach of the roles that may not see them, here too.
        changes.add(audience.sees(e.change().audience())
            ? entry.put("data", ChangeCodec.encode(e.change(), audience)) : entry.put("hidden", true));
      }
      ctx.json(new JsonObject().put("changes", changes).put("more", changes.size() == PAGE));
    });
  }
}
