package podium.outbound;

import podium.web.Errors;
import podium.web.StaffAuth;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;
import java.util.Arrays;
import java.util.List;
import podium.event.Audience;
import podium.event.ChangeKind;
import podium.event.CommandRejected;
import podium.event.ErrorCode;
import podium.live.EventState;
import podium.live.EventStates;
import podium.event.Permission;
import podium.store.ApiTokens;
import podium.store.Credentials;
import podium.store.Holder;
import podium.store.WebhookDeliveries;
import podium.store.Webhooks;

/** Admins register webhook endpoints per event, list them, resume a paused one, read their delivery log. */
final class WebhookApi {

  static final int MAX_PER_EVENT = 20;
  private static final List<String> PUBLIC_KINDS = Arrays.stream(ChangeKind.values())
      .filter(k -> k.audience() == Audience.PUBLIC).map(ChangeKind::wire).toList();
  private static final String PATH = "/api/events/:slug/webhooks";

  private final Vertx vertx;
  private final Pool pool;
  private final EventStates states;
  private final StaffAuth admin;
  private final WebhookSettings settings;

  WebhookApi(Vertx vertx, Pool pool, EventStates states, Credentials credentials, WebhookSettings settings) {
    this.vertx = vertx;
    this.pool = pool;
    this.states = states;
    this.admin = new StaffAuth(credentials, Permission.MANAGE_ACCESS);
    this.settings = settings;
  }

  void mount(Router router) {
    router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(16 * 1024)).handler(admin)
        .handler(this::register);
    router.get(PATH).handler(admin).handler(ctx -> withEvent(ctx, state ->
        Webhooks.of(pool, state.id()).map(all -> new JsonObject().put("webhooks",
            new JsonArray(all.stream().map(Webhooks.Endpoint::toJson).toList())))));
    router.post(PATH + "/:id/resume").handler(admin).handler(ctx -> withEvent(ctx, state ->
        Webhooks.resume(pool, state.id(), id(ctx)).map(w -> w == null ? missing() : w.toJson())));
    router.delete(PATH + "/:id").handler(admin).handler(ctx -> withEvent(ctx, state ->
        Webhooks.remove(pool, state.id(), id(ctx)).map(gone -> gone ? new JsonObject().put("deleted", true) : missing())));
    router.get(PATH + "/:id/deliveries").handler(admin).handler(ctx -> withEvent(ctx, state ->
        Webhooks.of(pool, state.id()).compose(all -> all.stream().anyMatch(w -> w.id() == id(ctx))
            ? WebhookDeliveries.latest(pool, id(ctx)).map(list -> new JsonObject().put("deliveries",
                new JsonArray(list.stream().map(WebhookDeliveries.Attempt::toJson).toList())))
            : Future.succeededFuture(missing()))));
  }

  private void register(RoutingContext ctx) {
    JsonObject body;
    try {
      body = ctx.body().length() == 0 ? null : ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    if (body == null) {
      Errors.send(ctx, ErrorCode.MALFORMED_JSON, "the body must be one JSON object: {url, secret, kinds}");
      return;
    }
    JsonObject request = body;
    withEvent(ctx, state -> {
      String url = request.getValue("url") instanceof String u ? u.strip() : null;
      String given = secret(request.getValue("secret"));
      String secret = given == null ? ApiTokens.newToken() : given;
      List<String> kinds = kinds(request.getValue("kinds"));
      String shape = WebhookTargets.shapeProblem(url);
      if (shape != null) {
        throw CommandRejected.invalidField("url", shape);
      }
      Holder holder = ctx.get(StaffAuth.HOLDER);
      return vertx.executeBlocking(() -> WebhookTargets.addressProblem(url, settings.privateTargets()), false)
          .compose(problem -> problem != null ? Future.failedFuture(CommandRejected.invalidField("url", problem))
              : Webhooks.of(pool, state.id()))
          .compose(all -> all.size() >= MAX_PER_EVENT
              ? Future.failedFuture(CommandRejected.invalidState("an event has at most " + MAX_PER_EVENT + " webhooks"))
              : Webhooks.register(pool, state.id(), url, secret, kinds, holder.actor()))
          .map(w -> {
            ctx.response().setStatusCode(201);
            // A secret Podium made is shown this once; one the admin chose is never repeated.
            return given == null ? w.toJson().put("secret", secret) : w.toJson();
          });
    });
  }

  /** At least 16 characters when given; null to have one made. */
  private static String secret(Object v) {
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s) || s.length() < 16 || s.length() > 200) {
      throw CommandRejected.invalidField("secret", "must be 16 to 200 characters (or left out, to have one made)");
    }
    return s;
  }

  /** Public change kinds only; all of them when left out. */
  private static List<String> kinds(Object v) {
    if (v == null) {
      return PUBLIC_KINDS;
    }
    if (!(v instanceof JsonArray a) || a.isEmpty() || !a.stream().allMatch(String.class::isInstance)) {
      throw CommandRejected.invalidField("kinds", "must be a list of change kinds, e.g. [\"session.delayed\"]");
    }
    for (Object k : a) {
      if (!PUBLIC_KINDS.contains(k)) {
        throw CommandRejected.invalidField("kinds", "'" + k + "' is not a public change kind; staff-only changes"
            + " are never sent");
      }
    }
    return a.stream().map(String.class::cast).distinct().toList();
  }

  private static long id(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    return id.matches("\\d{1,18}") ? Long.parseLong(id) : -1;
  }

  private static JsonObject missing() {
    throw new CommandRejected(ErrorCode.NOT_FOUND, "no such webhook on this event");
  }

  /** Runs an answer for the path's event; refusals become their status, other failures 503. */
  private void withEvent(RoutingContext ctx, java.util.function.Function<EventState, Future<JsonObject>> answer) {
    EventState state = Errors.eventOf(ctx, states);
    if (state == null) {
      return;
    }
    Future<JsonObject> answered;
    try {
      answered = answer.apply(state);
    } catch (CommandRejected refused) {
      answered = Future.failedFuture(refused);
    }
    answered.onComplete(done -> {
      if (done.succeeded()) {
        ctx.response().putHeader("Cache-Control", "no-store");
        ctx.json(done.result());
      } else if (done.cause() instanceof CommandRejected refused) {
        Errors.send(ctx, refused.code(), refused.getMessage());
      } else {
        Errors.unavailable(ctx);
      }
    });
  }
}
