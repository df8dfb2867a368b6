package podium.outbound;

import io.vertx.core.json.JsonObject;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;
import java.util.regex.Pattern;
import podium.event.CommandRejected;
import podium.event.ErrorCode;

/**
 * A phone's push subscription, as the browser's PushSubscription.toJSON() gives it:
 * {"endpoint", "keys": {"p256dh", "auth"}}. Only a checked one exists: an https endpoint (http
 * too when private endpoints are allowed), a P-256 point on the curve and a 16-byte auth secret.
 */
public final class PushSubscription {

  public static final int AUTH_BYTES = 16;
  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]+={0,2}");

  /** What parse found: a subscription, or the refusal to answer (it changes nothing). */
  public sealed interface Parsed permits Accepted, Refused { }

  public record Accepted(PushSubscription subscription) implements Parsed { }

  /** field: endpoint, keys.p256dh or keys.auth (or the body itself). */
  public record Refused(ErrorCode code, String field, String message) implements Parsed {
    /** As the HTTP API answers a refusal: {"error": {code, message, field}}. */
    public CommandRejected rejection() {
      return new CommandRejected(code, message, new JsonObject().put("field", field));
    }
  }

  private final String endpoint;
  private final ECPublicKey publicKey;
  private final byte[] auth;

  private PushSubscription(String endpoint, ECPublicKey publicKey, byte[] auth) {
    this.endpoint = endpoint;
    this.publicKey = publicKey;
    this.auth = auth.clone();
  }

  /** The browser's subscription JSON, its shape only (no DNS: see PushEndpoints.addressRefusal). */
  public static Parsed parse(JsonObject json, boolean privateEndpoints) {
    if (json == null) {
      return invalid("subscription", "must be a PushSubscription: {endpoint, keys: {p256dh, auth}}");
    }
    Object endpoint = json.getValue("endpoint");
    String shape = endpoint instanceof String e ? PushEndpoints.shapeProblem(e, privateEndpoints) : "is required";
    if (shape != null) {
      return invalid("endpoint", "'endpoint' " + shape);
    }
    JsonObject keys = json.getValue("keys") instanceof JsonObject k ? k : new JsonObject();
    byte[] point = base64url(keys.getValue("p256dh"));
    if (point == null) {
      return invalid("keys.p256dh", "'keys.p256dh' must be base64url");
    }
    ECPublicKey key;
    try {
      key = P256.publicKey(point);
    } catch (IllegalArgumentException e) {
      return invalid("keys.p256dh", "'keys.p256dh' " + e.getMessage());
    }
    byte[] auth = base64url(keys.getValue("auth"));
    if (auth == null || auth.length != AUTH_BYTES) {
      return invalid("keys.auth", "'keys.auth' must be " + AUTH_BYTES + " bytes in base64url");
    }
    return new Accepted(new PushSubscription((String) endpoint, key, auth));
  }

  /** As stored (push_subscriptions, whose rows were checked on the way in). */
  public static PushSubscription of(String endpoint, byte[] p256dh, byte[] auth) {
    if (auth.length != AUTH_BYTES) {
      throw new IllegalArgumentException("an auth secret is " + AUTH_BYTES + " bytes");
    }
    return new PushSubscription(endpoint, P256.publicKey(p256dh), auth);
  }

  public String endpoint() {
    return endpoint;
  }

  /** The phone's public key as an uncompressed point (65 bytes). */
  public byte[] p256dh() {
    return P256.point(publicKey);
  }

  public byte[] auth() {
    return auth.clone();
  }

  ECPublicKey publicKey() {
    return publicKey;
  }

  /** The bytes, or null when it is not base64url (padding allowed: some browsers of old sent it). */
  private static byte[] base64url(Object value) {
    if (!(value instanceof String s) || s.length() > 200 || !BASE64URL.matcher(s).matches()) {
      return null;
    }
    try {
      return Base64.getUrlDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Refused invalid(String field, String message) {
    return new Refused(ErrorCode.INVALID_SUBSCRIPTION, field, message);
  }
}
