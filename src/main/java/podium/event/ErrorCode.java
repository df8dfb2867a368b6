package podium.event;

/**
 * Every refusal code of the HTTP API, with the status it is answered with. The wire name is the
 * lower-case constant name; docs/API.md lists them all and a test holds the two together.
 */
public enum ErrorCode {
  MALFORMED_JSON(400), UNKNOWN_COMMAND(400), INVALID_FIELD(400), BAD_IDEMPOTENCY_KEY(400), INVALID_SUBSCRIPTION(400),
  UNAUTHORIZED(401), BAD_CREDENTIALS(401), FORBIDDEN(403), CSRF_REFUSED(403),
  UNKNOWN_EVENT(404), NOT_FOUND(404), METHOD_NOT_ALLOWED(405),
  STALE_VERSION(409), INVALID_STATE(409), ROOM_BUSY(409), DUPLICATE_ID(409), PAST_DAY_END(409),
  EVENT_EXISTS(409), EVENT_UNDER_WAY(409),
  BODY_TOO_LARGE(413), UNSUPPORTED_MEDIA_TYPE(415),
  IDEMPOTENCY_KEY_REUSED(422), INVALID_SCHEDULE(422), PUSH_ENDPOINT_REFUSED(422),
  UNKNOWN_SESSION(422), UNKNOWN_ROOM(422), UNKNOWN_SPEAKER(422), UNKNOWN_AWARD(422), UNKNOWN_NOMINEE(422),
  UNKNOWN_ANNOUNCEMENT(422), UNKNOWN_SCREEN(422), UNKNOWN_CODE(422), UNKNOWN_CHANGE(422),
  UNKNOWN_CUE(422),
  TOO_MANY_SCREENS(429), TOO_MANY_ATTEMPTS(429),
  UNAVAILABLE(503), STARTING(503);

  private final int status;

  ErrorCode(int status) {
    this.status = status;
  }

  /** The HTTP status this refusal is answered with. */
  public int status() {
    return status;
  }

  public String wire() {
    return Spelling.of(this);
  }
}
