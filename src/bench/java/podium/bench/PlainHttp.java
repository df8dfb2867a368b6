package podium.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A bare HTTP/1.1 keep-alive client on one blocking socket: a request is one write and its answer
 * is read on the calling thread. java.net.http hands each request between its own threads, which
 * added 2-3 ms to every timed POST here and more on the busy cores: the bench should time the hub.
 */
final class PlainHttp {

  record Response(int status, String body) { }

  private final int port;
  private Socket socket;
  private InputStream in;
  private OutputStream out;

  PlainHttp(int port) {
    this.port = port;
  }

  /**
   * Makes sure the connection is open: a connection the server closed while idle reads as
   * end-of-stream. The check waits about 1 ms, so call it before the clock starts.
   */
  synchronized void ready() throws IOException {
    try {
      openIfClosed();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  /** One POST on the connection ready() opened; the caller decides whether a failed one may be sent again. */
  synchronized Response post(String path, Map<String, String> headers, String body) throws IOException {
    try {
      if (socket == null) {
        openIfClosed();
      }
      byte[] payload = body.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder("POST ").append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1:")
          .append(port).append("\r\nContent-Length: ").append(payload.length).append("\r\n");
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
      out.write(payload);
      out.flush();
      return read();
    } catch (IOException e) {
      close();
      throw e;
    }
  }

  synchronized void close() {
    if (socket != null) {
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
      socket = null;
    }
  }

  private void openIfClosed() throws IOException {
    if (socket != null) {
      socket.setSoTimeout(1);
      try {
        if (in.read() == -1) {
          close();
        }
      } catch (SocketTimeoutException open) {
        // nothing to read: still open
      }
    }
    if (socket == null) {
      socket = new Socket();
      socket.setTcpNoDelay(true);
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
      in = new BufferedInputStream(socket.getInputStream());
      out = socket.getOutputStream();
    }
    socket.setSoTimeout(30_000);
  }

  private Response read() throws IOException {
    String status = line();
    if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
      throw new IOException("not an HTTP/1.1 answer: " + status);
    }
    int length = -1;
    boolean close = false;
    for (String h = line(); !h.isEmpty(); h = line()) {
      String lower = h.toLowerCase();
      if (lower.startsWith("content-length:")) {
        length = Integer.parseInt(h.substring(15).trim());
      } else if (lower.startsWith("connection:") && lower.contains("close")) {
        close = true;
      }
    }
    if (length < 0) {
      throw new IOException("no Content-Length in the answer");
    }
    String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
    if (close) {
      close();
    }
    return new Response(Integer.parseInt(status.substring(9, 12)), body);
  }

  private String line() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c == -1) {
        throw new IOException("connection closed mid-answer");
      }
      if (c != '\r') {
        bytes.write(c);
      }
    }
    return bytes.toString(StandardCharsets.US_ASCII);
  }
}
