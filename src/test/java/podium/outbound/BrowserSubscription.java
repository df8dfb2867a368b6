package podium.outbound;

import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * What a browser makes on pushManager.subscribe(): a P-256 key pair whose private key never leaves
 * the phone, and a 16-byte auth secret. Written without podium.outbound's code, so that the tests
 * can catch a mistake in it.
 */
public final class BrowserSubscription {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final KeyPair keys;
  private final byte[] auth;

  private BrowserSubscription(KeyPair keys, byte[] auth) {
    this.keys = keys;
    this.auth = auth;
  }

  public static BrowserSubscription make() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      byte[] auth = new byte[16];
      RANDOM.nextBytes(auth);
      return new BrowserSubscription(generator.generateKeyPair(), auth);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A phone with these keys (RFC 8291's example, say): the private scalar, the point and the auth secret. */
  static BrowserSubscription of(byte[] privateScalar, byte[] publicPoint, byte[] auth) {
    try {
      AlgorithmParameters p256 = AlgorithmParameters.getInstance("EC");
      p256.init(new ECGenParameterSpec("secp256r1"));
      ECParameterSpec spec = p256.getParameterSpec(ECParameterSpec.class);
      KeyFactory ec = KeyFactory.getInstance("EC");
      ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(publicPoint, 1, 33)),
          new BigInteger(1, Arrays.copyOfRange(publicPoint, 33, 65)));
      return new BrowserSubscription(new KeyPair(ec.generatePublic(new ECPublicKeySpec(w, spec)),
          ec.generatePrivate(new ECPrivateKeySpec(new BigInteger(1, privateScalar), spec))), auth.clone());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** As PushSubscription.toJSON() gives it to the page. */
  public JsonObject json(String endpoint) {
    return new JsonObject().put("endpoint", endpoint).putNull("expirationTime")
        .put("keys", new JsonObject().put("p256dh", p256dh()).put("auth", authBase64url()));
  }

  public String p256dh() {
    return base64url(publicPoint());
  }

  public String authBase64url() {
    return base64url(auth);
  }

  public byte[] auth() {
    return auth.clone();
  }

  public ECPrivateKey privateKey() {
    return (ECPrivateKey) keys.getPrivate();
  }

  /** The private scalar, 32 bytes, as Node's ECDH.setPrivateKey takes it. */
  public byte[] privateScalar() {
    return unsigned32(privateKey().getS());
  }

  /** 0x04, x, y: 65 bytes. */
  public byte[] publicPoint() {
    ECPublicKey pub = (ECPublicKey) keys.getPublic();
    byte[] x = unsigned32(pub.getW().getAffineX());
    byte[] y = unsigned32(pub.getW().getAffineY());
    byte[] point = new byte[65];
    point[0] = 4;
    System.arraycopy(x, 0, point, 1, 32);
    System.arraycopy(y, 0, point, 33, 32);
    return point;
  }

  static String base64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] unsigned32(BigInteger n) {
    return HexFormat.of().parseHex(String.format("%064x", n));
  }
}
