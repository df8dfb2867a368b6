package podium.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 by hand over a socket, for requests no client library would send: lines and headers
 * past the limits, any method, bytes that are not UTF-8, and a second request on the same
 * connection to prove the first left it usable.
 */
final class RawHttp {

  /** One answer: its status (-1 when none came), headers (lower-case names) and body. */
  record Response(int status, Map<String, String> headers, String body) {
    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    String head() {
      return "HTTP " + status + " " + headers;
    }
  }

  private RawHttp() {
  }

  /** Sends one request and reads its answer as text (head and body). */
  static String exchange(int port, byte[] request, int timeoutMs) {
    List<Response> r = exchange(port, request, List.of(false), timeoutMs);
    return r.isEmpty() ? "" : "HTTP/1.1 " + r.get(0).status + " " + r.get(0).headers + "\r\n\r\n" + r.get(0).body;
  }

  static String exchange(int port, String request) {
    return exchange(port, request.getBytes(StandardCharsets.UTF_8), 5_000);
  }

  /**
   * Sends the bytes (one or more requests) and reads one answer per request; heads says which
   * requests were HEAD (their answers have no body). Stops at the timeout or when the server closes.
   */
  static List<Response> exchange(int port, byte[] requests, List<Boolean> heads, int timeoutMs) {
    List<Response> answers = new ArrayList<>();
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(timeoutMs);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(requests);
        out.flush();
      } catch (IOException closedWhileSending) {
        // the server may answer and close before it has read everything
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buf = new byte[16_384];
      int at = 0;
      long until = System.currentTimeMillis() + timeoutMs;
      try {
        while (answers.size() < heads.size() && System.currentTimeMillis() < until) {
          byte[] all = got.toByteArray();
          int[] end = new int[1];
          Response r = parse(all, at, heads.get(answers.size()), end);
          if (r != null) {
            answers.add(r);
            at = end[0];
            continue;
          }
          int n = in.read(buf);
          if (n < 0) {
            break;
          }
          got.write(buf, 0, n);
        }
      } catch (SocketTimeoutException | SocketException e) {
        // what came so far is the answer
      }
      byte[] rest = got.toByteArray();
      String tail = new String(rest, at, rest.length - at, StandardCharsets.ISO_8859_1);
      if (answers.size() < heads.size() && tail.startsWith("HTTP/1.") && tail.contains("\r\n\r\n")) {
        // A body that runs to the close.
        int headEnd = tail.indexOf("\r\n\r\n");
        Response r = parse((tail.substring(0, headEnd) + "\r\nContent-Length: 0\r\n\r\n")
            .getBytes(StandardCharsets.ISO_8859_1), 0, true, new int[1]);
        answers.add(new Response(r.status(), r.headers(), new String(rest, at + headEnd + 4, rest.length - at - headEnd - 4,
            StandardCharsets.UTF_8)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return answers;
  }

  /** The status of an answer's first line, or -1 for none. */
  static int status(String answer) {
    return answer.startsWith("HTTP/1.") && answer.length() >= 12 ? Integer.parseInt(answer.substring(9, 12)) : -1;
  }

  /** One whole response from offset from, or null when more bytes are needed. */
  private static Response parse(byte[] bytes, int from, boolean head, int[] end) {
    String s = new String(bytes, from, bytes.length - from, StandardCharsets.ISO_8859_1);
    int headEnd = s.indexOf("\r\n\r\n");
    if (headEnd < 0) {
      return null;
    }
    String[] lines = s.substring(0, headEnd).split("\r\n");
    int status = Integer.parseInt(lines[0].substring(9, 12));
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
            (a, b) -> a + ", " + b);
      }
    }
    int bodyStart = headEnd + 4;
    String length = headers.get("content-length");
    if (head || status == 204 || status == 304 || status / 100 == 1) {
      end[0] = from + bodyStart;
      return new Response(status, headers, "");
    }
    if (length != null) {
      int n = Integer.parseInt(length);
      if (s.length() - bodyStart < n) {
        return null;
      }
      end[0] = from + bodyStart + n;
      return new Response(status, headers, text(headers, java.util.Arrays.copyOfRange(bytes, from + bodyStart,
          from + bodyStart + n)));
    }
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      StringBuilder body = new StringBuilder();
      int p = bodyStart;
      while (true) {
        int eol = s.indexOf("\r\n", p);
        if (eol < 0) {
          return null;
        }
        int size = Integer.parseInt(s.substring(p, eol).split(";")[0].trim(), 16);
        if (size == 0) {
          if (s.length() < eol + 4) {
            return null;
          }
          end[0] = from + eol + 4;
          return new Response(status, headers, text(headers, body.toString().getBytes(StandardCharsets.ISO_8859_1)));
        }
        if (s.length() < eol + 2 + size + 2) {
          return null;
        }
        body.append(s, eol + 2, eol + 2 + size);
        p = eol + 2 + size + 2;
      }
    }
    // No length: the body runs to the close; take what there is once the server has closed.
    return null;
  }

  /** The body as text: gunzipped first when the server compressed it (a page's 404 for a client that takes gzip). */
  private static String text(Map<String, String> headers, byte[] body) {
    if (!"gzip".equalsIgnoreCase(headers.get("content-encoding")) || body.length == 0) {
      return new String(body, StandardCharsets.UTF_8);
    }
    try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new AssertionError("a body that says gzip but is not: " + headers, e);
    }
  }
}
