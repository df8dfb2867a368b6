package podium.web;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import podium.event.CommandRejected;
import podium.store.ApiTokens;
import podium.store.CommandStore;
import podium.store.Hashes;

/** POST /api/events/{slug}/commands: one staff command, applied once, or refused with nothing changed. */
final class CommandApi {

  static final int MAX_BODY_BYTES = 64 * 1024;
  private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,128}");
  private static final Logger LOG = LoggerFactory.getLogger(CommandApi.class);

  private final CommandStore commands;
  private final StaffAuth auth;

  CommandApi(CommandStore commands, StaffAuth auth) {
    this.commands = commands;
    this.auth = auth;
  }

  void mount(Router router) {
    router.post("/api/events/:slug/commands")
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(auth)
        .handler(this::command);
  }

  private void command(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    if (type != null && !type.toLowerCase().startsWith("application/json")) {
      Errors.send(ctx, "unsupported_media_type", "send the command as application/json");
      return;
    }
    JsonObject body;
    try {
      body = ctx.body().length() == 0 ? null : ctx.body().asJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    if (body == null) {
      Errors.send(ctx, "malformed_json", "the body must be one JSON object");
      return;
    }
    String key = ctx.request().getHeader("Idempotency-Key");
    if (key != null && !KEY.matcher(key).matches()) {
      Errors.send(ctx, "bad_idempotency_key", "an Idempotency-Key is 1 to 128 visible ASCII characters");
      return;
    }
    ApiTokens.Holder holder = ctx.get(StaffAuth.HOLDER);
    CommandStore.Request request = new CommandStore.Request(ctx.pathParam("slug"), body, Hashes.sha256(body.encode()),
        holder.actor(), key);
    commands.execute(request).onComplete(done -> {
      if (done.succeeded()) {
        if (done.result().replayed()) {
          ctx.response().putHeader("Idempotent-Replayed", "true");
        }
        ctx.json(done.result().answer());
      } else if (done.cause() instanceof CommandRejected refused) {
        Errors.send(ctx, refused.code(), refused.getMessage());
      } else {
        LOG.warn("command on {} failed: {}", request.slug(), done.cause().toString());
        Errors.send(ctx, "unavailable", "the command was not applied; it is safe to retry");
      }
    });
  }
}
