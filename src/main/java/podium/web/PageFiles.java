package podium.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;
import java.util.Set;

/**
 * The pages' files: by default the copy of webroot/ inside the jar (pom.xml puts it under
 * {@link #IN_JAR}), so the jar serves them from any folder; or a folder (PODIUM_WEBROOT), for
 * development, where an edited file shows at once. They go out gzip-compressed (the server's
 * compressor, see HttpVerticle) and with Last-Modified and {@code Cache-Control: no-cache}: a browser
 * keeps them but asks every time, and an unchanged file costs a 304. That is what lets the attendee
 * page's service worker take its offline copy right after the first load without downloading it all
 * again.
 */
public final class PageFiles {

  /**
   * Where the pages are on the classpath. Vert.x looks for a relative path in the working folder
   * before the classpath, so it is a name no working folder is likely to have (not "webroot").
   */
  public static final String IN_JAR = "podium-webroot";

  private PageFiles() {
  }

  /** webroot: a folder, or null for the copy inside the jar. */
  public static void mount(Router router, String webroot) {
    StaticHandler files = (webroot == null ? fromJar() : inFolder(webroot))
        .setIndexPage("index.html")
        .setCachingEnabled(true).setMaxAgeSeconds(0)
        .skipCompressionForSuffixes(Set.of("png"));
    router.route().handler(ctx -> {
      ctx.response().putHeader("Cache-Control", "no-cache");
      ctx.next();
    }).handler(files);
  }

  /**
   * Vert.x unpacks the jar's files into its cache folder on first use, so Last-Modified is when this
   * node did that: a restarted node answers 200 once per file, then 304s again.
   */
  private static StaticHandler fromJar() {
    return StaticHandler.create(IN_JAR).setFilesReadOnly(true);
  }

  /**
   * One page file's bytes, from where the pages are served (webroot: a folder, or null for the copy in
   * the jar): for a route that serves a page with something of its own in it (the attendee page's
   * first state, podium.events).
   */
  public static Future<Buffer> read(Vertx vertx, String webroot, String name) {
    String path = webroot == null ? IN_JAR + "/" + name : Path.of(webroot, name).toAbsolutePath().toString();
    return vertx.fileSystem().readFile(path);
  }

  /** Whether this build carries the pages (a build by mvn does; an IDE that skips resources may not). */
  public static boolean inJar() {
    return PageFiles.class.getClassLoader().getResource(IN_JAR + "/index.html") != null;
  }

  private static StaticHandler inFolder(String webroot) {
    return StaticHandler.create(FileSystemAccess.ROOT, Path.of(webroot).toAbsolutePath().toString())
        // Look at the file again after a second, so an edit is never answered with a 304.
        .setFilesReadOnly(false).setCacheEntryTimeout(1000);
  }
}
