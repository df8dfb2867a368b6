package podium.commands;

import podium.web.Errors;
import podium.web.Bodies;
import podium.web.StaffAuth;
import podium.web.RequestIds;
import podium.web.OwnLoop;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import podium.event.Catalogue;
import podium.event.CommandRejected;
import podium.event.ErrorCode;
import podium.event.Role;
import podium.store.CommandStore;
import podium.store.Hashes;
import podium.store.Holder;

/**
 * POST /api/events/{slug}/commands: one staff command, applied once, or refused with nothing
 * changed. The body is parsed and checked whole here, before the store takes a connection or a lock.
 */
final class CommandApi {

  static final int MAX_BODY_BYTES = 64 * 1024;
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");
  private static final Logger LOG = LoggerFactory.getLogger(CommandApi.class);

  private final CommandStore commands;
  private final StaffAuth auth;
  private final CommandMetrics metrics;
  private final Context desk;

  /** desk: where commands run between their request and their answer (Commands says why). */
  CommandApi(CommandStore commands, StaffAuth auth, CommandMetrics metrics, Context desk) {
    this.commands = commands;
    this.auth = auth;
    this.metrics = metrics;
    this.desk = desk;
  }

  void mount(Router router) {
    router.post("/api/events/:slug/commands")
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(RequestIds::assign)
        .handler(auth)
        .handler(this::command);
  }

  private void command(RoutingContext ctx) {
    long started = System.nanoTime();
    CommandStore.Request request;
    try {
      request = request(ctx);
    } catch (CommandRejected refused) {
      answered(ctx, typeOf(ctx), refused.code().wire(), started, null);
      Errors.send(ctx, refused);
      return;
    }
    // The round trips' answers come back to the desk, never behind a fan-out slice; only the
    // answer itself goes back to the request's own loop (its connection is written from there).
    Promise<CommandStore.Outcome> executed = Promise.promise();
    desk.runOnContext(go -> commands.execute(request).onComplete(done -> executed.handle(done)));
    OwnLoop.back(executed.future()).onComplete(done -> answer(ctx, request, started, done));
  }

  private void answer(RoutingContext ctx, CommandStore.Request request, long started,
      AsyncResult<CommandStore.Outcome> done) {
    String type = request.command().type();
    if (done.succeeded()) {
      if (done.result().replayed()) {
        ctx.response().putHeader("Idempotent-Replayed", "true");
      }
      answered(ctx, type, done.result().replayed() ? "replayed" : "ok", started, done.result().version());
      ctx.json(done.result().answer());
    } else if (done.cause() instanceof CommandRejected refused) {
      answered(ctx, type, refused.code().wire(), started, null);
      Errors.send(ctx, refused);
    } else {
      try (RequestIds.Scope logged = RequestIds.logging(ctx)) {
        LOG.warn("command {} on {} failed: {}", type, request.slug(), done.cause().toString());
      }
      answered(ctx, type, ErrorCode.UNAVAILABLE.wire(), started, null);
      Errors.send(ctx, ErrorCode.UNAVAILABLE, "the command was not applied; it is safe to retry");
    }
  }

  /** One log line and one count per command answered, with its request id and actor (MDC). */
  private void answered(RoutingContext ctx, String type, String result, long started, Long version) {
    metrics.count(type, result);
    try (RequestIds.Scope logged = RequestIds.logging(ctx)) {
      LOG.info("command {} on {}: {}{} in {} ms", type, ctx.pathParam("slug"), result,
          version == null ? "" : " at version " + version, (System.nanoTime() - started) / 1_000_000);
    }
  }

  private static String typeOf(RoutingContext ctx) {
    try {
      return CommandMetrics.typeOf(new JsonObject(ctx.body().buffer()).getValue("type"));
    } catch (RuntimeException notJson) {
      return "unknown";
    }
  }

  /** Everything a request can be refused for without the event's state. */
  private static CommandStore.Request request(RoutingContext ctx) {
    JsonObject body = Bodies.json(ctx);
    String key = ctx.request().getHeader("Idempotency-Key");
    if (key != null && !KEY.matcher(key).matches()) {
      throw new CommandRejected(ErrorCode.BAD_IDEMPOTENCY_KEY, "an Idempotency-Key is 1 to 128 visible ASCII characters");
    }
    Catalogue.Parsed<?> parsed = Catalogue.parse(body);
    Object expected = body.getValue("expectedVersion");
    if (expected != null && !(expected instanceof Integer || expected instanceof Long)) {
      throw CommandRejected.invalidField("expectedVersion", "must be a whole number");
    }
    String dryRun = ctx.queryParams().get("dryRun");
    if (dryRun != null && !dryRun.equals("true") && !dryRun.equals("false")) {
      throw CommandRejected.invalidField("dryRun", "must be true or false");
    }
    Holder holder = ctx.get(StaffAuth.HOLDER);
    Role role = holder.role();
    if (role == null || parsed.role() != null && !role.may(parsed.role())) {
      throw new CommandRejected(ErrorCode.FORBIDDEN, "'" + parsed.type() + "' needs the " + parsed.role().wire()
          + " role");
    }
    String slug = ctx.pathParam("slug");
    // The slug is part of what a key stands for: the same key on another event is another request.
    return new CommandStore.Request(slug, parsed, Hashes.sha256(slug + "\n" + body.encode()), holder.actor(), role, key,
        expected == null ? null : ((Number) expected).longValue(), "true".equals(dryRun));
  }
}
