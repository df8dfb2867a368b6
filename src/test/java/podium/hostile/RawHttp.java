package podium.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 by hand over a socket: for requests no client library would send (lines and headers past the limits). */
final class RawHttp {

  private RawHttp() {
  }

  /** Sends the bytes and reads until the server closes or the timeout passes: the whole answer as text. */
  static String exchange(int port, byte[] request, int timeoutMs) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(timeoutMs);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
      } catch (IOException closedWhileSending) {
        // the server may answer and close before it has read everything
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      try {
        int n;
        while ((n = in.read(buf)) > 0) {
          answer.write(buf, 0, n);
          if (complete(answer.toString(StandardCharsets.ISO_8859_1))) {
            break;
          }
        }
      } catch (SocketTimeoutException | java.net.SocketException e) {
        // what came so far is the answer
      }
      return answer.toString(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String exchange(int port, String request) {
    return exchange(port, request.getBytes(StandardCharsets.UTF_8), 5_000);
  }

  /** The status of an answer's first line, or -1 for none. */
  static int status(String answer) {
    return answer.startsWith("HTTP/1.") && answer.length() >= 12 ? Integer.parseInt(answer.substring(9, 12)) : -1;
  }

  /** A head and a body as long as Content-Length says (or no Content-Length). */
  private static boolean complete(String s) {
    int end = s.indexOf("\r\n\r\n");
    if (end < 0) {
      return false;
    }
    String head = s.substring(0, end).toLowerCase();
    int at = head.indexOf("content-length:");
    if (at < 0) {
      return !head.contains("transfer-encoding: chunked") || s.endsWith("0\r\n\r\n");
    }
    int eol = head.indexOf("\r\n", at);
    long length = Long.parseLong(head.substring(at + 15, eol < 0 ? head.length() : eol).trim());
    return s.length() - end - 4 >= length;
  }
}
