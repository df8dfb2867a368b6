package podium.imports;

import podium.web.Errors;
import podium.web.StaffAuth;
import podium.web.Credentialed;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import podium.event.CommandRejected;
import podium.event.ErrorCode;
import podium.interop.ScheduleRefused;
import podium.event.Permission;
import podium.store.Credentials;
import podium.store.Holder;

/**
 * POST /api/events/import (admins): the body is the file (schedule.json, schedule.xml, a pretalx
 * export or a Podium agenda document); ?slug=, ?replace=true, ?force=true as for the command line;
 * ?dryRun=true answers what the import would do (and, for an existing event, what its replace
 * would do to each session) and writes nothing.
 */
final class ImportApi {

  /** A large pretalx export is a few MB; four times that is still refused before it is parsed. */
  static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(ImportApi.class);

  private final Vertx vertx;
  private final Pool pool;
  private final StaffAuth admin;

  ImportApi(Vertx vertx, Pool pool, Credentials credentials) {
    this.vertx = vertx;
    this.pool = pool;
    this.admin = new StaffAuth(credentials, Permission.MANAGE_EVENTS);
  }

  void mount(Router router) {
    // Its own route: a route's body handler must come before its other handlers.
    router.post("/api/events/import").handler(Credentialed::first);
    router.post("/api/events/import")
        .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
        .handler(admin)
        .handler(this::importFile)
        .failureHandler(ctx -> {
          if (ctx.statusCode() == 413) {
            Errors.send(ctx, ErrorCode.BODY_TOO_LARGE, "the file is over " + MAX_BODY_BYTES + " bytes");
          } else {
            ctx.next();
          }
        });
  }

  private void importFile(RoutingContext ctx) {
    String type = ctx.request().getHeader("Content-Type");
    String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
    if (type != null && !(t.startsWith("application/json") || t.startsWith("application/xml")
        || t.startsWith("text/xml") || t.matches("application/[a-z0-9.+-]*\\+(json|xml).*"))) {
      Errors.send(ctx, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "send the file as application/json or application/xml");
      return;
    }
    Boolean replace = flag(ctx, "replace");
    Boolean force = flag(ctx, "force");
    Boolean dryRun = flag(ctx, "dryRun");
    if (replace == null || force == null || dryRun == null) {
      return;
    }
    if (ctx.body().length() == 0) {
      Errors.send(ctx, ErrorCode.INVALID_SCHEDULE, "the body is empty: send the schedule file itself");
      return;
    }
    Holder holder = ctx.get(StaffAuth.HOLDER);
    ScheduleImport.Request request = new ScheduleImport.Request(ctx.body().buffer().getBytes(),
        ctx.queryParams().get("slug"), replace, force, holder.actor());
    Instant now = Clock.systemUTC().instant();
    Future<JsonObject> work = dryRun ? ScheduleImport.preview(vertx, pool, request, now)
        : ScheduleImport.run(vertx, pool, request, now, line -> { });
    work.onComplete(done -> {
      if (done.succeeded() && dryRun) {
        ctx.json(done.result());
      } else if (done.succeeded()) {
        JsonObject summary = done.result();
        LOG.info("{} imported '{}' ({} sessions, created: {})", holder.actor(), summary.getString("event"),
            summary.getInteger("sessions"), summary.getBoolean("created"));
        ctx.response().setStatusCode(summary.getBoolean("created") ? 201 : 200);
        ctx.json(summary);
      } else if (done.cause() instanceof ScheduleRefused refused) {
        Errors.send(ctx, ErrorCode.INVALID_SCHEDULE, "nothing was imported: " + refused.getMessage(),
            new JsonObject().put("problems", refused.toJson()));
      } else if (done.cause() instanceof CommandRejected rejected) {
        Errors.send(ctx, rejected.code(), rejected.getMessage());
      } else {
        LOG.warn("import failed: {}", done.cause().toString());
        Errors.send(ctx, ErrorCode.UNAVAILABLE, "the import was not applied; it is safe to retry");
      }
    });
  }

  /** true, false or absent (false); null after answering 400 for anything else. */
  private static Boolean flag(RoutingContext ctx, String name) {
    String v = ctx.queryParams().get(name);
    if (v == null || v.equals("false")) {
      return false;
    }
    if (v.equals("true")) {
      return true;
    }
    Errors.send(ctx, ErrorCode.INVALID_FIELD, "'" + name + "' must be true or false");
    return null;
  }
}
