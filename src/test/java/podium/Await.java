package podium;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waiting for what follows an answer a little later: a node's memory follows a commit through
 * LISTEN, a metric counts a socket, a cue fires. A wait ends as soon as the thing is there, and
 * fails when the timeout passes, saying what it waited for and what it had: a wait that gives up
 * quietly makes a test that cannot fail. The timeout is generous (a busy machine); nothing here
 * asserts a time.
 */
public final class Await {

  public static final Duration TIMEOUT = Duration.ofSeconds(30);

  private Await() {
  }

  /** Until what reads the version or a later one; returns the version it read. */
  public static long version(String what, LongSupplier read, long version) {
    return until(what + " at version " + version + " or later", read::getAsLong, v -> v >= version);
  }

  /** Until the value read passes done; returns that value. */
  public static <T> T until(String what, Supplier<T> read, Predicate<? super T> done) {
    return until(what, read, done, TIMEOUT);
  }

  public static <T> T until(String what, Supplier<T> read, Predicate<? super T> done, Duration timeout) {
    long end = System.nanoTime() + timeout.toNanos();
    T last = read.get();
    while (!done.test(last)) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + "; had " + last);
      }
      LiveClient.sleep(10);
      last = read.get();
    }
    return last;
  }
}
