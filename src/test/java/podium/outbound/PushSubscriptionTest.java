package podium.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.event.ErrorCode;

/** A subscription is taken whole or refused with a stable code and the field at fault. */
@Tag("unit")
class PushSubscriptionTest {

  private static final String ENDPOINT = "https://fcm.googleapis.com/fcm/send/cXJ3:APA91b";

  @Test
  void aBrowsersSubscriptionIsTaken() {
    BrowserSubscription phone = BrowserSubscription.make();
    PushSubscription.Parsed parsed = PushSubscription.parse(phone.json(ENDPOINT), false);
    assertThat(parsed).isInstanceOf(PushSubscription.Accepted.class);
    PushSubscription s = ((PushSubscription.Accepted) parsed).subscription();
    assertThat(s.endpoint()).isEqualTo(ENDPOINT);
    assertThat(s.p256dh()).isEqualTo(phone.publicPoint());
    assertThat(s.auth()).isEqualTo(phone.auth());
  }

  @Test
  void paddedBase64urlIsTakenToo() {
    BrowserSubscription phone = BrowserSubscription.make();
    JsonObject json = phone.json(ENDPOINT);
    json.getJsonObject("keys").put("auth", phone.authBase64url() + "==").put("p256dh", phone.p256dh() + "=");
    assertThat(PushSubscription.parse(json, false)).isInstanceOf(PushSubscription.Accepted.class);
  }

  @Test
  void aMalformedSubscriptionIsRefusedWithItsField() {
    BrowserSubscription phone = BrowserSubscription.make();
    byte[] offCurve = new byte[65];
    offCurve[0] = 4;
    offCurve[32] = 1; // x = 1
    offCurve[64] = 1; // y = 1: 1 != 1 - 3 + b
    byte[] beyondField = new byte[65];
    java.util.Arrays.fill(beyondField, (byte) 0xff);
    beyondField[0] = 4;
    refused(null, "subscription");
    refused(new JsonObject(), "endpoint");
    refused(phone.json("http://push.example.org/send/1"), "endpoint");
    refused(phone.json("https://user:secret@push.example.org/send/1"), "endpoint");
    refused(phone.json("https://push.example.org/send/1#x"), "endpoint");
    refused(phone.json("https://push.example.org/" + "x".repeat(2000)), "endpoint");
    refused(phone.json("not a url"), "endpoint");
    refused(withKey(phone, "p256dh", "BCVx$r7N"), "keys.p256dh");
    // RFC 8291's example key in standard base64 ('+' and '/'): a browser sends base64url.
    refused(withKey(phone, "p256dh",
        "BCVxsr7N/eNgVRqvHtD0zTZsEc6+VV+JvLexhqUzORcxaOzi6+AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"), "keys.p256dh");
    refused(withKey(phone, "p256dh", base64url(java.util.Arrays.copyOf(phone.publicPoint(), 64))), "keys.p256dh");
    refused(withKey(phone, "p256dh", base64url(java.util.Arrays.copyOf(phone.publicPoint(), 33))), "keys.p256dh");
    refused(withKey(phone, "p256dh", base64url(offCurve)), "keys.p256dh");
    refused(withKey(phone, "p256dh", base64url(beyondField)), "keys.p256dh");
    refused(withKey(phone, "p256dh", null), "keys.p256dh");
    refused(withKey(phone, "auth", base64url(new byte[15])), "keys.auth");
    refused(withKey(phone, "auth", base64url(new byte[17])), "keys.auth");
    refused(withKey(phone, "auth", "not base64!"), "keys.auth");
    refused(phone.json(ENDPOINT).put("keys", "p256dh"), "keys.p256dh");
  }

  @Test
  void theRefusalIsWhatTheApiAnswers() {
    PushSubscription.Refused r = (PushSubscription.Refused) PushSubscription.parse(
        BrowserSubscription.make().json("http://push.example.org/1"), false);
    assertThat(r.rejection().code().wire()).isEqualTo("invalid_subscription");
    assertThat(podium.web.Statuses.of(r.rejection().code())).isEqualTo(400);
    assertThat(r.rejection().details().getString("field")).isEqualTo("endpoint");
    assertThat(r.message()).isEqualTo("'endpoint' must be an https:// URL");
  }

  @Test
  void httpIsTakenOnlyWhenPrivateEndpointsAreAllowed() {
    JsonObject local = BrowserSubscription.make().json("http://127.0.0.1:8080/push/1");
    assertThat(PushSubscription.parse(local, true)).isInstanceOf(PushSubscription.Accepted.class);
    assertThat(PushSubscription.parse(local, false)).isInstanceOf(PushSubscription.Refused.class);
  }

  @Test
  void anEndpointOnAPrivateAddressIsRefusedUnlessAllowed() {
    for (String url : new String[] {"https://127.0.0.1/push/1", "https://[::1]:8443/push", "https://10.1.2.3/p",
        "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/p", "https://[fd00::1]/p", "https://0.0.0.0/p"}) {
      PushSubscription.Refused r = PushEndpoints.addressRefusal(url, false);
      assertThat(r).as(url).isNotNull();
      assertThat(r.code()).isEqualTo(ErrorCode.PUSH_ENDPOINT_REFUSED);
      assertThat(r.field()).isEqualTo("endpoint");
      assertThat(PushEndpoints.addressRefusal(url, true)).as(url).isNull();
    }
    assertThat(PushEndpoints.addressRefusal("https://push.invalid/p", false).message()).contains("does not resolve");
    assertThat(PushEndpoints.addressRefusal("https://93.184.215.14/p", false)).isNull();
  }

  private static void refused(JsonObject json, String field) {
    PushSubscription.Parsed parsed = PushSubscription.parse(json, false);
    assertThat(parsed).as("%s", json).isInstanceOf(PushSubscription.Refused.class);
    PushSubscription.Refused r = (PushSubscription.Refused) parsed;
    assertThat(r.code()).isEqualTo(ErrorCode.INVALID_SUBSCRIPTION);
    assertThat(r.field()).as("%s", json).isEqualTo(field);
    assertThat(r.message()).as("%s", json).startsWith(field.equals("subscription") ? "must" : "'" + field + "'");
  }

  private static JsonObject withKey(BrowserSubscription phone, String key, String value) {
    JsonObject json = phone.json(ENDPOINT);
    json.getJsonObject("keys").put(key, value);
    return json;
  }

  private static String base64url(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
