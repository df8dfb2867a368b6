package podium.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.FileSystemAccess;
import io.vertx.ext.web.handler.StaticHandler;
import java.nio.file.Path;
import java.util.Set;

/**
 * The pages' files from the webroot. They go out gzip-compressed (the server's compressor, see
 * HttpVerticle) and with Last-Modified and {@code Cache-Control: no-cache}: a browser keeps them but
 * asks every time, and an unchanged file costs a 304. That is what lets the attendee page's service
 * worker take its offline copy right after the first load without downloading it all again, and
 * lets an edited file show at once.
 */
final class PageFiles {

  private PageFiles() {
  }

  static void mount(Router router, String webroot) {
    StaticHandler files = StaticHandler.create(FileSystemAccess.ROOT, Path.of(webroot).toAbsolutePath().toString())
        .setIndexPage("index.html")
        .setCachingEnabled(true).setMaxAgeSeconds(0)
        // Look at the file again after a second, so an edit is never answered with a 304.
        .setFilesReadOnly(false).setCacheEntryTimeout(1000)
        .skipCompressionForSuffixes(Set.of("png"));
    router.route().handler(ctx -> {
      ctx.response().putHeader("Cache-Control", "no-cache");
      ctx.next();
    }).handler(files);
  }
}
