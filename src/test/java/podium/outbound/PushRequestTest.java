package podium.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.outbound.PushOptions.Urgency;

/** The request RFC 8030 asks for, with the headers a push service reads. */
@Tag("unit")
class PushRequestTest {

  private static final Instant NOW = Instant.parse("2023-10-20T01:30:00Z");

  @Test
  void theRequestCarriesTheEncryptedPayloadAndEveryHeader() throws GeneralSecurityException {
    VapidKeys keys = VapidKeys.generate();
    WebPush push = new WebPush(keys, new PushSettings("mailto:ops@example.org", false));
    BrowserSubscription phone = BrowserSubscription.make();
    PushSubscription to = PushSubscription.of("https://push.example.org/send/7", phone.publicPoint(), phone.auth());
    String topic = PushOptions.sessionTopic(1, "keynote-gan-yong");
    byte[] payload = "{\"kind\":\"session.delayed\"}".getBytes(StandardCharsets.UTF_8);

    PushRequest r = push.request(to, payload, new PushOptions(600, Urgency.HIGH, topic), NOW);

    assertThat(r.endpoint()).isEqualTo("https://push.example.org/send/7");
    Map<String, String> h = r.headers();
    assertThat(h).containsEntry("Content-Encoding", "aes128gcm").containsEntry("TTL", "600")
        .containsEntry("Urgency", "high").containsEntry("Topic", topic)
        .containsEntry("Content-Type", "application/octet-stream");
    assertThat(VapidCheck.check(h.get("Authorization"), "https://push.example.org", NOW).key())
        .isEqualTo(push.applicationServerKey()).isEqualTo(keys.applicationServerKey());
    assertThat(PhoneDecryption.decrypt(r.body(), phone)).isEqualTo(payload);
  }

  @Test
  void withoutATopicThereIsNoTopicHeader() {
    WebPush push = new WebPush(VapidKeys.generate(), new PushSettings("https://forum.example.org/contact", false));
    BrowserSubscription phone = BrowserSubscription.make();
    PushRequest r = push.request(PushSubscription.of("https://push.example.org/1", phone.publicPoint(), phone.auth()),
        new byte[] {'{', '}'}, new PushOptions(0, Urgency.NORMAL, null), NOW);
    assertThat(r.headers()).doesNotContainKey("Topic").containsEntry("TTL", "0").containsEntry("Urgency", "normal");
  }

  @Test
  void aRequestCannotBeChangedOnceMade() {
    byte[] body = {1, 2, 3};
    PushRequest r = new PushRequest("https://push.example.org/1", new java.util.HashMap<>(Map.of("TTL", "60")), body);
    body[0] = 9;
    r.body()[1] = 9;
    assertThat(r.body()).containsExactly(1, 2, 3);
    assertThatThrownBy(() -> r.headers().put("TTL", "0")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void oneTopicPerSessionOfAnEventIn32Base64urlCharacters() {
    String topic = PushOptions.sessionTopic(1, "keynote-gan-yong");
    assertThat(topic).matches("[A-Za-z0-9_-]{32}");
    assertThat(PushOptions.sessionTopic(1, "keynote-gan-yong")).isEqualTo(topic);
    assertThat(PushOptions.sessionTopic(2, "keynote-gan-yong")).isNotEqualTo(topic);
    assertThat(PushOptions.sessionTopic(1, "industry-report-release")).isNotEqualTo(topic);
    assertThat(PushOptions.sessionTopic(1, "a-session-id-that-is-much-longer-than-thirty-two/characters"))
        .matches("[A-Za-z0-9_-]{32}");
  }

  @Test
  void badOptionsAreRefused() {
    assertThatThrownBy(() -> new PushOptions(60, Urgency.LOW, "x".repeat(33))).hasMessageContaining("Topic");
    assertThatThrownBy(() -> new PushOptions(60, Urgency.LOW, "a+b")).hasMessageContaining("Topic");
    assertThatThrownBy(() -> new PushOptions(-1, Urgency.LOW, null)).hasMessageContaining("TTL");
    assertThatThrownBy(() -> new PushOptions(PushOptions.MAX_TTL + 1, Urgency.LOW, null)).hasMessageContaining("TTL");
    assertThatThrownBy(() -> new PushOptions(60, null, null)).hasMessageContaining("urgency");
    assertThat(Urgency.VERY_LOW.header()).isEqualTo("very-low");
  }
}
