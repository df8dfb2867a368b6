package podium.web;

import podium.event.ErrorCode;

/** The HTTP status each refusal code is answered with: a code added without one does not compile. */
public final class Statuses {

  private Statuses() {
  }

  public static int of(ErrorCode code) {
    return switch (code) {
      case MALFORMED_JSON, UNKNOWN_COMMAND, INVALID_FIELD, BAD_IDEMPOTENCY_KEY, INVALID_SUBSCRIPTION -> 400;
      case UNAUTHORIZED, BAD_CREDENTIALS -> 401;
      case FORBIDDEN, CSRF_REFUSED -> 403;
      case UNKNOWN_EVENT, NOT_FOUND -> 404;
      case METHOD_NOT_ALLOWED -> 405;
      case STALE_VERSION, INVALID_STATE, ROOM_BUSY, DUPLICATE_ID, PAST_DAY_END, EVENT_EXISTS, EVENT_UNDER_WAY,
          STALE_RELEASE -> 409;
      case BODY_TOO_LARGE -> 413;
      case UNSUPPORTED_MEDIA_TYPE -> 415;
      case IDEMPOTENCY_KEY_REUSED, INVALID_SCHEDULE, PUSH_ENDPOINT_REFUSED, UNKNOWN_SESSION, UNKNOWN_ROOM,
          UNKNOWN_SPEAKER, UNKNOWN_AWARD, UNKNOWN_NOMINEE, UNKNOWN_ANNOUNCEMENT, UNKNOWN_SCREEN, UNKNOWN_CODE,
          UNKNOWN_CHANGE, UNKNOWN_CUE -> 422;
      case TOO_MANY_SCREENS, TOO_MANY_ATTEMPTS -> 429;
      case UNAVAILABLE, STARTING -> 503;
    };
  }
}
