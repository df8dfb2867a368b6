package podium.live;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import podium.store.ChangeLog;
import podium.store.Credentials;
import podium.store.Revocations;
import podium.store.EventImport;
import podium.store.EventTable;

/**
 * How this node learns every change: LISTEN for "eventId:version", then select what is newer than
 * the last applied version, in order. It also selects after every (re)LISTEN and once a second, so
 * a lost notification delays a change and never loses it. Runs on one context: no locks needed.
 */
public final class ChangeFeed extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
  private static final int BATCH = 500;
  static final long SWEEP_MS = 1000;

  private final Pool pool;
  private final PgConnectOptions connect;
  private final EventStates states;
  private final Credentials credentials;
  private final LiveMetrics metrics;
  private final Set<Long> busy = new HashSet<>();
  private final Set<Long> again = new HashSet<>();
  private PgSubscriber subscriber;
  private volatile long lastSweepOk;
  private volatile boolean listening;

  public ChangeFeed(Pool pool, PgConnectOptions connect, EventStates states, Credentials credentials,
      LiveMetrics metrics) {
    this.metrics = metrics;
    this.pool = pool;
    this.connect = connect;
    this.states = states;
    this.credentials = credentials;
  }

  /** Loads every event first, so a started node serves them all; then listens and sweeps. */
  @Override
  public Future<?> start() {
    return EventTable.all(pool)
        .compose(rows -> Future.all(rows.stream().map(r -> reload(r.id())).toList()))
        .onSuccess(v -> {
          states.markLoaded();
          lastSweepOk = System.currentTimeMillis();
          subscriber = PgSubscriber.subscriber(vertx, connect).reconnectPolicy(retries -> 500L);
          subscriber.channel(ChangeLog.CHANNEL)
              .subscribeHandler(x -> {
                listening = true;
                LOG.info("listening on '{}'", ChangeLog.CHANNEL);
                sweep();
              })
              .handler(this::onNotification);
          // Withdrawn logins and tokens come on the same connection: each node holds one LISTEN.
          subscriber.channel(Revocations.CHANNEL)
              .subscribeHandler(x -> credentials.forgetAll())
              .handler(credentials::revoked);
          subscriber.closeHandler(x -> listening = false);
          vertx.setPeriodic(SWEEP_MS, id -> sweep());
          listen();
        });
  }

  @Override
  public Future<?> stop() {
    return subscriber == null ? Future.succeededFuture() : subscriber.close();
  }

  /** True while LISTEN is up and the database answered within the last few seconds. */
  public boolean healthy() {
    return listening && System.currentTimeMillis() - lastSweepOk < 5 * SWEEP_MS;
  }

  private void listen() {
    subscriber.connect().onFailure(e -> {
      LOG.warn("LISTEN connection failed ({}); trying again in 1 s", e.getMessage());
      vertx.setTimer(1000, t -> listen());
    });
  }

  private void onNotification(String payload) {
    int colon = payload.indexOf(':');
    try {
      long eventId = Long.parseLong(payload.substring(0, colon));
      long version = Long.parseLong(payload.substring(colon + 1));
      EventState state = states.byId(eventId);
      if (state == null) {
        reload(eventId);
      } else {
        metrics.heard(state, version);
        if (version > state.view().version()) {
          catchUp(eventId);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("ignored a notification '{}' that is not eventId:version", payload);
    }
  }

  private void sweep() {
    // Versions as they stood when the query left: a catch-up may apply more before it answers.
    java.util.Map<Long, Long> noted = new java.util.HashMap<>();
    states.all().forEach(s -> noted.put(s.id(), s.view().version()));
    EventTable.all(pool).onSuccess(rows -> {
      lastSweepOk = System.currentTimeMillis();
      for (EventTable.EventRow row : rows) {
        EventState state = states.byId(row.id());
        if (state != null) {
          metrics.heard(state, row.version());
        }
        if (state == null || !state.view().epoch().equals(row.epoch())
            || row.version() < noted.getOrDefault(row.id(), Long.MIN_VALUE)) {
          reload(row.id());
        } else if (row.version() > state.view().version()) {
          catchUp(row.id());
        }
      }
    }).onFailure(e -> LOG.debug("sweep failed: {}", e.getMessage()));
  }

  /** Applies the changes after the last applied version; one run per event at a time. */
  private void catchUp(long eventId) {
    if (!busy.add(eventId)) {
      again.add(eventId);
      return;
    }
    EventState state = states.byId(eventId);
    if (state == null) {
      busy.remove(eventId);
      again.remove(eventId);
      reload(eventId);
      return;
    }
    ChangeLog.after(pool, eventId, state.view().version(), BATCH)
        .onSuccess(entries -> {
          for (ChangeLog.Entry e : entries) {
            if (e.version() != state.view().version() + 1) {
              LOG.warn("event {} jumped from {} to {}: reloading it", eventId, state.view().version(), e.version());
              done(eventId, true);
              return;
            }
            try {
              states.published(state.apply(e.version(), e.change(), e.at().toEpochMilli()));
              metrics.applied(state, e.version(), e.at().toEpochMilli());
            } catch (RuntimeException bad) {
              LOG.error("event {}: change {} could not be applied ({}); reloading the event", eventId, e.version(), bad.toString());
              done(eventId, true);
              return;
            }
          }
          if (entries.size() == BATCH) {
            again.add(eventId);
          }
          done(eventId, false);
        })
        .onFailure(e -> {
          LOG.debug("catch-up of event {} failed: {}", eventId, e.getMessage());
          done(eventId, false);
        });
  }

  private void done(long eventId, boolean reload) {
    busy.remove(eventId);
    if (reload) {
      reload(eventId);
    } else if (again.remove(eventId)) {
      catchUp(eventId);
    }
  }

  /** Reads the event whole and keeps the last RING_SIZE changes before it for resuming clients. */
  private Future<Void> reload(long eventId) {
    if (!busy.add(eventId)) {
      return Future.succeededFuture();
    }
    return EventImport.load(pool, eventId).compose(loaded -> {
      if (loaded == null) {
        return Future.succeededFuture();
      }
      long version = loaded.row().version();
      EventState state = new EventState(eventId, version, loaded.row().epoch(), loaded.agenda());
      return ChangeLog.after(pool, eventId, Math.max(0, version - EventState.RING_SIZE + 1), EventState.RING_SIZE)
          .map(recent -> {
            recent(state, recent, version);
            states.put(state);
            metrics.loaded(state, version);
            LOG.info("event '{}' loaded at version {}", state.slug(), version);
            return (Void) null;
          });
    }).eventually(() -> {
      busy.remove(eventId);
      if (again.remove(eventId)) {
        catchUp(eventId);
      }
      return Future.succeededFuture();
    });
  }

  private static void recent(EventState state, List<ChangeLog.Entry> entries, long upTo) {
    entries.stream().filter(e -> e.version() <= upTo).forEach(e -> state.remember(e.version(), e.change(), e.at().toEpochMilli()));
  }
}
