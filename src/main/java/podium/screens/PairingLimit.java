package podium.screens;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * New pairing codes per client address per minute, for one node (shared by its HTTP instances).
 * A venue has a few hundred screens; a loop on the Wi-Fi must not use up every waiting slot.
 */
public final class PairingLimit {

  static final int PER_ADDRESS_PER_MINUTE = 10;
  private static final int MAX_ADDRESSES = 10_000;

  private final Map<String, AtomicInteger> recent = new ConcurrentHashMap<>();
  private volatile long minute;

  boolean allows(String address) {
    long now = System.currentTimeMillis() / 60_000;
    if (now != minute || recent.size() > MAX_ADDRESSES) {
      minute = now;
      recent.clear();
    }
    return recent.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet() <= PER_ADDRESS_PER_MINUTE;
  }
}
