package podium;

import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import podium.event.Role;
import podium.store.Passwords;
import podium.store.SetupTokens;
import podium.store.StaffAccounts;

/**
 * The first staff account, while there is none: "admin" with PODIUM_ADMIN_PASSWORD, or else a
 * one-time setup link printed on the console, good for a day, where the first admin chooses theirs.
 */
final class FirstAdmin {

  private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

  private FirstAdmin() {
  }

  static void ensure(Vertx vertx, Pool pool, Config config) {
    if (StaffAccounts.count(pool).await() > 0) {
      return;
    }
    String password = config.adminPassword();
    if (password != null && !password.isBlank()) {
      String problem = Passwords.problem(password);
      if (problem != null) {
        throw new IllegalArgumentException("PODIUM_ADMIN_PASSWORD: " + problem);
      }
      StaffAccounts.create(pool, "admin", "Admin", Role.ADMIN, Passwords.hash(vertx, password).await(), "config").await();
      LOG.info("created the first staff account 'admin' with PODIUM_ADMIN_PASSWORD");
      return;
    }
    String token = SetupTokens.create(pool).await();
    System.out.println("\n  No staff account yet. Create the first admin (this link works once, for a day):\n  http://localhost:"
        + config.httpPort() + "/console.html#setup=" + token + "\n");
  }
}
