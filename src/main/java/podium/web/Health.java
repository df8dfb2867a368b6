package podium.web;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;

/**
 * GET /health/live: the process answers (restart it if not). GET /health/ready (and /health, its
 * old name): it can serve: the database answers, LISTEN is up, the events are loaded, and it is
 * not draining. 200 UP or 503 DOWN, with each check (docs/OPERATIONS.md, "Health").
 */
public final class Health {

  private static final long DATABASE_MS = 2_000;

  private Health() {
  }

  public static void mount(Router router, Vertx vertx, Shared shared) {
    HealthChecks live = HealthChecks.create(vertx);
    live.register("event-loop", p -> p.complete(Status.OK()));
    HealthChecks ready = HealthChecks.create(vertx);
    // A database that is down does not refuse, it goes quiet: answer DOWN (503) before the check's
    // own timeout would, which vertx-health-check reports as a failed procedure (500).
    ready.register("database", 2 * DATABASE_MS, p -> {
      long late = vertx.setTimer(DATABASE_MS, t -> p.tryComplete(Status.KO(reason("no answer within "
          + DATABASE_MS + " ms"))));
      shared.pool().query("select 1").execute().onComplete(r -> {
        vertx.cancelTimer(late);
        p.tryComplete(r.succeeded() ? Status.OK() : Status.KO(reason(r.cause().toString())));
      });
    });
    ready.register("changefeed", p -> p.complete(shared.feedHealthy().getAsBoolean() ? Status.OK()
        : Status.KO(reason("LISTEN is down or the last sweep is over 5 s old"))));
    ready.register("events", p -> p.complete(shared.states().loaded() ? Status.OK()
        : Status.KO(reason("still loading the events"))));
    ready.register("draining", p -> p.complete(shared.draining().getAsBoolean()
        ? Status.KO(reason("shutting down: its clients are being sent elsewhere")) : Status.OK()));
    router.get("/health/live").handler(HealthCheckHandler.createWithHealthChecks(live));
    HealthCheckHandler readiness = HealthCheckHandler.createWithHealthChecks(ready);
    router.get("/health/ready").handler(readiness);
    router.get("/health").handler(readiness);
  }

  private static JsonObject reason(String why) {
    return new JsonObject().put("reason", why);
  }
}
