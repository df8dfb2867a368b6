package podium.event;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a staff role may read or open, besides the commands (each of which names its role in the
 * Catalogue): the one table of reads and channels. A test runs every role against every entry.
 */
public enum Permission {
  /** The staff snapshot, the change log, the screen fleet and the staff channel. */
  STAFF_VIEW(Role.values()),
  /** Embargoed award results, wherever they appear. */
  SEE_EMBARGOED(Role.ADMIN, Role.AWARDS),
  /** Accounts, API tokens and webhooks. */
  MANAGE_ACCESS(Role.ADMIN),
  /** Creating events, importing and rehearsal copies. */
  MANAGE_EVENTS(Role.ADMIN),
  /** A followed schedule: reading its state, applying a release that waits, releasing held sessions. */
  FOLLOW_RELEASES(Role.ADMIN, Role.EDITOR);

  private final Set<Role> roles;

  Permission(Role... roles) {
    this.roles = EnumSet.of(roles[0], roles);
  }

  public boolean grantedTo(Role role) {
    return role != null && roles.contains(role);
  }
}
