package podium.imports;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import podium.interop.Product;
import podium.web.PublicAddresses;

/**
 * One conditional GET of a followed schedule: If-None-Match and If-Modified-Since from the last
 * answer, up to 5 redirects (each checked as the first URL is: http or https, and a public host
 * unless private sources are allowed), at most 16 MiB after decompression, 60 s in all.
 */
final class SourceFetch {

  /** A new release (body non-null), or the one we have (notModified). */
  record Fetched(boolean notModified, Buffer body, String etag, String lastModified, String url) { }

  static final int MAX_BYTES = 16 * 1024 * 1024;
  private static final int MAX_REDIRECTS = 5;
  private static final long TIMEOUT_MS = 60_000;

  private final Vertx vertx;
  private final HttpClientAgent client;
  private final boolean privateSources;

  SourceFetch(Vertx vertx, boolean privateSources) {
    this.vertx = vertx;
    this.privateSources = privateSources;
    this.client = vertx.createHttpClient(new HttpClientOptions().setDecompressionSupported(true)
        .setConnectTimeout(10_000).setReadIdleTimeout(30).setKeepAlive(false));
  }

  /** Why a URL cannot be followed (not http or https, no host, a private host), or null. Blocking (DNS). */
  static String problem(String url, boolean privateSources) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      return "is not a URL";
    }
    if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
        || uri.getRawUserInfo() != null) {
      return "must be an http:// or https:// URL with a host (and no user:password@)";
    }
    return PublicAddresses.problem(url, privateSources);
  }

  Future<Fetched> get(String url, String etag, String lastModified) {
    return hop(url, etag, lastModified, 0);
  }

  private Future<Fetched> hop(String url, String etag, String lastModified, int redirects) {
    return vertx.executeBlocking(() -> problem(url, privateSources), false).compose(problem -> {
      if (problem != null) {
        return Future.failedFuture("the URL " + url + " " + problem);
      }
      RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
          .setFollowRedirects(false).setTimeout(TIMEOUT_MS)
          .putHeader("User-Agent", "Podium/" + Product.VERSION + " (follows this schedule)")
          .putHeader("Accept", "application/json, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1");
      if (etag != null) {
        options.putHeader("If-None-Match", etag);
      }
      if (lastModified != null) {
        options.putHeader("If-Modified-Since", lastModified);
      }
      return client.request(options).compose(req -> req.send()).compose(resp -> answer(resp, url, etag,
          lastModified, redirects));
    });
  }

  private Future<Fetched> answer(HttpClientResponse resp, String url, String etag, String lastModified,
      int redirects) {
    int status = resp.statusCode();
    if (status == 304) {
      drop(resp);
      return Future.succeededFuture(new Fetched(true, null, etag, lastModified, url));
    }
    String location = resp.getHeader("Location");
    if (status >= 300 && status < 400 && location != null) {
      drop(resp);
      if (redirects >= MAX_REDIRECTS) {
        return Future.failedFuture("more than " + MAX_REDIRECTS + " redirects from " + url);
      }
      return hop(URI.create(url).resolve(location).toString(), etag, lastModified, redirects + 1);
    }
    if (status != 200) {
      drop(resp);
      return Future.failedFuture(url + " answered " + status + (resp.statusMessage() == null ? "" : " " + resp.statusMessage()));
    }
    String length = resp.getHeader("Content-Length");
    if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > MAX_BYTES) {
      drop(resp);
      return Future.failedFuture(url + " is " + length + " bytes, over the " + MAX_BYTES + " a schedule may be");
    }
    Promise<Fetched> done = Promise.promise();
    Buffer body = Buffer.buffer();
    resp.exceptionHandler(done::tryFail);
    resp.handler(chunk -> {
      if (body.length() + chunk.length() > MAX_BYTES) {
        done.tryFail(url + " sent more than the " + MAX_BYTES + " bytes a schedule may be");
        drop(resp);
      } else {
        body.appendBuffer(chunk);
      }
    });
    resp.endHandler(v -> done.tryComplete(new Fetched(false, body, resp.getHeader("ETag"),
        resp.getHeader("Last-Modified"), url)));
    return done.future();
  }

  /** A body not worth reading is cut; the reset is ours, so its exception is no error to log. */
  private static void drop(HttpClientResponse resp) {
    resp.exceptionHandler(e -> { });
    resp.request().reset();
  }

  Future<Void> close() {
    return client.close();
  }
}
