package podium.outbound;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.ext.web.client.WebClient;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import podium.event.Agenda;
import podium.event.Change;
import podium.event.ChangeKind;
import podium.event.Room;
import podium.event.RunningLate;
import podium.event.Session;
import podium.live.EventState;
import podium.live.EventStates;
import podium.store.ChangeLog;
import podium.store.Database;

/**
 * Web Push, the outbox's second channel, on every node: it turns each change that moves a session
 * (delayed, moved, cancelled, restored) into a notice for every phone that starred it, once across
 * nodes (a cursor per event, claimed with SKIP LOCKED); makes "starts in 10 minutes" reminders on
 * the event clock (the projected start when the room runs late), once per session and start; and
 * sends what is due at a bounded rate (PushSettings.perSecond per node, at most IN_FLIGHT at once),
 * on its own event loop and with encryption on worker threads. It takes no new notice while a loop
 * of this node is fanning a change out, so the pages that are open get a change before more
 * notices are taken (the rate's allowance is kept for after; those already on their way go on: a
 * notice costs about 1.7 ms of CPU, docs/BENCHMARKS.md). 404/410 drop the subscription; 429 and
 * 5xx are tried again later; a notice replaced by a newer one for the same phone and session is
 * never sent.
 */
public final class PushDeliverer extends VerticleBase {

  static final int IN_FLIGHT = 32;
  static final int MAX_ATTEMPTS = 8;
  static final Duration REMIND_BEFORE = Duration.ofMinutes(10);
  private static final long TICK_MS = 250;
  /** Fan-outs one after another (a rehearsal at 20x, a storm of edits) hold notices back at most this long. */
  private static final long MAX_WAIT_NANOS = 2_000_000_000L;
  private static final long MAX_BACKOFF_MS = 10 * 60_000;
  private static final Logger LOG = LoggerFactory.getLogger(PushDeliverer.class);

  private final PgConnectOptions connect;
  private final EventStates states;
  private final PushSettings settings;
  private final String node;
  private final PushMetrics metrics;
  private final BooleanSupplier fanningOut;
  /** Reminders this node has already made or seen made: "event|session|start". */
  private final Set<String> reminded = new HashSet<>();
  private Pool pool;
  private WebPush push;
  private PushClient client;
  private volatile String key;
  private List<Long> followed = List.of();
  private boolean turning;
  private int inFlight;
  private double tokens;
  private long refilled = System.nanoTime();
  private long ticks;
  /** System.nanoTime() since when sending has waited for fan-outs; 0 when it is not waiting. */
  private long fanOutSeen;

  public PushDeliverer(PgConnectOptions connect, EventStates states, PushSettings settings, String node,
      PushMetrics metrics, BooleanSupplier fanningOut) {
    this.fanningOut = fanningOut;
    this.connect = connect;
    this.states = states;
    this.settings = settings;
    this.node = node;
    this.metrics = metrics;
  }

  @Override
  public Future<?> start() {
    pool = Database.pool(vertx, connect, 2, "podium-push-" + node);
    return PushKeys.loadOrCreate(pool).map(keys -> {
      push = new WebPush(keys, settings);
      key = push.applicationServerKey();
      client = new PushClient(vertx, WebClient.create(vertx, PushClient.options()), settings.privateEndpoints());
      vertx.setPeriodic(TICK_MS, t -> tick());
      return null;
    });
  }

  @Override
  public Future<?> stop() {
    return pool.close();
  }

  /** The public key phones subscribe with; null until this node has loaded it. */
  public String applicationServerKey() {
    return key;
  }

  private void tick() {
    if (ticks++ % 20 == 0) {
      PushOutbox.followed(pool).onSuccess(ids -> followed = ids);
      PushOutbox.depth(pool).onSuccess(metrics::depth);
    }
    turn();
    if (ticks % 4 == 0) {
      remind(Instant.now());
    }
    send();
  }

  /** Turns changes into notices, one event at a time, until no event has any left. */
  private void turn() {
    if (turning) {
      return;
    }
    turning = true;
    pool.withTransaction(tx -> PushOutbox.claimEvent(tx).compose(claimed -> claimed == null
            ? Future.succeededFuture(false) : owe(tx, claimed).map(true)))
        .onComplete(done -> {
          turning = false;
          if (done.succeeded() && done.result()) {
            turn();
          }
        });
  }

  private Future<Void> owe(SqlConnection tx, PushOutbox.Claimed claimed) {
    return ChangeLog.after(tx, claimed.eventId(), claimed.cursor(), 200).compose(entries -> {
      Future<?> chain = Future.succeededFuture();
      for (ChangeLog.Entry e : entries) {
        String reason = reason(e.change());
        if (reason != null) {
          for (Session s : e.change().touched().sessions()) {
            chain = chain.compose(v -> PushOutbox.owe(tx, claimed.eventId(), s.id(), reason, e.version()));
          }
        }
      }
      long last = entries.isEmpty() ? claimed.cursor() : entries.get(entries.size() - 1).version();
      return chain.compose(v -> PushOutbox.advance(tx, claimed.eventId(), last));
    });
  }

  /** What a change means for a phone that starred a session it touched; null: nothing to tell. */
  static String reason(Change change) {
    ChangeKind kind = change instanceof Change.Undone u ? undone(u.undid()) : change.kind();
    return kind == null ? null : switch (kind) {
      case SESSION_DELAYED -> "delayed";
      case SESSION_MOVED -> "moved";
      case SESSION_CANCELLED -> "cancelled";
      case SESSION_RESTORED -> "restored";
      default -> null;
    };
  }

  /** Undoing a change tells its opposite: an undone cancel is a session back on, and so on. */
  private static ChangeKind undone(ChangeKind undid) {
    return switch (undid) {
      case SESSION_CANCELLED -> ChangeKind.SESSION_RESTORED;
      case SESSION_RESTORED -> ChangeKind.SESSION_CANCELLED;
      case SESSION_DELAYED, SESSION_MOVED -> undid;
      default -> null;
    };
  }

  /** Sessions of followed events that start (or are now expected to) within ten minutes on the event clock. */
  private void remind(Instant real) {
    for (long id : followed) {
      EventState state = states.byId(id);
      if (state == null) {
        continue;
      }
      EventState.View view = state.view();
      Agenda agenda = view.agenda();
      Instant now = agenda.event().clock().at(real);
      for (Session s : agenda.sessions()) {
        Instant start = expectedStart(agenda, s);
        if (s.status() == Session.Status.SCHEDULED && start.isAfter(now)
            && !start.isAfter(now.plus(REMIND_BEFORE)) && reminded.add(id + "|" + s.id() + "|" + start)) {
          PushOutbox.remind(pool, id, s.id(), start, view.version());
        }
      }
    }
  }

  private static Instant expectedStart(Agenda agenda, Session s) {
    Room room = agenda.room(s.room()).orElse(null);
    if (room != null) {
      for (RunningLate.Expected e : room.stage().expected()) {
        if (e.session().equals(s.id())) {
          return e.start();
        }
      }
    }
    return s.start();
  }

  /**
   * As many notices as the rate allows, at most IN_FLIGHT on their way at once: on every tick, and
   * again as soon as half of those on their way are sent, so the rate and not the tick sets the pace.
   */
  private void send() {
    long now = System.nanoTime();
    tokens = Math.min(settings.perSecond(), tokens + (now - refilled) / 1e9 * settings.perSecond());
    refilled = now;
    if (fanningOut.getAsBoolean() && now - waitingSince(now) < MAX_WAIT_NANOS) {
      return;
    }
    fanOutSeen = 0;
    int room = (int) Math.min(IN_FLIGHT - inFlight, Math.floor(tokens));
    if (room <= 0) {
      return;
    }
    tokens -= room;
    inFlight += room;
    PushOutbox.claimDue(pool, room).onComplete(claimed -> {
      List<PushOutbox.Due> due = claimed.succeeded() ? claimed.result() : List.of();
      // What was taken but not claimed goes back: the rate spends only on sends.
      inFlight -= room - due.size();
      tokens += room - due.size();
      for (PushOutbox.Due d : due) {
        sendOne(d).onComplete(v -> {
          if (--inFlight == IN_FLIGHT / 2) {
            send();
          }
        });
      }
    });
  }

  private long waitingSince(long now) {
    if (fanOutSeen == 0) {
      fanOutSeen = now;
    }
    return fanOutSeen;
  }

  private Future<Void> sendOne(PushOutbox.Due due) {
    EventState state = states.byId(due.eventId());
    PushNotice notice = state == null ? null
        : PushNotice.of(state.view().agenda(), state.slug(), due.session(), due.reason(), due.lang());
    if (notice == null) {
      return PushOutbox.done(pool, due);
    }
    Instant now = Instant.now();
    PushSubscription to = PushSubscription.of(due.endpoint(), due.p256dh(), due.auth());
    return vertx.executeBlocking(() -> push.request(to, notice.payload(state.slug(), due.session()),
            notice.options(due.eventId(), due.session(), now), now), false)
        .compose(client::send)
        .recover(e -> Future.succeededFuture(PushOutcome.refused(e.toString())))
        .compose(outcome -> settle(due, outcome));
  }

  private Future<Void> settle(PushOutbox.Due due, PushOutcome outcome) {
    metrics.sent(outcome.result());
    return switch (outcome.result()) {
      case DELIVERED -> PushOutbox.done(pool, due);
      case GONE -> PushSubscriptions.forgetEndpoint(pool, due.endpoint()).mapEmpty();
      case RETRY -> {
        if (due.attempts() >= MAX_ATTEMPTS) {
          LOG.warn("push to {} given up after {} attempts: {}", host(due.endpoint()), due.attempts(), outcome.detail());
          yield PushOutbox.done(pool, due);
        }
        long backoff = Math.min(MAX_BACKOFF_MS, 1_000L << Math.min(20, due.attempts()));
        long wait = outcome.retryAfter() == null ? backoff : Math.max(outcome.retryAfter().toMillis(), 1_000);
        yield PushOutbox.later(pool, due, wait);
      }
      case REJECTED -> {
        LOG.warn("push to {} refused: {} {}", host(due.endpoint()), outcome.status(), outcome.detail());
        yield PushOutbox.done(pool, due);
      }
    };
  }

  private static String host(String endpoint) {
    try {
      return java.net.URI.create(endpoint).getHost();
    } catch (IllegalArgumentException e) {
      return "?";
    }
  }
}
