package podium.web;

import io.vertx.core.http.HttpHeaders;

/**
 * Fixed header values that the public reads (the snapshot, the exports) send with every answer,
 * made once as optimised ASCII, as Vert.x's HttpHeaders names are: a hub answers tens of thousands
 * of these a second, and each String header would be hashed, checked and re-encoded per answer.
 */
public final class Headers {

  public static final CharSequence NO_CACHE = HttpHeaders.createOptimized("no-cache");
  public static final CharSequence PRIVATE_NO_CACHE = HttpHeaders.createOptimized("private, no-cache");
  public static final CharSequence JSON = HttpHeaders.createOptimized("application/json; charset=utf-8");
  public static final CharSequence XML = HttpHeaders.createOptimized("application/xml; charset=utf-8");
  public static final CharSequence CALENDAR = HttpHeaders.createOptimized("text/calendar; charset=utf-8");
  public static final CharSequence GZIP = HttpHeaders.createOptimized("gzip");
  public static final CharSequence ANY_ORIGIN = HttpHeaders.createOptimized("*");
  /** Vary's value for an answer sent as gzip or identity by the request's Accept-Encoding. */
  public static final CharSequence ACCEPT_ENCODING = HttpHeaders.createOptimized("Accept-Encoding");

  private Headers() {
  }
}
