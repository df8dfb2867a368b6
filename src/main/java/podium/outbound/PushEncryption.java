package podium.outbound;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A payload encrypted for one subscription: RFC 8291 (Message Encryption for Web Push) over the
 * aes128gcm content coding of RFC 8188, in one record. Each message has its own key pair and salt,
 * so two messages with the same text look unrelated; only the phone (its private key and auth
 * secret) can read it, not the push service that carries it.
 */
public final class PushEncryption {

  /** The record size written in the header; one record holds the whole message. */
  static final int RECORD_SIZE = 4096;
  /** Push services must take 4096 body bytes: 86 of header, 16 of tag and 1 delimiter leave 3993. */
  public static final int MAX_PAYLOAD = 4096 - 86 - 16 - 1;

  private static final byte[] KEY_INFO = info("WebPush: info");
  private static final byte[] CEK_INFO = info("Content-Encoding: aes128gcm");
  private static final byte[] NONCE_INFO = info("Content-Encoding: nonce");
  private static final SecureRandom RANDOM = new SecureRandom();

  private PushEncryption() {
  }

  /** The request body: header (salt, record size, the sender's public key) and the one record. */
  public static byte[] encrypt(byte[] payload, PushSubscription to) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return encrypt(payload, to.publicKey(), to.auth(), P256.newKeyPair(), salt);
  }

  /** With the sender's key pair and salt given: RFC 8291's example, in the tests. */
  static byte[] encrypt(byte[] payload, ECPublicKey receiver, byte[] auth, KeyPair sender, byte[] salt) {
    if (payload.length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("a push payload is at most " + MAX_PAYLOAD + " bytes, not " + payload.length);
    }
    try {
      byte[] senderPoint = P256.point((ECPublicKey) sender.getPublic());
      KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
      ecdh.init(sender.getPrivate());
      ecdh.doPhase(receiver, true);
      // RFC 8291 section 3.4: the auth secret and both public keys go into the key, then RFC 8188's salt.
      byte[] keyInfo = concat(KEY_INFO, P256.point(receiver), senderPoint);
      byte[] ikm = hkdf(auth, ecdh.generateSecret(), keyInfo, 32);
      byte[] cek = hkdf(salt, ikm, CEK_INFO, 16);
      byte[] nonce = hkdf(salt, ikm, NONCE_INFO, 12);
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
      // The last (and only) record ends with the delimiter 2 and no padding.
      byte[] record = gcm.doFinal(concat(payload, new byte[] {2}));
      return ByteBuffer.allocate(16 + 4 + 1 + senderPoint.length + record.length)
          .put(salt).putInt(RECORD_SIZE).put((byte) senderPoint.length).put(senderPoint).put(record).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot encrypt for this key: " + e.getMessage(), e);
    }
  }

  /** HKDF-SHA256 (RFC 5869), extract then one expand block: every length here is at most 32. */
  private static byte[] hkdf(byte[] salt, byte[] secret, byte[] info, int length) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(salt, "HmacSHA256"));
    byte[] prk = mac.doFinal(secret);
    mac.init(new SecretKeySpec(prk, "HmacSHA256"));
    mac.update(info);
    mac.update((byte) 1);
    return Arrays.copyOf(mac.doFinal(), length);
  }

  private static byte[] info(String label) {
    return concat(label.getBytes(StandardCharsets.US_ASCII), new byte[] {0});
  }

  private static byte[] concat(byte[]... parts) {
    ByteBuffer out = ByteBuffer.allocate(Arrays.stream(parts).mapToInt(p -> p.length).sum());
    for (byte[] p : parts) {
      out.put(p);
    }
    return out.array();
  }
}
