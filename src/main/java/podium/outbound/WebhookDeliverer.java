package podium.outbound;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import podium.event.Audience;
import podium.event.ChangeCodec;
import podium.live.EventStates;
import podium.store.ChangeLog;
import podium.store.Database;
import podium.store.WebhookDeliveries;
import podium.store.Webhooks;

/**
 * Delivers each public change to each webhook endpoint, from PostgreSQL: a round claims one due
 * endpoint (FOR UPDATE SKIP LOCKED, so one node per endpoint), POSTs the next change after its
 * cursor, and in the same transaction moves the cursor on (2xx) or schedules a retry with
 * exponential backoff, pausing the endpoint after too many failures. A node that dies mid-way
 * rolls back and another delivers again: at least once, in version order, never a staff change.
 */
public final class WebhookDeliverer extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliverer.class);
  static final int WORKERS = 2;
  static final int TIMEOUT_MS = 10_000;
  private static final long SWEEP_MS = 1_000;
  private static final long MAX_BACKOFF_MS = 10 * 60_000;

  private final PgConnectOptions connect;
  private final EventStates states;
  private final WebhookSettings settings;
  private final String node;
  private Pool pool;
  private WebClient client;
  private Runnable unsubscribe = () -> { };
  private int running;
  private boolean soon;
  private volatile boolean endpoints;
  private volatile long backlog;

  public WebhookDeliverer(PgConnectOptions connect, EventStates states, WebhookSettings settings, String node) {
    this.connect = connect;
    this.states = states;
    this.settings = settings;
    this.node = node;
  }

  @Override
  public Future<?> start() {
    pool = Database.pool(vertx, connect, WORKERS, "podium-webhooks-" + node);
    client = WebClient.create(vertx, new WebClientOptions().setFollowRedirects(false).setConnectTimeout(5_000)
        .setUserAgent("Podium-Webhooks/" + podium.interop.Product.VERSION));
    vertx.setPeriodic(SWEEP_MS, t -> sweep());
    vertx.setPeriodic(3_600_000, t -> WebhookDeliveries.forgetOld(pool));
    // A change starts a round at once, but only on a hub that has endpoints to serve: a burst of
    // changes on one without webhooks costs no query at all.
    unsubscribe = states.onDelta(d -> {
      if (endpoints) {
        context.runOnContext(v -> kickSoon());
      }
    });
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    unsubscribe.run();
    client.close();
    return pool.close();
  }

  /** Once a second: are there active endpoints (registered on any node)? Then a round for them. */
  private void sweep() {
    Webhooks.anyActive(pool).onSuccess(any -> {
      endpoints = any;
      if (any) {
        kick();
        Webhooks.backlog(pool).onSuccess(b -> backlog = b);
      } else {
        backlog = 0;
      }
    });
  }

  /** Versions waiting for some active endpoint, as of the last sweep (the gauge podium_webhook_outbox_depth). */
  public long backlog() {
    return backlog;
  }

  /** A burst of changes makes one round, not one per change. */
  private void kickSoon() {
    if (!soon) {
      soon = true;
      vertx.setTimer(20, t -> {
        soon = false;
        kick();
      });
    }
  }

  private void kick() {
    if (running >= WORKERS) {
      return;
    }
    running++;
    round().onComplete(r -> {
      running--;
      if (r.succeeded() && r.result()) {
        kick();
        kick();
      }
    });
  }

  /** True when it found an endpoint with work: there may be more. */
  private Future<Boolean> round() {
    return pool.withTransaction(tx -> Webhooks.claimDue(tx)
            .compose(due -> due == null ? Future.succeededFuture(false) : deliver(tx, due).map(true)))
        .recover(e -> {
          LOG.debug("webhook round failed: {}", e.toString());
          return Future.succeededFuture(false);
        });
  }

  private Future<Void> deliver(SqlConnection tx, Webhooks.Due due) {
    Webhooks.Endpoint hook = due.endpoint();
    return ChangeLog.after(tx, hook.eventId(), hook.cursor(), 100).compose(entries -> {
      ChangeLog.Entry next = entries.stream().filter(e -> sends(hook, e)).findFirst().orElse(null);
      if (next == null) {
        return Webhooks.advance(tx, hook.id(), entries.get(entries.size() - 1).version());
      }
      byte[] body = body(due, next);
      long started = System.currentTimeMillis();
      return vertx.executeBlocking(() -> WebhookTargets.addressProblem(hook.url(), settings.privateTargets()), false)
          .compose(problem -> problem != null ? Future.failedFuture("refused: the URL " + problem) : post(due, next, body))
          .transform(sent -> outcome(tx, hook, next, sent.succeeded() ? sent.result() : null,
              sent.succeeded() ? null : sent.cause().getMessage(), (int) (System.currentTimeMillis() - started)));
    });
  }

  /** Public changes of the kinds the endpoint asked for; nothing staff-only, ever (an undo is seen as what it undid). */
  private static boolean sends(Webhooks.Endpoint hook, ChangeLog.Entry e) {
    return e.change().audience() == Audience.PUBLIC && hook.kinds().contains(e.change().kind().wire());
  }

  private Future<Integer> post(Webhooks.Due due, ChangeLog.Entry e, byte[] body) {
    long now = Instant.now().getEpochSecond();
    return client.postAbs(due.endpoint().url()).timeout(TIMEOUT_MS)
        .putHeader("Content-Type", "application/json")
        .putHeader("Podium-Delivery", WebhookDeliveries.delivery(due.endpoint().id(), e.version()))
        .putHeader("Podium-Event", due.slug())
        .putHeader("Podium-Signature", WebhookSignature.header(due.secret(), now, body))
        .sendBuffer(Buffer.buffer(body)).map(r -> r.statusCode());
  }

  private Future<Void> outcome(SqlConnection tx, Webhooks.Endpoint hook, ChangeLog.Entry e, Integer status,
      String error, int tookMs) {
    int attempt = hook.failures() + 1;
    boolean delivered = status != null && status >= 200 && status < 300;
    String problem = delivered ? null : error != null ? error : "answered " + status;
    WebhookDeliveries.Attempt logged = new WebhookDeliveries.Attempt(hook.id(), e.version(), e.change().kind().wire(),
        attempt, status, problem == null ? null : cut(problem), tookMs, node, null);
    Future<Void> moved;
    if (delivered) {
      moved = Webhooks.advance(tx, hook.id(), e.version());
    } else {
      long wait = Math.min(MAX_BACKOFF_MS, settings.firstRetryMs() << Math.min(20, attempt - 1));
      String paused = attempt >= settings.pauseAfter() ? attempt + " failures in a row; the last: " + cut(problem) : null;
      if (paused != null) {
        LOG.warn("webhook {} paused after {} failures ({})", hook.id(), attempt, problem);
      }
      moved = Webhooks.failed(tx, hook.id(), attempt, wait, paused);
    }
    return Future.all(List.of(moved, WebhookDeliveries.record(tx, logged))).mapEmpty();
  }

  /** The change as its public frame carries it, with the event, version, kind and time. */
  static byte[] body(Webhooks.Due due, ChangeLog.Entry e) {
    return new JsonObject().put("delivery", WebhookDeliveries.delivery(due.endpoint().id(), e.version()))
        .put("event", due.slug()).put("epoch", due.epoch()).put("version", e.version())
        .put("kind", e.change().kind().wire()).put("at", e.at().toString())
        .put("data", ChangeCodec.encode(e.change(), Audience.PUBLIC))
        .encode().getBytes(StandardCharsets.UTF_8);
  }

  private static String cut(String s) {
    return s.length() <= 300 ? s : s.substring(0, 300);
  }
}
