package podium.outbound;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;

/**
 * The P-256 curve as Web Push spells its keys: a public key is an uncompressed point (0x04, x, y:
 * 65 bytes), a private key its 32-byte scalar. The JDK's KeyFactory takes any x and y, so a point
 * is checked to be on the curve here, where a bad subscription can still be refused with a code.
 */
final class P256 {

  static final int POINT_BYTES = 65;
  static final int SCALAR_BYTES = 32;
  static final ECParameterSpec SPEC = spec();

  private P256() {
  }

  /** The public key at this point; IllegalArgumentException says why when it is none. */
  static ECPublicKey publicKey(byte[] point) {
    if (point.length != POINT_BYTES || point[0] != 0x04) {
      throw new IllegalArgumentException("must be an uncompressed P-256 point of 65 bytes (0x04, x, y)");
    }
    BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
    BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
    if (!onCurve(x, y)) {
      throw new IllegalArgumentException("is not a point on the P-256 curve");
    }
    try {
      return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), SPEC));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("is not a P-256 public key", e);
    }
  }

  /** y² = x³ + ax + b (mod p), with x and y in the field; P-256's cofactor is 1, so that is all. */
  static boolean onCurve(BigInteger x, BigInteger y) {
    BigInteger p = ((ECFieldFp) SPEC.getCurve().getField()).getP();
    if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
      return false;
    }
    BigInteger right = x.pow(3).add(SPEC.getCurve().getA().multiply(x)).add(SPEC.getCurve().getB()).mod(p);
    return y.pow(2).mod(p).equals(right);
  }

  static byte[] point(ECPublicKey key) {
    byte[] out = new byte[POINT_BYTES];
    out[0] = 0x04;
    fixed(key.getW().getAffineX(), out, 1);
    fixed(key.getW().getAffineY(), out, 33);
    return out;
  }

  static ECPrivateKey privateKey(byte[] scalar) {
    try {
      return (ECPrivateKey) KeyFactory.getInstance("EC")
          .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), SPEC));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("is not a P-256 private key", e);
    }
  }

  static byte[] scalar(ECPrivateKey key) {
    byte[] out = new byte[SCALAR_BYTES];
    fixed(key.getS(), out, 0);
    return out;
  }

  static KeyPair newKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no P-256", e);
    }
  }

  /** A non-negative number as exactly 32 big-endian bytes (BigInteger adds a sign byte or drops leading zeros). */
  private static void fixed(BigInteger n, byte[] into, int at) {
    byte[] raw = n.toByteArray();
    int skip = raw.length > 32 ? raw.length - 32 : 0;
    System.arraycopy(raw, skip, into, at + 32 - (raw.length - skip), raw.length - skip);
  }

  private static ECParameterSpec spec() {
    try {
      AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
      parameters.init(new ECGenParameterSpec("secp256r1"));
      return parameters.getParameterSpec(ECParameterSpec.class);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK has no P-256", e);
    }
  }
}
