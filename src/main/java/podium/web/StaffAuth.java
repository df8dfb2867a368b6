package podium.web;

import podium.event.ErrorCode;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.sqlclient.Pool;

/** Lets a request through only with a valid "Authorization: Bearer <token>"; puts its holder on the context. */
final class StaffAuth implements Handler<RoutingContext> {

  static final String HOLDER = "holder";

  private final TokenCache tokens;

  StaffAuth(Pool pool) {
    this.tokens = new TokenCache(pool);
  }

  static String bearer(String header) {
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String token = bearer(ctx.request().getHeader("Authorization"));
    if (token == null) {
      Errors.send(ctx, ErrorCode.UNAUTHORIZED, "send 'Authorization: Bearer <token>'");
      return;
    }
    ctx.request().pause();
    tokens.holder(token).onComplete(found -> {
      ctx.request().resume();
      if (found.failed()) {
        Errors.send(ctx, ErrorCode.UNAVAILABLE, "the database did not answer; try again");
      } else if (found.result() == null) {
        Errors.send(ctx, ErrorCode.UNAUTHORIZED, "that token is not valid");
      } else {
        ctx.put(HOLDER, found.result());
        ctx.next();
      }
    });
  }
}
