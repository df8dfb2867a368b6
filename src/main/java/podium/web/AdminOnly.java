package podium.web;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import podium.event.ErrorCode;
import podium.event.Role;
import podium.store.ApiTokens;

/** After StaffAuth: lets only an admin through (imports, webhooks), or answers 403 forbidden. */
final class AdminOnly implements Handler<RoutingContext> {

  private final String what;

  AdminOnly(String what) {
    this.what = what;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ApiTokens.Holder holder = ctx.get(StaffAuth.HOLDER);
    if (holder != null && Role.parse(holder.role()) == Role.ADMIN) {
      ctx.next();
    } else {
      Errors.send(ctx, ErrorCode.FORBIDDEN, what + " needs the admin role");
    }
  }

  /** Refuses a request with no bearer token before its body is read: bodies here may be megabytes. */
  static void requireBearer(RoutingContext ctx) {
    if (StaffAuth.bearer(ctx.request().getHeader("Authorization")) == null) {
      Errors.send(ctx, ErrorCode.UNAUTHORIZED, "send 'Authorization: Bearer <token>'");
    } else {
      ctx.next();
    }
  }
}
