package podium.live;

import podium.event.Spelling;

/** A client frame the hub refuses; the code is stable and listed in docs/PROTOCOL.md. */
final class ProtocolError extends RuntimeException {

  /** Every code an error frame carries; the wire name is the lower-case constant name. */
  enum Code {
    MALFORMED_FRAME, FRAME_TOO_LARGE, UNKNOWN_TYPE, BAD_HELLO, BAD_ACK, BAD_CHANNEL, UNKNOWN_EVENT, UNKNOWN_ROOM,
    UNAUTHORIZED, FORBIDDEN, ALREADY_SUBSCRIBED, UNAVAILABLE, TOO_MANY_CONNECTIONS, TOO_MANY_HELLOS,
    UNSUPPORTED_PROTOCOL;

    String wire() {
      return Spelling.of(this);
    }
  }

  private final Code code;

  ProtocolError(Code code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  Code code() {
    return code;
  }
}
