package podium.staff;

import podium.web.Errors;
import podium.web.Bodies;
import podium.web.StaffAuth;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.sqlclient.Pool;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import podium.event.CommandRejected;
import podium.event.ErrorCode;
import podium.event.Permission;
import podium.event.Role;
import podium.live.ClientAddress;
import podium.store.Credentials;
import podium.store.Holder;
import podium.store.LoginFailures;
import podium.store.Passwords;
import podium.store.SetupTokens;
import podium.store.StaffAccounts;
import podium.store.StaffSessions;

/** Staff log in and out, see who they are, change their own password; the first admin is set up here. */
final class LoginApi {

  static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final Logger LOG = LoggerFactory.getLogger(LoginApi.class);

  private final Vertx vertx;
  private final Pool pool;
  private final StaffAuth anyStaff;

  LoginApi(Vertx vertx, Pool pool, Credentials credentials) {
    this.vertx = vertx;
    this.pool = pool;
    this.anyStaff = new StaffAuth(credentials, Permission.STAFF_VIEW);
  }

  void mount(Router router) {
    BodyHandler body = BodyHandler.create(false).setBodyLimit(4096);
    router.post("/api/login").handler(body).handler(ctx -> answer(ctx, login(ctx)));
    router.post("/api/logout").handler(body).handler(anyStaff).handler(ctx -> answer(ctx, logout(ctx)));
    router.get("/api/me").handler(anyStaff).handler(this::me);
    router.post("/api/me/password").handler(body).handler(anyStaff).handler(ctx -> answer(ctx, password(ctx)));
    router.post("/api/setup").handler(body).handler(ctx -> answer(ctx, setup(ctx)));
  }

  /** Errors.answer, and a Retry-After on a refusal for too many attempts. */
  static void answer(RoutingContext ctx, Future<?> work) {
    Errors.answer(ctx, work.onFailure(e -> {
      if (e instanceof CommandRejected r && r.code() == ErrorCode.TOO_MANY_ATTEMPTS) {
        ctx.response().putHeader("Retry-After", String.valueOf(LoginFailures.WINDOW.toSeconds()));
      }
    }));
  }

  private Future<Void> login(RoutingContext ctx) {
    JsonObject body;
    try {
      body = Bodies.json(ctx, Set.of("login", "password"));
    } catch (CommandRejected e) {
      return Future.failedFuture(e);
    }
    String login = String.valueOf(body.getValue("login", "")).trim().toLowerCase(java.util.Locale.ROOT);
    String password = body.getValue("password") instanceof String p ? p : "";
    String address = address(ctx);
    return LoginFailures.recent(pool, login, address).compose(counts -> {
      if (counts.limited()) {
        return Future.failedFuture(new CommandRejected(ErrorCode.TOO_MANY_ATTEMPTS, counts.account() >= LoginFailures.PER_ACCOUNT
            ? "too many failed logins for '" + login + "': wait " + LoginFailures.WINDOW.toMinutes() + " minutes, or ask an admin"
            : "too many failed logins from this address: wait " + LoginFailures.WINDOW.toMinutes() + " minutes"));
      }
      return StaffAccounts.byLogin(pool, login).compose(account -> Passwords.verify(vertx,
              account == null ? null : account.passwordHash(), password)
          .compose(ok -> {
            if (!ok) {
              return LoginFailures.record(pool, login, address).compose(v -> Future.failedFuture(
                  new CommandRejected(ErrorCode.BAD_CREDENTIALS, "wrong login or password")));
            }
            if (account.disabled()) {
              return Future.failedFuture(new CommandRejected(ErrorCode.FORBIDDEN, "this account is disabled; ask an admin"));
            }
            return LoginFailures.clear(pool, login).compose(v -> StaffSessions.open(pool, account.id(), address))
                .map(opened -> {
                  ctx.response().addCookie(cookie(ctx, opened.id(), StaffSessions.LIFETIME.toSeconds()));
                  LOG.info("login: {} from {}", login, address);
                  ctx.json(new JsonObject().put("staff", account.toJson()).put("csrf", StaffAuth.csrfOf(opened.id()))
                      .put("expiresAt", opened.expiresAt().toString()));
                  return null;
                });
          }));
    });
  }

  private Future<Void> logout(RoutingContext ctx) {
    String session = StaffAuth.sessionId(ctx.request());
    Future<Void> ended = session == null ? Future.succeededFuture()
        : pool.withTransaction(tx -> StaffSessions.revoke(tx, session));
    return ended.map(v -> {
      ctx.response().addCookie(cookie(ctx, "", 0)).setStatusCode(204).end();
      return null;
    });
  }

  private void me(RoutingContext ctx) {
    Holder holder = ctx.get(StaffAuth.HOLDER);
    String session = StaffAuth.sessionId(ctx.request());
    JsonObject me = new JsonObject().put("actor", holder.actor()).put("name", holder.name())
        .put("role", holder.role().wire()).put("seesEmbargoed", holder.role().seesEmbargoed())
        .put("manages", Permission.MANAGE_ACCESS.grantedTo(holder.role()));
    if (holder.session() && session != null) {
      me.put("csrf", StaffAuth.csrfOf(session));
    }
    ctx.response().putHeader("Cache-Control", "no-store");
    ctx.json(me);
  }

  private Future<Void> password(RoutingContext ctx) {
    Holder holder = ctx.get(StaffAuth.HOLDER);
    if (!holder.session()) {
      return Future.failedFuture(new CommandRejected(ErrorCode.FORBIDDEN, "a token has no password"));
    }
    JsonObject body;
    try {
      body = Bodies.json(ctx, Set.of("current", "password"));
    } catch (CommandRejected e) {
      return Future.failedFuture(e);
    }
    String fresh = body.getValue("password") instanceof String p ? p : null;
    String problem = Passwords.problem(fresh);
    if (problem != null) {
      return Future.failedFuture(CommandRejected.invalidField("password", problem));
    }
    String login = holder.actor().substring("staff:".length());
    return StaffAccounts.byLogin(pool, login)
        .compose(account -> Passwords.verify(vertx, account.passwordHash(), String.valueOf(body.getValue("current"))))
        .compose(ok -> ok ? Passwords.hash(vertx, fresh) : Future.failedFuture(
            new CommandRejected(ErrorCode.BAD_CREDENTIALS, "the current password is wrong")))
        .compose(hash -> pool.withTransaction(tx -> StaffAccounts.update(tx, login, null, null, null, hash)
            .compose(v -> StaffSessions.revokeAllOf(tx, login, StaffAuth.sessionId(ctx.request())))))
        .map(v -> {
          LOG.info("password changed: {}", login);
          ctx.response().setStatusCode(204).end();
          return null;
        });
  }

  /** The first admin, from the one-time link printed at the first start; refused once any account exists. */
  private Future<Void> setup(RoutingContext ctx) {
    JsonObject body;
    String login;
    String name;
    String password;
    try {
      body = Bodies.json(ctx, Set.of("token", "login", "name", "password"));
      login = login(body);
      name = Bodies.string(body, "name", 100, true);
      password = body.getString("password");
    } catch (CommandRejected | ClassCastException e) {
      return Future.failedFuture(e instanceof CommandRejected r ? r : CommandRejected.invalidField("password", "must be a text"));
    }
    String problem = Passwords.problem(password);
    if (problem != null) {
      return Future.failedFuture(CommandRejected.invalidField("password", problem));
    }
    String token = body.getValue("token") instanceof String t ? t : null;
    // The cheap checks first: a password is hashed (a tenth of a CPU-second) only for a good link.
    Future<Void> admissible = StaffAccounts.count(pool).compose(n -> n > 0
        ? Future.failedFuture(CommandRejected.invalidState("the first admin exists already: log in"))
        : SetupTokens.valid(pool, token).compose(good -> good ? Future.succeededFuture()
            : Future.failedFuture(new CommandRejected(ErrorCode.UNAUTHORIZED, "this setup link is not valid or has expired"))));
    return admissible.compose(v -> Passwords.hash(vertx, password)).compose(hash -> pool.withTransaction(tx ->
        tx.query("lock table staff in exclusive mode").execute()
            .compose(v -> StaffAccounts.count(tx))
            .compose(n -> n > 0 ? Future.failedFuture(CommandRejected.invalidState("the first admin exists already: log in"))
                : SetupTokens.consume(tx, token))
            .compose(good -> good ? StaffAccounts.create(tx, login, name, Role.ADMIN, hash, "setup")
                : Future.failedFuture(new CommandRejected(ErrorCode.UNAUTHORIZED, "this setup link is not valid or has expired")))))
        .map(made -> {
          LOG.info("first admin set up: {}", login);
          ctx.response().setStatusCode(201);
          ctx.json(new JsonObject().put("login", login));
          return null;
        });
  }

  static String login(JsonObject body) {
    String login = Bodies.string(body, "login", 64, true).trim().toLowerCase(java.util.Locale.ROOT);
    if (!LOGIN.matcher(login).matches()) {
      throw CommandRejected.invalidField("login", "must be lowercase letters, digits, '.', '_' or '-'");
    }
    return login;
  }

  static String address(RoutingContext ctx) {
    return ClientAddress.of(ctx.request().remoteAddress());
  }

  /** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure behind TLS. */
  private static Cookie cookie(RoutingContext ctx, String value, long maxAgeSeconds) {
    boolean tls = ctx.request().isSSL() || "https".equalsIgnoreCase(ctx.request().getHeader("X-Forwarded-Proto"));
    return Cookie.cookie(StaffAuth.COOKIE, value).setHttpOnly(true).setSameSite(CookieSameSite.STRICT).setPath("/")
        .setSecure(tls).setMaxAge(maxAgeSeconds);
  }
}
