package podium.outbound;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The VAPID Authorization header (RFC 8292): "vapid t=JWT, k=public key", where the JWT is ES256
 * over aud (the push service's origin), exp (at most 24 h ahead) and sub (the operator's contact).
 * A token is made once per push service and reused for a while: a storm of notices to one push
 * service then costs one signature, not one per phone.
 */
public final class VapidTokens {

  /** exp - now: well inside RFC 8292's 24 hours, so a push service whose clock is ahead still takes it. */
  static final Duration LIFETIME = Duration.ofHours(12);
  /** A token is reused for half its life, so one sent never has less than six hours left. */
  static final Duration REUSE = LIFETIME.dividedBy(2);
  private static final int MAX_CACHED = 256;
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
  private static final String HEADER = BASE64URL.encodeToString(
      new JsonObject().put("typ", "JWT").put("alg", "ES256").encode().getBytes(StandardCharsets.UTF_8));

  private record Token(String jwt, Instant issued) { }

  private final VapidKeys keys;
  private final String subject;
  private final Map<String, Token> cache = new ConcurrentHashMap<>();

  public VapidTokens(VapidKeys keys, String subject) {
    String problem = PushSettings.subjectProblem(subject);
    if (problem != null) {
      throw new IllegalArgumentException("the VAPID subject " + problem);
    }
    this.keys = keys;
    this.subject = subject;
  }

  /** The Authorization header for a request to this endpoint at this time. */
  public String authorization(String endpoint, Instant now) {
    return "vapid t=" + token(audience(endpoint), now) + ", k=" + keys.applicationServerKey();
  }

  String token(String audience, Instant now) {
    Token t = cache.get(audience);
    if (t == null || now.isBefore(t.issued()) || !now.isBefore(t.issued().plus(REUSE))) {
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
      t = new Token(sign(audience, now), now);
      cache.put(audience, t);
    }
    return t.jwt();
  }

  private String sign(String audience, Instant now) {
    JsonObject claims = new JsonObject().put("aud", audience)
        .put("exp", now.plus(LIFETIME).getEpochSecond()).put("sub", subject);
    String signed = HEADER + "." + BASE64URL.encodeToString(claims.encode().getBytes(StandardCharsets.UTF_8));
    return signed + "." + BASE64URL.encodeToString(keys.sign(signed.getBytes(StandardCharsets.US_ASCII)));
  }

  /** The endpoint's origin (RFC 6454): scheme, host and a port only when it is not the scheme's own. */
  static String audience(String endpoint) {
    URI u = URI.create(endpoint);
    String scheme = u.getScheme().toLowerCase(Locale.ROOT);
    int port = u.getPort();
    boolean usual = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
    return scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + (usual ? "" : ":" + port);
  }
}
