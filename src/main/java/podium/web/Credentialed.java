package podium.web;

import io.vertx.ext.web.RoutingContext;
import podium.event.ErrorCode;

/** Refuses a request with no credential at all before its body is read: an import's body may be megabytes. */
public final class Credentialed {

  private Credentialed() {
  }

  public static void first(RoutingContext ctx) {
    if (StaffAuth.bearer(ctx.request().getHeader("Authorization")) == null && StaffAuth.sessionId(ctx.request()) == null) {
      Errors.send(ctx, ErrorCode.UNAUTHORIZED, "log in, or send 'Authorization: Bearer <token>'");
    } else {
      ctx.next();
    }
  }
}
