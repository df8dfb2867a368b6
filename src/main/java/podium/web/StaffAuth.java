package podium.web;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import podium.event.ErrorCode;
import podium.event.Permission;
import podium.store.Credentials;
import podium.store.Hashes;
import podium.live.Cookies;
import podium.live.Origins;
import podium.store.Holder;

/**
 * Lets a request through only with a valid credential and the permission its route needs: a staff
 * login (the session cookie, plus the CSRF header on anything that changes state) or an API token
 * ("Authorization: Bearer"). Puts the holder on the context.
 */
public final class StaffAuth implements Handler<RoutingContext> {

  public static final String HOLDER = "holder";
  public static final String COOKIE = Cookies.SESSION;
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

  private final Credentials credentials;
  private final Permission needed;

  public StaffAuth(Credentials credentials, Permission needed) {
    this.credentials = credentials;
    this.needed = needed;
  }

  public static String bearer(String header) {
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : null;
  }

  public static String sessionId(HttpServerRequest request) {
    Cookie c = request.getCookie(COOKIE);
    return c == null ? null : c.getValue();
  }

  /**
   * The CSRF token of a session: derived from its id, which the page cannot read (HttpOnly), and
   * which this cannot be turned back into. A cross-site page can neither read it nor send the header.
   */
  public static String csrfOf(String sessionId) {
    return Hashes.sha256("csrf:" + sessionId).substring(0, 32);
  }

  @Override
  public void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String token = bearer(request.getHeader("Authorization"));
    String session = token == null ? sessionId(request) : null;
    if (token == null && session == null) {
      Errors.send(ctx, ErrorCode.UNAUTHORIZED, "log in, or send 'Authorization: Bearer <token>'");
      return;
    }
    if (session != null && !SAFE.contains(request.method()) && !sameSite(ctx, session)) {
      Errors.send(ctx, ErrorCode.CSRF_REFUSED, "this request did not come from the console (CSRF header or Origin)");
      return;
    }
    request.pause();
    (token != null ? credentials.byToken(token) : credentials.bySession(session)).onComplete(found -> {
      request.resume();
      Holder holder = found.succeeded() ? found.result() : null;
      if (found.failed()) {
        Errors.unavailable(ctx);
      } else if (holder == null) {
        Errors.send(ctx, ErrorCode.UNAUTHORIZED, token != null ? "that token is not valid"
            : "your login has ended; log in again");
      } else if (!needed.grantedTo(holder.role())) {
        Errors.send(ctx, ErrorCode.FORBIDDEN, "the " + holder.role().wire() + " role may not do this");
      } else {
        ctx.put(HOLDER, holder);
        ctx.next();
      }
    });
  }

  /** The session's CSRF header, and an Origin (when the browser sends one) of this very host. */
  private static boolean sameSite(RoutingContext ctx, String session) {
    String csrf = ctx.request().getHeader(CSRF_HEADER);
    return csrf != null && Hashes.constantTimeEquals(csrf, csrfOf(session))
        && Origins.sameHost(ctx.request().getHeader("Origin"), ctx.request().getHeader("Host"));
  }
}
