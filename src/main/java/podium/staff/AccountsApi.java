package podium.staff;

import podium.web.Bodies;
import podium.web.Errors;
import podium.web.StaffAuth;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import podium.event.CommandRejected;
import podium.event.ErrorCode;
import podium.event.Permission;
import podium.event.Role;
import podium.store.ApiTokens;
import podium.store.Credentials;
import podium.store.Holder;
import podium.store.Passwords;
import podium.store.StaffAccounts;
import podium.store.StaffSessions;

/** Admins create, re-role and disable staff accounts, and make and withdraw API tokens. */
final class AccountsApi {

  private static final Logger LOG = LoggerFactory.getLogger(AccountsApi.class);

  private final Vertx vertx;
  private final Pool pool;
  private final StaffAuth admin;

  AccountsApi(Vertx vertx, Pool pool, Credentials credentials) {
    this.vertx = vertx;
    this.pool = pool;
    this.admin = new StaffAuth(credentials, Permission.MANAGE_ACCESS);
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(4096);
    router.get("/api/staff").handler(admin).handler(ctx -> Errors.answer(ctx,
        StaffAccounts.list(pool).map(list -> reply(ctx, 200, new JsonObject().put("staff", list)))));
    router.post("/api/staff").handler(body).handler(admin).handler(ctx -> Errors.answer(ctx, create(ctx)));
    router.patch("/api/staff/:login").handler(body).handler(admin).handler(ctx -> Errors.answer(ctx, update(ctx)));
    router.get("/api/tokens").handler(admin).handler(ctx -> Errors.answer(ctx,
        ApiTokens.list(pool).map(list -> reply(ctx, 200, new JsonObject().put("tokens", list)))));
    router.post("/api/tokens").handler(body).handler(admin).handler(ctx -> Errors.answer(ctx, token(ctx)));
    router.delete("/api/tokens/:name").handler(admin).handler(ctx -> Errors.answer(ctx, revoke(ctx)));
  }

  private Future<Void> create(RoutingContext ctx) {
    JsonObject body;
    String login;
    Role role;
    try {
      body = Bodies.json(ctx, Set.of("login", "name", "role", "password"));
      login = LoginApi.login(body);
      role = role(body);
      Bodies.string(body, "name", 100, true);
      String problem = Passwords.problem(body.getValue("password") instanceof String p ? p : null);
      if (problem != null) {
        throw CommandRejected.invalidField("password", problem);
      }
    } catch (CommandRejected e) {
      return Future.failedFuture(e);
    }
    Holder by = ctx.get(StaffAuth.HOLDER);
    return Passwords.hash(vertx, body.getString("password"))
        .compose(hash -> StaffAccounts.create(pool, login, body.getString("name").trim(), role, hash, by.actor()))
        .compose(made -> made ? Future.succeededFuture()
            : Future.failedFuture(new CommandRejected(ErrorCode.DUPLICATE_ID, "there is an account '" + login + "' already")))
        .map(v -> {
          LOG.info("staff: {} created {} ({})", by.actor(), login, role.wire());
          return reply(ctx, 201, new JsonObject().put("login", login).put("role", role.wire()));
        });
  }

  /**
   * Name, role, disabled, or a new password. Disabling or a new password ends the account's logins
   * on every node; a new name or role ends none, but its sockets reconnect to take the new role.
   */
  private Future<Void> update(RoutingContext ctx) {
    JsonObject body;
    Role role;
    try {
      body = Bodies.json(ctx, Set.of("name", "role", "disabled", "password"));
      role = body.containsKey("role") ? role(body) : null;
      Bodies.string(body, "name", 100, false);
      if (body.containsKey("disabled") && !(body.getValue("disabled") instanceof Boolean)) {
        throw CommandRejected.invalidField("disabled", "must be true or false");
      }
      if (body.containsKey("password")) {
        String problem = Passwords.problem(body.getValue("password") instanceof String p ? p : null);
        if (problem != null) {
          throw CommandRejected.invalidField("password", problem);
        }
      }
    } catch (CommandRejected e) {
      return Future.failedFuture(e);
    }
    String login = ctx.pathParam("login");
    Boolean disabled = body.getBoolean("disabled");
    Holder by = ctx.get(StaffAuth.HOLDER);
    Future<String> hash = body.containsKey("password") ? Passwords.hash(vertx, body.getString("password"))
        : Future.succeededFuture();
    return hash.compose(h -> pool.withTransaction(tx -> StaffAccounts.byLogin(tx, login).compose(account -> {
      if (account == null) {
        return Future.failedFuture(new CommandRejected(ErrorCode.NOT_FOUND, "no account '" + login + "'"));
      }
      boolean losesAdmin = account.role() == Role.ADMIN && !account.disabled()
          && (Boolean.TRUE.equals(disabled) || (role != null && role != Role.ADMIN));
      Future<Long> admins = losesAdmin ? StaffAccounts.enabledAdmins(tx) : Future.succeededFuture(2L);
      return admins.compose(n -> n < 2 ? Future.failedFuture(CommandRejected.invalidState(
              "'" + login + "' is the last admin: make another admin first"))
          : StaffAccounts.update(tx, login, body.getString("name"), role, disabled, h))
          .compose(v -> Boolean.TRUE.equals(disabled) || h != null ? StaffSessions.revokeAllOf(tx, login, null)
              : StaffSessions.refreshAllOf(tx, login));
    }))).map(v -> {
      LOG.info("staff: {} changed {} {}", by.actor(), login, body.copy().put("password", body.containsKey("password") ? "(new)" : null));
      return reply(ctx, 200, new JsonObject().put("login", login));
    });
  }

  private Future<Void> token(RoutingContext ctx) {
    JsonObject body;
    String name;
    Role role;
    try {
      body = Bodies.json(ctx, Set.of("name", "role"));
      name = LoginApi.login(new JsonObject().put("login", Bodies.string(body, "name", 64, true)));
      role = role(body);
    } catch (CommandRejected e) {
      return Future.failedFuture(e);
    }
    Holder by = ctx.get(StaffAuth.HOLDER);
    return ApiTokens.create(pool, name, role, by.actor()).compose(token -> token == null
        ? Future.failedFuture(new CommandRejected(ErrorCode.DUPLICATE_ID, "there is a token '" + name + "' already"))
        : Future.succeededFuture(token)).map(token -> {
          LOG.info("token: {} made {} ({})", by.actor(), name, role.wire());
          ctx.response().putHeader("Cache-Control", "no-store");
          return reply(ctx, 201, new JsonObject().put("name", name).put("role", role.wire()).put("token", token));
        });
  }

  private Future<Void> revoke(RoutingContext ctx) {
    String name = ctx.pathParam("name");
    Holder by = ctx.get(StaffAuth.HOLDER);
    return pool.withTransaction(tx -> ApiTokens.revoke(tx, name)).compose(done -> done
        ? Future.succeededFuture() : Future.failedFuture(new CommandRejected(ErrorCode.NOT_FOUND, "no live token '" + name + "'")))
        .map(v -> {
          LOG.info("token: {} withdrew {}", by.actor(), name);
          ctx.response().setStatusCode(204).end();
          return null;
        });
  }

  private static Role role(JsonObject body) {
    Role role = body.getValue("role") instanceof String r ? Role.parse(r) : null;
    if (role == null) {
      throw CommandRejected.invalidField("role", "must be one of admin, editor, announcer, awards, screens");
    }
    return role;
  }

  private static Void reply(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status);
    ctx.json(body);
    return null;
  }
}
