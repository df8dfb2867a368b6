package podium.outbound;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * What a push service's answer means for the sender (RFC 8030 sections 5 and 8). DELIVERED: 2xx
 * (201, or 202 with a receipt). GONE: 404 or 410, the subscription has expired or was
 * withdrawn: delete it. RETRY: 429, 5xx, 408, or no answer at all: send again later, not before
 * retryAfter when the service said (Retry-After). REJECTED: every other answer (400, 401, 403, 413,
 * a redirect, a refused address): this request will never be taken; do not send it again.
 */
public record PushOutcome(Result result, Integer status, Duration retryAfter, String detail) {

  public enum Result { DELIVERED, GONE, RETRY, REJECTED }

  /** A Retry-After further off than a day is taken as a day: a notice that old is no use. */
  static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);
  private static final int MAX_DETAIL = 300;

  /** The answer's status, its Retry-After header (or null) and body (or null, for the detail). */
  public static PushOutcome of(int status, String retryAfter, String body, Instant now) {
    String detail = cut("answered " + status + (body == null || body.isBlank() ? "" : ": " + body.strip()));
    if (status >= 200 && status < 300) {
      return new PushOutcome(Result.DELIVERED, status, null, null);
    }
    if (status == 404 || status == 410) {
      return new PushOutcome(Result.GONE, status, null, detail);
    }
    if (status == 429 || status >= 500 || status == 408) {
      return new PushOutcome(Result.RETRY, status, retryAfter(retryAfter, now), detail);
    }
    return new PushOutcome(Result.REJECTED, status, null, detail);
  }

  /** No answer: a timeout, a refused or reset connection. Worth another try. */
  public static PushOutcome unanswered(String why) {
    return new PushOutcome(Result.RETRY, null, null, cut(why == null ? "no answer" : why));
  }

  /** Not sent at all, and never will be as it stands (the endpoint is on a private address). */
  public static PushOutcome refused(String why) {
    return new PushOutcome(Result.REJECTED, null, null, cut(why));
  }

  /** Delta-seconds or an HTTP-date (RFC 9110 section 10.2.3); null when absent or unreadable. */
  static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String value = header.strip();
    Duration wait;
    if (value.chars().allMatch(Character::isDigit)) {
      wait = value.length() > 9 ? MAX_RETRY_AFTER : Duration.ofSeconds(Long.parseLong(value));
    } else {
      try {
        wait = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    return wait.isNegative() ? Duration.ZERO : wait.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : wait;
  }

  private static String cut(String s) {
    return s.length() <= MAX_DETAIL ? s : s.substring(0, MAX_DETAIL);
  }
}
