package podium.outbound;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/**
 * What a push service checks in "Authorization: vapid t=JWT, k=key" (RFC 8292): the JWT is ES256,
 * signed by the key k, for this push service's origin, not expired and not more than 24 hours
 * ahead, with a mailto: or https: subject. Written without podium.outbound's code.
 */
final class VapidCheck {

  /** A checked header: its key (65-byte point, base64url) and the JWT's claims. */
  record Vapid(String key, JsonObject claims) { }

  private VapidCheck() {
  }

  /** The checked header; GeneralSecurityException says what is wrong. */
  static Vapid check(String authorization, String origin, Instant now) throws GeneralSecurityException {
    if (authorization == null || !authorization.regionMatches(true, 0, "vapid ", 0, 6)) {
      throw new GeneralSecurityException("Authorization is not vapid: " + authorization);
    }
    String token = null;
    String key = null;
    for (String param : authorization.substring(6).split(",")) {
      String p = param.strip();
      if (p.startsWith("t=")) {
        token = p.substring(2);
      } else if (p.startsWith("k=")) {
        key = p.substring(2);
      }
    }
    if (token == null || key == null) {
      throw new GeneralSecurityException("Authorization lacks t= or k=: " + authorization);
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new GeneralSecurityException("the JWT has " + parts.length + " parts");
    }
    JsonObject header = new JsonObject(new String(decode(parts[0]), StandardCharsets.UTF_8));
    if (!"ES256".equals(header.getString("alg"))) {
      throw new GeneralSecurityException("the JWT's alg is " + header.getString("alg"));
    }
    Signature es256 = Signature.getInstance("SHA256withECDSA");
    es256.initVerify(publicKey(decode(key)));
    es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    if (!es256.verify(der(decode(parts[2])))) {
      throw new GeneralSecurityException("the JWT's signature does not verify with k");
    }
    JsonObject claims = new JsonObject(new String(decode(parts[1]), StandardCharsets.UTF_8));
    if (!origin.equals(claims.getString("aud"))) {
      throw new GeneralSecurityException("aud is " + claims.getString("aud") + ", not " + origin);
    }
    long exp = claims.getValue("exp") instanceof Number n ? n.longValue() : -1;
    if (exp <= now.getEpochSecond() || exp > now.getEpochSecond() + 24 * 3600) {
      throw new GeneralSecurityException("exp " + exp + " is not within 24 hours from " + now.getEpochSecond());
    }
    String sub = claims.getString("sub", "");
    if (!sub.startsWith("mailto:") && !sub.startsWith("https://")) {
      throw new GeneralSecurityException("sub is not a mailto: or https: URL: " + sub);
    }
    return new Vapid(key, claims);
  }

  private static ECPublicKey publicKey(byte[] point) throws GeneralSecurityException {
    if (point.length != 65 || point[0] != 4) {
      throw new GeneralSecurityException("k is not an uncompressed P-256 point");
    }
    AlgorithmParameters p256 = AlgorithmParameters.getInstance("EC");
    p256.init(new ECGenParameterSpec("secp256r1"));
    ECParameterSpec spec = p256.getParameterSpec(ECParameterSpec.class);
    return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
        new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)), new BigInteger(1, Arrays.copyOfRange(point, 33, 65))),
        spec));
  }

  /** JWS's r || s (32 bytes each) as the DER SEQUENCE of two INTEGERs that the JDK's ECDSA verifies. */
  private static byte[] der(byte[] jose) throws GeneralSecurityException {
    if (jose.length != 64) {
      throw new GeneralSecurityException("an ES256 signature is 64 bytes, not " + jose.length);
    }
    byte[] r = new BigInteger(1, Arrays.copyOfRange(jose, 0, 32)).toByteArray();
    byte[] s = new BigInteger(1, Arrays.copyOfRange(jose, 32, 64)).toByteArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    out.write(4 + r.length + s.length);
    out.write(2);
    out.write(r.length);
    out.write(r, 0, r.length);
    out.write(2);
    out.write(s.length);
    out.write(s, 0, s.length);
    return out.toByteArray();
  }

  private static byte[] decode(String base64url) throws GeneralSecurityException {
    try {
      return Base64.getUrlDecoder().decode(base64url);
    } catch (IllegalArgumentException e) {
      throw new GeneralSecurityException("not base64url: " + base64url);
    }
  }
}
