package podium.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * So many requests per client address per minute, for one node (shared by its HTTP instances), for
 * anonymous routes that write: a loop on the venue's Wi-Fi must not fill a table (screens waiting
 * to be paired, phones subscribing to pushes).
 */
public final class PerMinute {

  private static final int MAX_ADDRESSES = 10_000;

  private final int perAddress;
  private final Map<String, AtomicInteger> recent = new ConcurrentHashMap<>();
  private volatile long minute;

  public PerMinute(int perAddress) {
    this.perAddress = perAddress;
  }

  public boolean allows(String address) {
    long now = System.currentTimeMillis() / 60_000;
    if (now != minute || recent.size() > MAX_ADDRESSES) {
      minute = now;
      recent.clear();
    }
    return recent.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet() <= perAddress;
  }
}
