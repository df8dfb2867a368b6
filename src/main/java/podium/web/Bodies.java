package podium.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;
import podium.event.CommandRejected;
import podium.event.ErrorCode;

/** Reads a request body as one JSON object, refusing anything else with a stable code. */
public final class Bodies {

  private Bodies() {
  }

  public static JsonObject json(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      throw new CommandRejected(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
    }
    try {
      JsonObject body = ctx.body().length() == 0 ? null : ctx.body().asJsonObject();
      if (body != null) {
        String nul = NulCharacters.fieldIn(body, "");
        if (nul != null) {
          throw CommandRejected.invalidField(nul.replace("\0", "\\0"), "holds a NUL character");
        }
        return body;
      }
    } catch (DecodeException | ClassCastException e) {
      // answered below
    }
    throw new CommandRejected(ErrorCode.MALFORMED_JSON, "the body must be one JSON object");
  }

  /** A body with only these fields (so a typo is never ignored). */
  public static JsonObject json(RoutingContext ctx, Set<String> allowed) {
    JsonObject body = json(ctx);
    for (String name : body.fieldNames()) {
      if (!allowed.contains(name)) {
        throw CommandRejected.invalidField(name, "is not a field here");
      }
    }
    return body;
  }

  /** A string field of at most max characters; null when absent and not required. */
  public static String string(JsonObject body, String name, int max, boolean required) {
    Object v = body.getValue(name);
    if (v == null && !required) {
      return null;
    }
    if (!(v instanceof String s) || s.isBlank() || s.length() > max) {
      throw CommandRejected.invalidField(name, "must be a text of 1 to " + max + " characters");
    }
    return s;
  }
}
