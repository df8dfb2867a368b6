package podium.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The VAPID header (RFC 8292), checked by the test's own VapidCheck as a push service would. */
@Tag("unit")
class PushVapidTest {

  private static final Instant NOW = Instant.parse("2023-10-20T01:30:00Z");
  private static final String SUBJECT = "mailto:ops@example.org";

  @Test
  void theHeaderVerifiesWithItsKeyForThePushServicesOrigin() throws GeneralSecurityException {
    VapidKeys keys = VapidKeys.generate();
    String header = new VapidTokens(keys, SUBJECT).authorization("https://fcm.googleapis.com/fcm/send/abc:def", NOW);
    VapidCheck.Vapid vapid = VapidCheck.check(header, "https://fcm.googleapis.com", NOW);
    assertThat(vapid.key()).isEqualTo(keys.applicationServerKey());
    assertThat(vapid.claims().getString("sub")).isEqualTo(SUBJECT);
    assertThat(vapid.claims().getString("aud")).isEqualTo("https://fcm.googleapis.com");
    assertThat(vapid.claims().getLong("exp")).isGreaterThan(NOW.getEpochSecond())
        .isLessThanOrEqualTo(NOW.getEpochSecond() + 24 * 3600);
    assertThat(header).matches("vapid t=[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+, k=[A-Za-z0-9_-]{87}");
  }

  /** The check can fail: a token is refused for another origin, after it expires, or under another key. */
  @Test
  void aPushServiceRefusesAnotherOriginALateUseOrAnotherKey() {
    String header = new VapidTokens(VapidKeys.generate(), SUBJECT).authorization("https://push.example.org/x", NOW);
    assertThatThrownBy(() -> VapidCheck.check(header, "https://other.example.org", NOW))
        .hasMessageContaining("aud");
    assertThatThrownBy(() -> VapidCheck.check(header, "https://push.example.org", NOW.plusSeconds(24 * 3600)))
        .hasMessageContaining("exp");
    String otherKey = header.replaceAll("k=.*", "k=" + VapidKeys.generate().applicationServerKey());
    assertThatThrownBy(() -> VapidCheck.check(otherKey, "https://push.example.org", NOW))
        .hasMessageContaining("does not verify");
  }

  @Test
  void theAudienceIsTheOriginWithAPortOnlyWhenItIsNotTheSchemesOwn() {
    assertThat(VapidTokens.audience("https://updates.push.services.mozilla.com/wpush/v2/gAAAA")).isEqualTo(
        "https://updates.push.services.mozilla.com");
    assertThat(VapidTokens.audience("https://Web.Push.Apple.com:443/QGx")).isEqualTo("https://web.push.apple.com");
    assertThat(VapidTokens.audience("https://push.example.org:8443/send?x=1")).isEqualTo("https://push.example.org:8443");
    assertThat(VapidTokens.audience("http://127.0.0.1:40111/push/1")).isEqualTo("http://127.0.0.1:40111");
  }

  @Test
  void aTokenIsReusedForHalfItsLifeAndOnlyForItsOwnPushService() {
    VapidTokens tokens = new VapidTokens(VapidKeys.generate(), SUBJECT);
    String first = tokens.token("https://push.example.org", NOW);
    assertThat(tokens.token("https://push.example.org", NOW.plus(VapidTokens.REUSE).minusSeconds(1))).isEqualTo(first);
    assertThat(tokens.token("https://other.example.org", NOW)).isNotEqualTo(first);
    assertThat(tokens.token("https://push.example.org", NOW.plus(VapidTokens.REUSE))).isNotEqualTo(first);
  }

  @Test
  void theSubjectMustBeAMailtoOrHttpsUrl() {
    assertThat(PushSettings.subjectProblem("mailto:ops@example.org")).isNull();
    assertThat(PushSettings.subjectProblem("https://forum.example.org/contact")).isNull();
    for (String bad : new String[] {null, "", " mailto:ops@example.org", "ops@example.org", "mailto:", "mailto:ops",
        "mailto:a@b?subject=hi", "http://forum.example.org", "https://", "javascript:alert(1)", "mailto:a b@c.org"}) {
      assertThat(PushSettings.subjectProblem(bad)).as("subject %s", bad).isNotNull();
    }
    assertThatThrownBy(() -> new PushSettings("ops@example.org", false))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PODIUM_VAPID_SUBJECT");
  }

  @Test
  void storedKeysThatDoNotBelongTogetherAreRefused() {
    VapidKeys one = VapidKeys.generate();
    VapidKeys other = VapidKeys.generate();
    assertThat(VapidKeys.of(one.privateScalar(), one.publicPoint()).applicationServerKey())
        .isEqualTo(one.applicationServerKey());
    assertThatThrownBy(() -> VapidKeys.of(one.privateScalar(), other.publicPoint()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the private key's");
  }
}
