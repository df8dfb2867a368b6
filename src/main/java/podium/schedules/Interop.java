package podium.schedules;

import io.vertx.sqlclient.Pool;

/** What the exports and imports of one node share across its HTTP server instances. */
public final class Interop {

  final PublicUrl publicUrl;
  final ExportCache cache = new ExportCache();
  final RevisionBook revisions;

  public Interop(Pool pool, PublicUrl publicUrl) {
    this.publicUrl = publicUrl;
    this.revisions = new RevisionBook(pool);
  }

  public PublicUrl publicUrl() {
    return publicUrl;
  }
}
