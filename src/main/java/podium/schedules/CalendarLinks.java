package podium.schedules;

import podium.web.Errors;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;
import podium.live.EventState;
import podium.live.EventStates;

/**
 * GET /api/events/{slug}/calendar: the links a page offers for an event's calendar, among them the
 * webcal:// subscription that calendar apps poll. The address is PODIUM_PUBLIC_URL, or else the
 * request's own Host when it is a plain host[:port].
 */
final class CalendarLinks {

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:\\d{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:\\d{1,5})?");

  private CalendarLinks() {
  }

  static void answer(RoutingContext ctx, EventStates states, PublicUrl publicUrl) {
    EventState state = Errors.eventOf(ctx, states);
    if (state == null) {
      return;
    }
    String base = base(ctx, publicUrl);
    String path = "/api/events/" + state.slug();
    String webcal = "webcal://" + base.substring(base.indexOf("://") + 3);
    JsonObject links = new JsonObject()
        .put("ics", base + path + "/schedule.ics").put("webcal", webcal + path + "/schedule.ics")
        .put("icsZh", base + path + "/schedule.ics?lang=zh").put("webcalZh", webcal + path + "/schedule.ics?lang=zh")
        .put("starred", base + path + "/schedule.ics?sessions={ids}")
        .put("session", base + path + "/sessions/{id}.ics")
        .put("scheduleJson", base + path + "/schedule.json").put("scheduleXml", base + path + "/schedule.xml");
    ExportApi.cors(ctx.response()).putHeader("Cache-Control", "no-cache");
    ctx.json(links);
  }

  private static String base(RoutingContext ctx, PublicUrl publicUrl) {
    if (publicUrl.set()) {
      return publicUrl.base(0);
    }
    String host = ctx.request().getHeader("Host");
    String scheme = "https".equals(ctx.request().scheme()) ? "https" : "http";
    return scheme + "://" + (host != null && HOST.matcher(host).matches() ? host : "localhost");
  }
}
