package podium.outbound;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * How a push service should treat one message (RFC 8030 section 5): TTL, how many seconds it may
 * hold it for a phone that is offline (0: now or never); Urgency, which a phone on battery uses
 * to decide whether to wake; Topic, under which a newer message replaces one still undelivered.
 */
public record PushOptions(int ttlSeconds, Urgency urgency, String topic) {

  /** Four weeks: what push services keep at most; a notice about a session is stale long before. */
  public static final int MAX_TTL = 28 * 24 * 3600;
  public static final int MAX_TOPIC = 32;
  private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_TOPIC + "}");

  /** RFC 8030 section 5.3, as the Urgency header spells it. */
  public enum Urgency {
    VERY_LOW("very-low"), LOW("low"), NORMAL("normal"), HIGH("high");

    private final String header;

    Urgency(String header) {
      this.header = header;
    }

    public String header() {
      return header;
    }
  }

  public PushOptions {
    if (ttlSeconds < 0 || ttlSeconds > MAX_TTL) {
      throw new IllegalArgumentException("TTL must be 0 to " + MAX_TTL + " seconds, not " + ttlSeconds);
    }
    if (urgency == null) {
      throw new IllegalArgumentException("an urgency is required");
    }
    if (topic != null && !TOPIC.matcher(topic).matches()) {
      throw new IllegalArgumentException("a Topic is 1 to " + MAX_TOPIC + " base64url characters, not '" + topic + "'");
    }
  }

  /**
   * One topic per session of an event, so that a phone that was offline gets only the latest
   * notice about it (delayed, then moved: moved). A hash, because a session id may be longer
   * than 32 characters or hold others, and the push service need not learn it.
   */
  public static String sessionTopic(long eventId, String sessionId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("podium/" + eventId + "/" + sessionId).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, MAX_TOPIC);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
