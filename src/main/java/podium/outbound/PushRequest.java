package podium.outbound;

import java.util.Map;

/**
 * One request to a push service, ready to send (PushClient does, with the Vert.x web client):
 * POST to the endpoint with these headers and this encrypted body. Immutable: the headers are
 * copied, and the body is copied in and out.
 */
public record PushRequest(String endpoint, Map<String, String> headers, byte[] body) {

  public PushRequest {
    headers = Map.copyOf(headers);
    body = body.clone();
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  @Override
  public String toString() {
    return "PushRequest[" + endpoint + ", " + headers.keySet() + ", " + body.length + " bytes]";
  }
}
