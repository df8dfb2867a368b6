package podium.staff;

import io.micrometer.core.instrument.FunctionCounter;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import podium.store.LoginFailures;
import podium.store.Passwords;
import podium.store.StaffSessions;
import podium.web.Feature;
import podium.web.Jobs;
import podium.web.Shared;

/** Staff access: logging in and out, the first admin's setup, accounts and API tokens. */
public final class StaffAccess implements Feature {

  private final Shared shared;
  private Jobs jobs;

  public StaffAccess(Shared shared) {
    this.shared = shared;
    FunctionCounter.builder("podium.password.hashes", Passwords.class, c -> Passwords.hashes())
        .description("PBKDF2 password hashes run in this process: new passwords and passwords checked")
        .register(shared.registry());
  }

  @Override
  public void mount(Router router, Vertx vertx) {
    new LoginApi(vertx, shared.pool(), shared.credentials()).mount(router);
    new AccountsApi(vertx, shared.pool(), shared.credentials()).mount(router);
  }

  /** Ended logins and old failed attempts are forgotten every hour. */
  @Override
  public Future<?> start(Vertx vertx) {
    jobs = new Jobs(vertx).every(Jobs.HOUR_MS, () -> {
      StaffSessions.forgetOld(shared.pool());
      LoginFailures.forgetOld(shared.pool());
    });
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop(Vertx vertx) {
    return Jobs.cancel(jobs);
  }
}
