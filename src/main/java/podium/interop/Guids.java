package podium.interop;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Stable identities for other systems: a UUIDv5 (RFC 9562, SHA-1) of Podium's namespace and
 * "session/{event slug}/{session id}" (and room/, speaker/), the same on every node and across
 * every change; and the positive integer ids frab still requires, made from the same hash.
 */
public final class Guids {

  /** RFC 9562's namespace for URLs. */
  private static final UUID URL_NAMESPACE = UUID.fromString("6ba7b811-9dad-11d1-80b4-00c04fd430c8");
  /** Podium's namespace: uuid5(URL namespace, "urn:podium"). */
  public static final UUID NAMESPACE = v5(URL_NAMESPACE, "urn:podium");

  private Guids() {
  }

  public static UUID session(String slug, String id) {
    return v5(NAMESPACE, "session/" + slug + "/" + id);
  }

  public static UUID room(String slug, String id) {
    return v5(NAMESPACE, "room/" + slug + "/" + id);
  }

  public static UUID speaker(String slug, String id) {
    return v5(NAMESPACE, "speaker/" + slug + "/" + id);
  }

  static UUID v5(UUID namespace, String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
          .putLong(namespace.getLeastSignificantBits()).array());
      byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
      h[6] = (byte) ((h[6] & 0x0f) | 0x50);
      h[8] = (byte) ((h[8] & 0x3f) | 0x80);
      ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
      return new UUID(b.getLong(), b.getLong());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A positive int per id, unique in the set and the same wherever the set is the same: the low
   * 31 bits of each guid, with the next free number on the (rare) clash, in id order.
   */
  static Map<String, Integer> numbers(List<String> ids, java.util.function.Function<String, UUID> guid) {
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    Set<Integer> used = new HashSet<>();
    Map<String, Integer> out = new HashMap<>();
    for (String id : sorted) {
      int n = (int) (guid.apply(id).getLeastSignificantBits() & 0x7fffffffL);
      n = Math.max(n, 1);
      while (!used.add(n)) {
        n = n == Integer.MAX_VALUE ? 1 : n + 1;
      }
      out.put(id, n);
    }
    return out;
  }
}
