package podium.outbound;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import podium.event.Agenda;
import podium.event.CommandRejected;
import podium.event.ErrorCode;
import podium.live.ClientAddress;
import podium.live.EventState;
import podium.live.EventStates;
import podium.web.Bodies;
import podium.web.Errors;
import podium.web.PerMinute;

/**
 * A phone subscribes to pushes for its starred sessions: the public VAPID key, and its browser
 * subscription with the sessions and language, replaced whole when posted again and removed by its
 * endpoint. No account and nothing personal: an endpoint, its keys, a language and session ids.
 */
final class PushApi {

  private final Vertx vertx;
  private final Pool pool;
  private final EventStates states;
  private final PushSettings settings;
  private final Supplier<String> key;
  private final PerMinute limit;

  /** key: the application server key, null until the node has loaded it. */
  PushApi(Vertx vertx, Pool pool, EventStates states, PushSettings settings, Supplier<String> key, PerMinute limit) {
    this.vertx = vertx;
    this.pool = pool;
    this.states = states;
    this.settings = settings;
    this.key = key;
    this.limit = limit;
  }

  void mount(Router router) {
    router.get("/api/push/key").handler(this::key);
    BodyHandler body = BodyHandler.create(false).setBodyLimit(8_192);
    router.post("/api/events/:slug/push").handler(body).handler(ctx -> Errors.answer(ctx, subscribe(ctx)));
    router.delete("/api/events/:slug/push").handler(body).handler(ctx -> Errors.answer(ctx, unsubscribe(ctx)));
  }

  private void key(RoutingContext ctx) {
    String k = key.get();
    if (k == null) {
      ctx.response().putHeader("Retry-After", "1");
      Errors.send(ctx, ErrorCode.STARTING, "the hub is starting; try again in a second");
      return;
    }
    ctx.response().putHeader("Cache-Control", "public, max-age=3600");
    ctx.json(new JsonObject().put("key", k));
  }

  private Future<Void> subscribe(RoutingContext ctx) {
    EventState state = Errors.eventOf(ctx, states);
    if (state == null) {
      return Future.succeededFuture();
    }
    JsonObject body;
    PushSubscription subscription;
    List<String> sessions;
    String lang;
    try {
      body = Bodies.json(ctx, Set.of("subscription", "sessions", "lang"));
      subscription = accepted(PushSubscription.parse(body.getValue("subscription") instanceof JsonObject j ? j : null,
          settings.privateEndpoints()));
      sessions = sessions(body.getValue("sessions"), state.view().agenda());
      lang = body.getValue("lang", "en") instanceof String l && PushSubscriptions.LANGUAGES.contains(l) ? l : null;
      if (lang == null) {
        throw CommandRejected.invalidField("lang", "must be one of " + PushSubscriptions.LANGUAGES);
      }
    } catch (CommandRejected e) {
      return Future.failedFuture(e);
    }
    if (!limit.allows(ClientAddress.of(ctx.request().remoteAddress()))) {
      return Future.failedFuture(new CommandRejected(ErrorCode.TOO_MANY_ATTEMPTS,
          "too many subscriptions from this address; try again in a minute"));
    }
    long eventId = state.id();
    return vertx.executeBlocking(() -> PushEndpoints.addressRefusal(subscription.endpoint(), settings.privateEndpoints()),
            false)
        .compose(refused -> refused != null ? Future.failedFuture(refused.rejection())
            : PushSubscriptions.save(pool, eventId, subscription, lang, sessions)
                .compose(v -> PushOutbox.start(pool, eventId)))
        .map(v -> {
          ctx.response().setStatusCode(204).end();
          return null;
        });
  }

  private Future<Void> unsubscribe(RoutingContext ctx) {
    EventState state = Errors.eventOf(ctx, states);
    if (state == null) {
      return Future.succeededFuture();
    }
    String endpoint;
    try {
      endpoint = Bodies.string(Bodies.json(ctx, Set.of("endpoint")), "endpoint", PushEndpoints.MAX_URL, true);
    } catch (CommandRejected e) {
      return Future.failedFuture(e);
    }
    return PushSubscriptions.remove(pool, endpoint, state.id()).map(removed -> {
      if (removed) {
        ctx.response().setStatusCode(204).end();
      } else {
        Errors.send(ctx, ErrorCode.NOT_FOUND, "no subscription with that endpoint for this event");
      }
      return null;
    });
  }

  private static PushSubscription accepted(PushSubscription.Parsed parsed) {
    if (parsed instanceof PushSubscription.Refused refused) {
      throw refused.rejection();
    }
    return ((PushSubscription.Accepted) parsed).subscription();
  }

  /** The starred sessions: ids of this event's sessions, at most MAX_STARRED. */
  private static List<String> sessions(Object value, Agenda agenda) {
    if (!(value instanceof JsonArray list) || list.size() > PushSubscriptions.MAX_STARRED) {
      throw CommandRejected.invalidField("sessions", "must be a list of at most " + PushSubscriptions.MAX_STARRED
          + " session ids");
    }
    List<String> ids = new ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof String id) || agenda.session(id).isEmpty()) {
        throw CommandRejected.unknown(ErrorCode.UNKNOWN_SESSION, String.valueOf(o));
      }
      if (!ids.contains(id)) {
        ids.add(id);
      }
    }
    return ids;
  }
}
