package podium.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** RFC 8291's aes128gcm, checked against the RFC's own example and read back as a phone would. */
@Tag("unit")
class PushEncryptionTest {

  // RFC 8291, Appendix A.
  private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
  private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
  private static final String AS_PUBLIC =
      "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
  private static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
  private static final String UA_PUBLIC =
      "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
  private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
  private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
  private static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLo"
      + "cInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

  @Test
  void theRfcExampleComesOutByteForByte() {
    KeyPair sender = new KeyPair(P256.publicKey(bytes(AS_PUBLIC)), P256.privateKey(bytes(AS_PRIVATE)));
    byte[] body = PushEncryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), P256.publicKey(bytes(UA_PUBLIC)),
        bytes(AUTH), sender, bytes(SALT));
    assertThat(BrowserSubscription.base64url(body)).isEqualTo(BODY);
  }

  /** The stand-in's reader is itself right: it reads the RFC's example with the RFC's phone keys. */
  @Test
  void thePhoneSideReadsTheRfcExample() throws GeneralSecurityException {
    BrowserSubscription rfcPhone = BrowserSubscription.of(bytes(UA_PRIVATE), bytes(UA_PUBLIC), bytes(AUTH));
    assertThat(new String(PhoneDecryption.decrypt(bytes(BODY), rfcPhone), StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
  }

  @Test
  void aPhoneReadsWhatWasEncryptedForIt() throws GeneralSecurityException {
    BrowserSubscription phone = BrowserSubscription.make();
    byte[] payload = "{\"title\":\"主论坛 推迟 15 分钟\",\"session\":\"keynote-gan-yong\"}".getBytes(StandardCharsets.UTF_8);
    byte[] body = PushEncryption.encrypt(payload, subscription(phone));
    assertThat(PhoneDecryption.decrypt(body, phone)).isEqualTo(payload);
    assertThat(new String(body, StandardCharsets.ISO_8859_1)).doesNotContain("keynote");
  }

  @Test
  void anotherPhoneOrATamperedBodyReadsNothing() {
    BrowserSubscription phone = BrowserSubscription.make();
    byte[] body = PushEncryption.encrypt("for one phone".getBytes(StandardCharsets.UTF_8), subscription(phone));
    assertThatThrownBy(() -> PhoneDecryption.decrypt(body, BrowserSubscription.make()))
        .isInstanceOf(GeneralSecurityException.class);
    byte[] tampered = body.clone();
    tampered[tampered.length - 20] ^= 1;
    assertThatThrownBy(() -> PhoneDecryption.decrypt(tampered, phone)).isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  void eachMessageHasItsOwnSaltAndKey() {
    PushSubscription to = subscription(BrowserSubscription.make());
    byte[] same = "the same notice".getBytes(StandardCharsets.UTF_8);
    byte[] first = PushEncryption.encrypt(same, to);
    byte[] second = PushEncryption.encrypt(same, to);
    assertThat(Arrays.copyOf(first, 16)).isNotEqualTo(Arrays.copyOf(second, 16));
    assertThat(Arrays.copyOfRange(first, 21, 86)).isNotEqualTo(Arrays.copyOfRange(second, 21, 86));
  }

  @Test
  void theLargestPayloadFillsTheBodyPushServicesMustTakeAndOneMoreIsRefused() throws GeneralSecurityException {
    BrowserSubscription phone = BrowserSubscription.make();
    byte[] largest = new byte[PushEncryption.MAX_PAYLOAD];
    Arrays.fill(largest, (byte) 'x');
    byte[] body = PushEncryption.encrypt(largest, subscription(phone));
    assertThat(body).hasSize(4096);
    assertThat(PhoneDecryption.decrypt(body, phone)).isEqualTo(largest);
    assertThatThrownBy(() -> PushEncryption.encrypt(new byte[PushEncryption.MAX_PAYLOAD + 1], subscription(phone)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 3993 bytes");
  }

  /** One number in 256 starts with a zero byte: such keys are still 65 and 32 bytes, and the same key. */
  @Test
  void keysKeepTheirLeadingZeros() {
    int withZero = 0;
    for (int i = 0; i < 5_000 && withZero < 3; i++) {
      BrowserSubscription phone = BrowserSubscription.make();
      byte[] point = phone.publicPoint();
      byte[] scalar = phone.privateScalar();
      withZero += point[1] == 0 || point[33] == 0 || scalar[0] == 0 ? 1 : 0;
      assertThat(P256.point(P256.publicKey(point))).isEqualTo(point);
      assertThat(P256.scalar(P256.privateKey(scalar))).isEqualTo(scalar);
    }
    assertThat(withZero).as("keys with a leading zero byte seen").isEqualTo(3);
  }

  static PushSubscription subscription(BrowserSubscription phone) {
    return PushSubscription.of("https://push.example.org/send/1", phone.publicPoint(), phone.auth());
  }

  private static byte[] bytes(String base64url) {
    return Base64.getUrlDecoder().decode(base64url);
  }
}
