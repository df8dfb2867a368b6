package podium.stage;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import podium.control.StageDesk;
import podium.event.CommandRejected;
import podium.event.ErrorCode;
import podium.event.Press;
import podium.event.Text;
import podium.store.Holder;
import podium.web.Bodies;
import podium.web.Errors;
import podium.web.RequestIds;
import podium.web.StaffAuth;

/**
 * The buttons a stage manager's Stream Deck presses through Bitfocus Companion's Generic HTTP
 * module: one POST per button, with no body (Companion's "{}" is fine) or a tiny one, under an API
 * token whose role the button's command needs. Each press goes to the stage desk: the catalogue,
 * the role, the change log, and a repeat within a second answered as the first press was
 * (with Podium-Debounced: true). docs/CONTROL.md shows a whole deck.
 */
final class ControlApi {

  /** A message of 2 × 2,000 characters of Chinese fits; nothing else has a body. */
  static final int MAX_BODY_BYTES = 16 * 1024;
  private static final Pattern MINUTES = Pattern.compile("-?\\d{1,4}");
  private static final Logger LOG = LoggerFactory.getLogger(ControlApi.class);

  private final StageDesk desk;
  private final StaffAuth auth;

  ControlApi(StageDesk desk, StaffAuth auth) {
    this.desk = desk;
    this.auth = auth;
  }

  void mount(Router router) {
    String rooms = "/api/events/:slug/stage/rooms/:room/";
    button(router, "/api/events/:slug/stage/go", ctx -> {
      noBody(ctx);
      return Press.go();
    });
    button(router, rooms + "message", ctx -> Press.message(ctx.pathParam("room"),
        Text.parse(Bodies.json(ctx, Set.of("text")).getValue("text"), "text")));
    button(router, rooms + "delay/:minutes", ctx -> {
      noBody(ctx);
      return Press.delay(ctx.pathParam("room"), minutes(ctx.pathParam("minutes")));
    });
    button(router, rooms + ":action", ctx -> {
      noBody(ctx);
      return Press.in(ctx.pathParam("room"), trigger(ctx.pathParam("action")));
    });
  }

  private void button(Router router, String path, Function<RoutingContext, Press> read) {
    router.post(path).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES)).handler(RequestIds::assign)
        .handler(auth).handler(ctx -> press(ctx, read));
  }

  private void press(RoutingContext ctx, Function<RoutingContext, Press> read) {
    Press press;
    try {
      press = read.apply(ctx);
    } catch (CommandRejected refused) {
      answered(ctx, "-", refused.code().wire());
      Errors.send(ctx, refused);
      return;
    }
    Holder holder = ctx.get(StaffAuth.HOLDER);
    desk.press(ctx.pathParam("slug"), press, new StageDesk.Presser(holder.actor(), holder.role(), StageDesk.Source.HTTP))
        .onComplete(done -> {
          if (done.succeeded()) {
            JsonObject answer = done.result().answer();
            answered(ctx, press.action().wire(), (done.result().repeat() ? "debounced, " : "") + answer.getString("kind")
                + " at version " + answer.getLong("version"));
            if (done.result().repeat()) {
              ctx.response().putHeader("Podium-Debounced", "true");
            }
            ctx.json(answer);
          } else if (done.cause() instanceof CommandRejected refused) {
            answered(ctx, press.action().wire(), refused.code().wire());
            Errors.send(ctx, refused);
          } else {
            answered(ctx, press.action().wire(), done.cause().toString());
            Errors.send(ctx, ErrorCode.UNAVAILABLE, "the press was not applied; it is safe to press again");
          }
        });
  }

  /** One log line per press, with its request id and actor. */
  private static void answered(RoutingContext ctx, String action, String result) {
    try (RequestIds.Scope logged = RequestIds.logging(ctx)) {
      LOG.info("stage button {} on {}: {}", action, ctx.pathParam("slug"), result);
    }
  }

  /** A button with no argument takes no body: none, or Companion's default "{}". */
  private static void noBody(RoutingContext ctx) {
    if (ctx.body().length() > 0) {
      Bodies.json(ctx, Set.of());
    }
  }

  private static long minutes(String given) {
    if (!MINUTES.matcher(given).matches()) {
      throw CommandRejected.invalidField("minutes", "must be a whole number of minutes, e.g. …/delay/5 or …/delay/-5");
    }
    return Long.parseLong(given);
  }

  private static Press.Action trigger(String given) {
    Press.Action action = Press.Action.parse(given);
    if (action == Press.Action.DELAY) {
      throw CommandRejected.invalidField("minutes", "is missing: POST …/delay/{minutes}");
    }
    if (action == null || action == Press.Action.GO || action == Press.Action.MESSAGE) {
      throw new CommandRejected(ErrorCode.NOT_FOUND, "no button '" + given + "': start, end, delay/{minutes},"
          + " message, clear or flash");
    }
    return action;
  }
}
