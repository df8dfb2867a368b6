package podium.outbound;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the phone does with a push message: RFC 8188's aes128gcm (any record size, any number of
 * records, padding) with RFC 8291's keys. Written from the RFCs, without podium.outbound's code:
 * the stand-in push service reads every body with it, so a wrong encryption fails the tests.
 */
final class PhoneDecryption {

  private PhoneDecryption() {
  }

  /** The plaintext; GeneralSecurityException says what is wrong with the body. */
  static byte[] decrypt(byte[] body, BrowserSubscription phone) throws GeneralSecurityException {
    if (body.length < 21) {
      throw new GeneralSecurityException("the body is shorter than an aes128gcm header");
    }
    ByteBuffer in = ByteBuffer.wrap(body);
    byte[] salt = new byte[16];
    in.get(salt);
    long rs = Integer.toUnsignedLong(in.getInt());
    int idlen = in.get() & 0xff;
    if (rs < 18 || idlen != 65 || in.remaining() < idlen) {
      throw new GeneralSecurityException("bad header: rs " + rs + ", idlen " + idlen);
    }
    byte[] senderPoint = new byte[idlen];
    in.get(senderPoint);
    byte[] ikm = webPushSecret(phone, senderPoint);
    byte[] prk = hmac(salt, ikm);
    SecretKeySpec cek = new SecretKeySpec(Arrays.copyOf(hmac(prk, label("Content-Encoding: aes128gcm")), 16), "AES");
    byte[] nonce = Arrays.copyOf(hmac(prk, label("Content-Encoding: nonce")), 12);
    byte[] ciphertext = new byte[in.remaining()];
    in.get(ciphertext);
    if (ciphertext.length == 0) {
      throw new GeneralSecurityException("no record");
    }
    ByteBuffer plain = ByteBuffer.allocate(ciphertext.length);
    for (int at = 0, seq = 0; at < ciphertext.length; at += (int) rs, seq++) {
      boolean last = at + rs >= ciphertext.length;
      byte[] record = Arrays.copyOfRange(ciphertext, at, (int) Math.min(ciphertext.length, at + rs));
      Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
      gcm.init(Cipher.DECRYPT_MODE, cek, new GCMParameterSpec(128, sequenced(nonce, seq)));
      plain.put(unpad(gcm.doFinal(record), last));
    }
    return Arrays.copyOf(plain.array(), plain.position());
  }

  /** RFC 8291 section 3.3-3.4: IKM from ECDH and the auth secret, bound to both public keys. */
  private static byte[] webPushSecret(BrowserSubscription phone, byte[] senderPoint) throws GeneralSecurityException {
    ECPrivateKey mine = phone.privateKey();
    ECPublicKey sender = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
        new ECPoint(new BigInteger(1, Arrays.copyOfRange(senderPoint, 1, 33)),
            new BigInteger(1, Arrays.copyOfRange(senderPoint, 33, 65))), mine.getParams()));
    KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
    ecdh.init(mine);
    ecdh.doPhase(sender, true);
    byte[] prkKey = hmac(phone.auth(), ecdh.generateSecret());
    ByteBuffer info = ByteBuffer.allocate(14 + 65 + 65 + 1);
    info.put("WebPush: info".getBytes(StandardCharsets.US_ASCII)).put((byte) 0)
        .put(phone.publicPoint()).put(senderPoint).put((byte) 1);
    return hmac(prkKey, info.array());
  }

  /** The content's end: the last non-zero byte is the delimiter, 2 in the last record, 1 before. */
  private static byte[] unpad(byte[] record, boolean last) throws GeneralSecurityException {
    int end = record.length - 1;
    while (end >= 0 && record[end] == 0) {
      end--;
    }
    if (end < 0 || record[end] != (last ? 2 : 1)) {
      throw new GeneralSecurityException("bad padding delimiter in a " + (last ? "last" : "middle") + " record");
    }
    return Arrays.copyOf(record, end);
  }

  /** The nonce XOR the record's sequence number, as a 96-bit big-endian number. */
  private static byte[] sequenced(byte[] nonce, int seq) {
    byte[] n = nonce.clone();
    for (int i = 0; i < 4; i++) {
      n[11 - i] ^= (byte) (seq >>> (8 * i));
    }
    return n;
  }

  /** HKDF's expand for one block: HMAC(prk, info || 0x01), here with info = text || 0x00. */
  private static byte[] label(String text) {
    byte[] t = text.getBytes(StandardCharsets.US_ASCII);
    byte[] info = Arrays.copyOf(t, t.length + 2);
    info[t.length + 1] = 1;
    return info;
  }

  private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }
}
