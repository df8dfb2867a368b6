package podium.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.auth.hashing.HashingStrategy;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Staff passwords, hashed with PBKDF2-HMAC-SHA512 through vertx-auth's HashingStrategy (OWASP's
 * 210,000 iterations). A hash takes a good part of a CPU-second's tenth, so it runs on a worker thread.
 */
public final class Passwords {

  public static final int MIN_LENGTH = 10;
  public static final int MAX_LENGTH = 200;
  private static final HashingStrategy STRATEGY = HashingStrategy.load();
  private static final Map<String, String> PARAMS = Map.of("it", "210000");
  private static final SecureRandom RANDOM = new SecureRandom();
  /** Compared against when the login is unknown, so that an unknown login takes as long as a wrong password. */
  private static final String DECOY = hashNow("decoy password that matches nothing");
  /** PBKDF2 runs for hash and verify, for podium_password_hashes_total (the decoy's is not counted). */
  private static final LongAdder RUNS = new LongAdder();

  private Passwords() {
  }

  public static Future<String> hash(Vertx vertx, String password) {
    return vertx.executeBlocking(() -> {
      RUNS.increment();
      return hashNow(password);
    }, false);
  }

  /** True when the password matches; a null hash (no such login) is checked against a decoy and fails. */
  public static Future<Boolean> verify(Vertx vertx, String hash, String password) {
    return vertx.executeBlocking(() -> {
      RUNS.increment();
      synchronized (STRATEGY) {
        return STRATEGY.verify(hash == null ? DECOY : hash, password) && hash != null;
      }
    }, false);
  }

  /** PBKDF2 runs in this process so far: every new hash and every check, whatever its outcome. */
  public static long hashes() {
    return RUNS.sum();
  }

  /** Null when acceptable, else why not. */
  public static String problem(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      return "a password needs at least " + MIN_LENGTH + " characters";
    }
    return password.length() > MAX_LENGTH ? "a password has at most " + MAX_LENGTH + " characters" : null;
  }

  /** One at a time: the strategy shares one SecretKeyFactory, which is not safe across threads. */
  private static String hashNow(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    synchronized (STRATEGY) {
      return STRATEGY.hash("pbkdf2", PARAMS, Base64.getEncoder().encodeToString(salt), password);
    }
  }
}
