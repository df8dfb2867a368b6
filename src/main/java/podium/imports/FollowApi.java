package podium.imports;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import podium.event.CommandRejected;
import podium.event.ErrorCode;
import podium.event.Permission;
import podium.event.SourceMark;
import podium.event.SourcePlan;
import podium.live.EventState;
import podium.live.EventStates;
import podium.store.Credentials;
import podium.store.Holder;
import podium.web.Bodies;
import podium.web.Errors;
import podium.web.StaffAuth;

/**
 * An event follows a published schedule: admins set the URL, how its releases are taken in (at
 * once, or on approval) and how often it is read; editors see the state and what the release kept
 * would change, apply it when it waits for approval, and release sessions held by Podium's changes.
 */
final class FollowApi {

  private static final String PATH = "/api/events/:slug/follow";
  private static final int MAX_URL = 2_000;

  private final Vertx vertx;
  private final Pool pool;
  private final EventStates states;
  private final FollowSync sync;
  private final StaffAuth admin;
  private final StaffAuth editor;
  private final boolean privateSources;

  FollowApi(Vertx vertx, Pool pool, EventStates states, Credentials credentials, FollowSync sync,
      boolean privateSources) {
    this.vertx = vertx;
    this.pool = pool;
    this.states = states;
    this.sync = sync;
    this.admin = new StaffAuth(credentials, Permission.MANAGE_EVENTS);
    this.editor = new StaffAuth(credentials, Permission.FOLLOW_RELEASES);
    this.privateSources = privateSources;
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(16 * 1024);
    router.get(PATH).handler(editor).handler(ctx -> answer(ctx, (state, f) -> show(state, f)));
    router.put(PATH).handler(body).handler(admin).handler(ctx -> answer(ctx, (state, f) -> follow(ctx, state)));
    router.delete(PATH).handler(admin).handler(ctx -> answer(ctx, (state, f) -> FollowTable.delete(pool, state.id())
        .map(gone -> gone ? new JsonObject().put("deleted", true) : notFollowing())));
    router.post(PATH + "/poll").handler(body).handler(editor).handler(ctx -> answer(ctx, (state, f) -> f == null
        ? Future.succeededFuture(notFollowing())
        : FollowTable.pollNow(pool, state.id()).map(v -> new JsonObject().put("polling", true))));
    router.post(PATH + "/apply").handler(body).handler(editor).handler(ctx -> answer(ctx, (state, f) -> apply(ctx, state, f)));
    router.post(PATH + "/release").handler(body).handler(editor)
        .handler(ctx -> answer(ctx, (state, f) -> release(ctx, state, f)));
  }

  /** The follow's state and, with a release kept, the plan of it against the event as it stands. */
  private Future<JsonObject> show(EventState state, FollowTable.Follow f) {
    if (f == null) {
      return Future.succeededFuture(new JsonObject().putNull("follow"));
    }
    JsonObject answer = new JsonObject().put("follow", f.toJson());
    if (f.bodyHash() == null) {
      return Future.succeededFuture(answer);
    }
    return FollowTable.body(pool, state.id()).compose(body -> sync.read(state.slug(), body))
        .map(read -> answer.put("plan", read.plan().toJson().put("release", f.bodyHash())
            .put("warnings", new JsonArray(read.imported().warnings()))))
        .recover(e -> e instanceof CommandRejected ? Future.failedFuture(e)
            : Future.succeededFuture(answer.put("planError", String.valueOf(e.getMessage()))));
  }

  private Future<JsonObject> follow(RoutingContext ctx, EventState state) {
    JsonObject body = Bodies.json(ctx, Set.of("url", "mode", "intervalMinutes"));
    String url = Bodies.string(body, "url", MAX_URL, true).strip();
    Object mode = body.getValue("mode", "apply");
    if (!"apply".equals(mode) && !"approve".equals(mode)) {
      throw CommandRejected.invalidField("mode", "must be \"apply\" (each release at once) or \"approve\" (staff apply it)");
    }
    Object minutes = body.getValue("intervalMinutes", 5);
    if (!(minutes instanceof Integer m) || m < 1 || m > 1440) {
      throw CommandRejected.invalidField("intervalMinutes", "must be a whole number from 1 to 1440");
    }
    Holder holder = ctx.get(StaffAuth.HOLDER);
    return vertx.executeBlocking(() -> SourceFetch.problem(url, privateSources), false).compose(problem -> problem != null
        ? Future.failedFuture(CommandRejected.invalidField("url", problem))
        : FollowTable.put(pool, state.id(), url, (String) mode, Math.max(60, m * 60), holder.actor()))
        .compose(v -> FollowTable.of(pool, state.id())).map(f -> new JsonObject().put("follow", f.toJson()));
  }

  /** The release kept, applied now: body {"release": its hash, as GET showed it}. */
  private Future<JsonObject> apply(RoutingContext ctx, EventState state, FollowTable.Follow f) {
    JsonObject body = Bodies.json(ctx, Set.of("release"));
    String release = Bodies.string(body, "release", 64, true);
    if (f == null || f.bodyHash() == null) {
      return Future.succeededFuture(notFollowing());
    }
    if (!release.equals(f.bodyHash())) {
      throw new CommandRejected(ErrorCode.STALE_RELEASE, "a newer release of the schedule came in since: look at"
          + " what it changes, then apply that one", new JsonObject().put("release", f.bodyHash()));
    }
    return FollowTable.body(pool, state.id()).compose(kept -> sync.apply(state.slug(), kept, f.bodyHash()))
        .map(n -> new JsonObject().put("changes", n).put("version", states.byId(state.id()).view().version()));
  }

  /**
   * Held sessions given back to the source: body {"sessions": [ids]} (all that are held when left
   * out). A follow that applies at once applies the release to them now; one that waits shows them.
   */
  private Future<JsonObject> release(RoutingContext ctx, EventState state, FollowTable.Follow f) {
    JsonObject body = ctx.body().length() == 0 ? new JsonObject() : Bodies.json(ctx, Set.of("sessions"));
    Object asked = body.getValue("sessions");
    if (asked != null && !(asked instanceof JsonArray a && a.stream().allMatch(String.class::isInstance))) {
      throw CommandRejected.invalidField("sessions", "must be a list of session ids (or left out, for all held)");
    }
    if (f == null || f.bodyHash() == null) {
      return Future.succeededFuture(notFollowing());
    }
    List<String> wanted = asked == null ? null : ((JsonArray) asked).stream().map(String.class::cast).toList();
    return FollowTable.body(pool, state.id()).compose(kept -> sync.read(state.slug(), kept).compose(read -> {
      Map<String, SourceMark> marks = new HashMap<>();
      for (SourcePlan.Step step : read.plan().steps()) {
        if (step.kind() == SourcePlan.Kind.HELD && (wanted == null || wanted.contains(step.session()))) {
          marks.put(step.session(), SourceMark.of(step.before()));
        }
      }
      if (wanted != null && !marks.keySet().containsAll(wanted)) {
        throw new CommandRejected(ErrorCode.INVALID_STATE, "only held sessions can be released; held now: "
            + read.plan().steps().stream().filter(s -> s.kind() == SourcePlan.Kind.HELD).map(SourcePlan.Step::session).toList());
      }
      Future<Integer> applied = FollowTable.release(pool, state.id(), marks)
          .compose(v -> f.approves() || marks.isEmpty() ? Future.succeededFuture(0) : sync.apply(state.slug(), kept, f.bodyHash()));
      return applied.map(n -> new JsonObject().put("released", new JsonArray(List.copyOf(marks.keySet()))).put("changes", n));
    }));
  }

  private static JsonObject notFollowing() {
    throw new CommandRejected(ErrorCode.NOT_FOUND, "this event follows no schedule (or has read no release of it yet)");
  }

  /** Runs an answer for the path's event and its follow (null when none); refusals become their status. */
  private void answer(RoutingContext ctx, BiFunction<EventState, FollowTable.Follow, Future<JsonObject>> work) {
    EventState state = Errors.eventOf(ctx, states);
    if (state == null) {
      return;
    }
    Future<JsonObject> answered = FollowTable.of(pool, state.id()).compose(f -> {
      try {
        return work.apply(state, f);
      } catch (CommandRejected refused) {
        return Future.failedFuture(refused);
      }
    });
    answered.onSuccess(json -> ctx.response().putHeader("Cache-Control", "no-store").putHeader("Content-Type",
        "application/json").end(json.encode()));
    Errors.answer(ctx, answered);
  }
}
