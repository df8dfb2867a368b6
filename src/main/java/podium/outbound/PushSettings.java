package podium.outbound;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * How a node sends Web Push. subject: who push services may contact about this sender
 * (PODIUM_VAPID_SUBJECT), a mailto: or https: URL that goes into every VAPID token as sub (RFC
 * 8292 section 2.1); a bad one stops the node at start rather than every push at a push service.
 * privateEndpoints: whether endpoints may be http:// or on loopback and private addresses (tests
 * only; off by default, against SSRF, as PODIUM_WEBHOOKS_PRIVATE is for webhooks). perSecond:
 * at most this many pushes a second leave one node (PODIUM_PUSH_PER_SECOND), so a burst to many
 * phones never competes with the WebSocket fan-out for the node's cores.
 */
public record PushSettings(String subject, boolean privateEndpoints, int perSecond) {

  /** Who to contact when PODIUM_VAPID_SUBJECT is not set: push services accept it; operators should set theirs. */
  public static final String UNSET_SUBJECT = "mailto:podium@localhost.localdomain";
  public static final PushSettings DEFAULTS = new PushSettings(UNSET_SUBJECT, false, 200);

  public PushSettings {
    String problem = subjectProblem(subject);
    if (problem != null) {
      throw new IllegalArgumentException("PODIUM_VAPID_SUBJECT " + problem);
    }
    if (perSecond < 1 || perSecond > 10_000) {
      throw new IllegalArgumentException("PODIUM_PUSH_PER_SECOND must be from 1 to 10000");
    }
  }

  public PushSettings(String subject, boolean privateEndpoints) {
    this(subject, privateEndpoints, DEFAULTS.perSecond());
  }

  /** Null when the subject is a mailto: address or an https: URL, else why not. */
  public static String subjectProblem(String subject) {
    if (subject == null || subject.isBlank()) {
      return "is required: a mailto: or https: URL where push services can reach the operator";
    }
    if (subject.length() > 200 || !subject.strip().equals(subject) || subject.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
      return "must be at most 200 visible ASCII characters, without spaces";
    }
    try {
      URI u = new URI(subject);
      if ("mailto".equals(u.getScheme())) {
        String to = u.getSchemeSpecificPart();
        int at = to.indexOf('@');
        return at > 0 && at < to.length() - 1 && to.indexOf('@', at + 1) < 0 && to.indexOf('?') < 0 ? null
            : "must be mailto: with one address, such as mailto:ops@example.org";
      }
      if ("https".equals(u.getScheme())) {
        return u.getHost() != null && u.getUserInfo() == null ? null : "must be an https: URL with a host";
      }
      return "must be a mailto: or https: URL";
    } catch (URISyntaxException e) {
      return "is not a URL";
    }
  }
}
