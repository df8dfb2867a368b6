package podium.web;

import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import podium.store.Holder;

/**
 * A request id per command: the proxy's X-Request-Id when it sends a sane one (nginx's
 * $request_id, conf/nginx), else a new one; answered in X-Request-Id. Log lines about the request
 * carry it and the actor in the MDC (requestId, actor), which the plain and the JSON logs print.
 */
public final class RequestIds {

  public static final String KEY = "requestId";
  private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** Ends what logging() put in the MDC. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  private RequestIds() {
  }

  public static void assign(RoutingContext ctx) {
    String given = ctx.request().getHeader("X-Request-Id");
    String id = given != null && SANE.matcher(given).matches() ? given
        : Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE);
    ctx.put(KEY, id);
    ctx.response().putHeader("X-Request-Id", id);
    ctx.next();
  }

  /** The MDC for one log statement: MDC is per thread, and a command's callbacks run on several. */
  public static Scope logging(RoutingContext ctx) {
    Holder holder = ctx.get(StaffAuth.HOLDER);
    MDC.put(KEY, ctx.get(KEY));
    MDC.put("actor", holder == null ? "-" : holder.actor());
    return () -> {
      MDC.remove(KEY);
      MDC.remove("actor");
    };
  }
}
