package podium.live;

/** A client frame the hub refuses; the code is stable and listed in docs/PROTOCOL.md. */
final class ProtocolError extends RuntimeException {

  private final String code;

  ProtocolError(String code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  String code() {
    return code;
  }
}
