package podium.store;

import podium.event.Role;

/**
 * Whoever a valid credential belongs to: a staff member through a login session, or a tool through
 * an API token. actor is what the change log records ("staff:alice", "token:ci"); secretHash is the
 * credential's own hash, by which a revocation finds it; endsAtMs, when a login ends by itself (a
 * token never does), so that no node remembers it past then.
 */
public record Holder(String actor, String name, Role role, String secretHash, boolean session, long endsAtMs) {

  public static Holder ofToken(String tokenName, Role role, String secretHash) {
    return new Holder("token:" + tokenName, tokenName, role, secretHash, false, Long.MAX_VALUE);
  }

  public static Holder ofStaff(String login, String name, Role role, String secretHash, long endsAtMs) {
    return new Holder("staff:" + login, name, role, secretHash, true, endsAtMs);
  }
}
