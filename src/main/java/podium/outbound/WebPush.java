package podium.outbound;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes the request that brings one payload to one phone (RFC 8030 section 5): the payload
 * encrypted for the subscription (PushEncryption), signed for the push service (VapidTokens),
 * with TTL, Urgency and Topic. The payload is the caller's: nothing embargoed may be in it.
 */
public final class WebPush {

  private final VapidKeys keys;
  private final VapidTokens tokens;

  public WebPush(VapidKeys keys, PushSettings settings) {
    this.keys = keys;
    this.tokens = new VapidTokens(keys, settings.subject());
  }

  /** What the phone page passes to pushManager.subscribe({applicationServerKey}). */
  public String applicationServerKey() {
    return keys.applicationServerKey();
  }

  /** At most PushEncryption.MAX_PAYLOAD bytes of payload (IllegalArgumentException beyond). */
  public PushRequest request(PushSubscription to, byte[] payload, PushOptions options, Instant now) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", tokens.authorization(to.endpoint(), now));
    headers.put("Content-Encoding", "aes128gcm");
    headers.put("Content-Type", "application/octet-stream");
    headers.put("TTL", Integer.toString(options.ttlSeconds()));
    headers.put("Urgency", options.urgency().header());
    if (options.topic() != null) {
      headers.put("Topic", options.topic());
    }
    return new PushRequest(to.endpoint(), headers, PushEncryption.encrypt(payload, to));
  }
}
