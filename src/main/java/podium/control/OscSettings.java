package podium.control;

import podium.event.Role;

/**
 * The OSC listener's settings (README, "Configuration"): the UDP port it listens on (0: off, the
 * default), the address it binds (loopback by default: OSC has no credential, so whoever can send
 * to the port acts as the listener's actor), and who its messages act as: the change log shows
 * "osc:NAME", and the role is what that actor may do.
 */
public record OscSettings(int port, String address, String name, Role role) {

  public static final OscSettings OFF = new OscSettings(0, "127.0.0.1", "desk", Role.ANNOUNCER);

  public OscSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("PODIUM_OSC_PORT must be 0 (off) or a UDP port up to 65535, not " + port);
    }
    if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,63}")) {
      throw new IllegalArgumentException("PODIUM_OSC_ACTOR must be lowercase letters, digits and '-', at most 64, not '"
          + name + "'");
    }
    if (role == null) {
      throw new IllegalArgumentException("PODIUM_OSC_ROLE must be one of admin, editor, announcer, awards, screens");
    }
  }

  public boolean on() {
    return port != 0;
  }

  /** The actor its presses carry into the change log. */
  public String actor() {
    return "osc:" + name;
  }
}
