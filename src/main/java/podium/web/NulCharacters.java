package podium.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import podium.event.ErrorCode;

/**
 * PostgreSQL cannot store U+0000 in text or jsonb: a NUL that reached a query failed it, and the
 * request was answered 503 as if the database were away. No name, id, text or parameter of the API
 * has any use for one, so it is refused at the door: in the path (404), the query (400) or a body.
 */
public final class NulCharacters {

  private NulCharacters() {
  }

  /** First on every route: a NUL in the path names nothing; in the query it is a bad parameter. */
  public static void refuseInUri(RoutingContext ctx) {
    String uri = ctx.request().uri();
    int nul = nulAt(uri);
    if (nul < 0) {
      ctx.next();
      return;
    }
    int q = uri.indexOf('?');
    if (q < 0 || nul < q) {
      Errors.send(ctx, ErrorCode.NOT_FOUND, "no such resource");
    } else {
      Errors.send(ctx, ErrorCode.INVALID_FIELD, "a query parameter holds a NUL character");
    }
  }

  /** Where the raw URI first holds a NUL, as itself or escaped (%00), or -1; it sees every request. */
  private static int nulAt(String raw) {
    int plain = raw.indexOf('\0');
    int escaped = raw.indexOf("%00");
    return plain < 0 ? escaped : escaped < 0 ? plain : Math.min(plain, escaped);
  }

  /** The name of the first field (a.b[2].c) whose name or text holds a NUL, or null. */
  public static String fieldIn(Object json, String at) {
    if (json instanceof String s) {
      return s.indexOf('\0') >= 0 ? at : null;
    }
    if (json instanceof JsonObject o) {
      for (Map.Entry<String, Object> e : o) {
        String name = at.isEmpty() ? e.getKey() : at + "." + e.getKey();
        String found = e.getKey().indexOf('\0') >= 0 ? name : fieldIn(e.getValue(), name);
        if (found != null) {
          return found;
        }
      }
    } else if (json instanceof JsonArray a) {
      for (int i = 0; i < a.size(); i++) {
        String found = fieldIn(a.getValue(i), at + "[" + i + "]");
        if (found != null) {
          return found;
        }
      }
    }
    return null;
  }
}
