package podium.outbound;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Base64;

/**
 * The application server's key pair (RFC 8292): phones subscribe with its public key, and every
 * push request is signed with its private key. One pair for the whole hub, kept in push_keys
 * (PushKeys), so that any node can send to any phone.
 */
public final class VapidKeys {

  private final ECPrivateKey privateKey;
  private final ECPublicKey publicKey;

  private VapidKeys(ECPrivateKey privateKey, ECPublicKey publicKey) {
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  public static VapidKeys generate() {
    KeyPair pair = P256.newKeyPair();
    return new VapidKeys((ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic());
  }

  /** As stored: the 32-byte scalar and the 65-byte point; a pair that does not belong together is refused. */
  public static VapidKeys of(byte[] privateScalar, byte[] publicPoint) {
    VapidKeys keys = new VapidKeys(P256.privateKey(privateScalar), P256.publicKey(publicPoint));
    byte[] probe = {'p', 'o', 'd', 'i', 'u', 'm'};
    if (!keys.verifies(probe, keys.sign(probe))) {
      throw new IllegalArgumentException("the stored VAPID public key is not the private key's");
    }
    return keys;
  }

  /** What the phone page passes to pushManager.subscribe as applicationServerKey, and the header's k=. */
  public String applicationServerKey() {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(publicPoint());
  }

  public byte[] publicPoint() {
    return P256.point(publicKey);
  }

  public byte[] privateScalar() {
    return P256.scalar(privateKey);
  }

  /** ES256 as JWS wants it: r and s, 32 bytes each (not DER). */
  byte[] sign(byte[] data) {
    try {
      Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
      es256.initSign(privateKey);
      es256.update(data);
      return es256.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot sign with the VAPID key", e);
    }
  }

  private boolean verifies(byte[] data, byte[] signature) {
    try {
      Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
      es256.initVerify(publicKey);
      es256.update(data);
      return es256.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }
}
