package podium.web;

import io.vertx.core.http.HttpHeaders;

/**
 * Header names and fixed values that the public reads (the snapshot, the exports) send with every
 * answer, made once as optimised ASCII: a hub answers tens of thousands of these a second, and
 * each String header would be hashed, checked and re-encoded per answer.
 */
public final class Headers {

  public static final CharSequence ETAG = HttpHeaders.createOptimized("ETag");
  public static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
  public static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
  public static final CharSequence CONTENT_ENCODING = HttpHeaders.createOptimized("Content-Encoding");
  public static final CharSequence VARY = HttpHeaders.createOptimized("Vary");
  public static final CharSequence LAST_MODIFIED = HttpHeaders.createOptimized("Last-Modified");
  public static final CharSequence ALLOW_ORIGIN = HttpHeaders.createOptimized("Access-Control-Allow-Origin");
  public static final CharSequence EXPOSE_HEADERS = HttpHeaders.createOptimized("Access-Control-Expose-Headers");

  public static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");
  public static final CharSequence PRIVATE_NO_CACHE = HttpHeaders.createOptimized("private, no-cache");
  public static final CharSequence JSON = HttpHeaders.createOptimized("application/json; charset=utf-8");
  public static final CharSequence XML = HttpHeaders.createOptimized("application/xml; charset=utf-8");
  public static final CharSequence CALENDAR = HttpHeaders.createOptimized("text/calendar; charset=utf-8");
  public static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
  public static final CharSequence IDENTITY = HttpHeaders.createOptimized("identity");
  public static final CharSequence ANY_ORIGIN = HttpHeaders.createOptimized("*");
  /** Vary's value for an answer sent as gzip or identity by the request's Accept-Encoding. */
  public static final CharSequence ACCEPT_ENCODING = HttpHeaders.createOptimized("Accept-Encoding");

  private Headers() {
  }
}
