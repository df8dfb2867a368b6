package podium.outbound;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * How a node sends Web Push. subject: who push services may contact about this sender
 * (PODIUM_VAPID_SUBJECT), a mailto: or https: URL that goes into every VAPID token as sub (RFC
 * 8292 section 2.1); a bad one stops the node at start rather than every push at a push service.
 * privateEndpoints: whether endpoints may be http:// or on loopback and private addresses (tests
 * only; off by default, against SSRF, as PODIUM_WEBHOOKS_PRIVATE is for webhooks).
 */
public record PushSettings(String subject, boolean privateEndpoints) {

  public PushSettings {
    String problem = subjectProblem(subject);
    if (problem != null) {
      throw new IllegalArgumentException("PODIUM_VAPID_SUBJECT " + problem);
    }
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
