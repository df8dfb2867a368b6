package podium.store;

import podium.event.Role;

/**
 * Whoever a valid credential belongs to: a staff member through a login session, or a tool through
 * an API token. actor is what the change log records ("staff:alice", "token:ci"); secretHash is the
 * credential's own hash, by which a revocation finds it.
 */
public record Holder(String actor, String name, Role role, String secretHash, boolean session) {

  public static Holder ofToken(String tokenName, Role role, String secretHash) {
    return new Holder("token:" + tokenName, tokenName, role, secretHash, false);
  }

  public static Holder ofStaff(String login, String name, Role role, String secretHash) {
    return new Holder("staff:" + login, name, role, secretHash, true);
  }
}
