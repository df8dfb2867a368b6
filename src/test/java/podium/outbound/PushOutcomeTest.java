package podium.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import podium.outbound.PushOutcome.Result;

/** What each answer of a push service means for the sender. */
@Tag("unit")
class PushOutcomeTest {

  private static final Instant NOW = Instant.parse("2023-10-20T01:30:00Z");

  @Test
  void createdOrAcceptedIsDelivered() {
    assertThat(PushOutcome.of(201, null, null, NOW).result()).isEqualTo(Result.DELIVERED);
    assertThat(PushOutcome.of(202, null, null, NOW).result()).isEqualTo(Result.DELIVERED);
  }

  @Test
  void notFoundOrGoneMeansTheSubscriptionIsGone() {
    assertThat(PushOutcome.of(404, null, null, NOW).result()).isEqualTo(Result.GONE);
    PushOutcome gone = PushOutcome.of(410, null, "{\"reason\":\"unsubscribed\"}", NOW);
    assertThat(gone.result()).isEqualTo(Result.GONE);
    assertThat(gone.detail()).isEqualTo("answered 410: {\"reason\":\"unsubscribed\"}");
  }

  @Test
  void tooManyRequestsAndServerErrorsAreRetriedNotBeforeRetryAfter() {
    PushOutcome slow = PushOutcome.of(429, "120", null, NOW);
    assertThat(slow.result()).isEqualTo(Result.RETRY);
    assertThat(slow.retryAfter()).isEqualTo(Duration.ofSeconds(120));
    PushOutcome dated = PushOutcome.of(503, "Fri, 20 Oct 2023 01:35:00 GMT", null, NOW);
    assertThat(dated.result()).isEqualTo(Result.RETRY);
    assertThat(dated.retryAfter()).isEqualTo(Duration.ofMinutes(5));
    PushOutcome plain = PushOutcome.of(500, null, null, NOW);
    assertThat(plain.result()).isEqualTo(Result.RETRY);
    assertThat(plain.retryAfter()).isNull();
    assertThat(PushOutcome.of(502, null, null, NOW).result()).isEqualTo(Result.RETRY);
    assertThat(PushOutcome.unanswered("Connection refused").result()).isEqualTo(Result.RETRY);
  }

  @Test
  void aRetryAfterThatCannotBeReadIsIgnoredAndOneTooFarOffIsCut() {
    assertThat(PushOutcome.of(429, "soon", null, NOW).retryAfter()).isNull();
    assertThat(PushOutcome.of(429, "-5", null, NOW).retryAfter()).isNull();
    assertThat(PushOutcome.of(429, "Thu, 19 Oct 2023 01:30:00 GMT", null, NOW).retryAfter()).isEqualTo(Duration.ZERO);
    assertThat(PushOutcome.of(429, "99999999999", null, NOW).retryAfter()).isEqualTo(PushOutcome.MAX_RETRY_AFTER);
    assertThat(PushOutcome.of(429, "172800", null, NOW).retryAfter()).isEqualTo(PushOutcome.MAX_RETRY_AFTER);
  }

  @Test
  void otherRefusalsArePermanentForThisRequest() {
    for (int status : new int[] {400, 401, 403, 413, 301, 302}) {
      PushOutcome o = PushOutcome.of(status, "30", null, NOW);
      assertThat(o.result()).as("status %d", status).isEqualTo(Result.REJECTED);
      assertThat(o.retryAfter()).isNull();
      assertThat(o.status()).isEqualTo(status);
    }
    assertThat(PushOutcome.refused("'endpoint' points at a private address").result()).isEqualTo(Result.REJECTED);
  }
}
