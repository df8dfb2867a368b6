package podium.web;

import io.vertx.sqlclient.Pool;

/** What the exports, imports and webhooks of one node share across its HTTP server instances. */
public final class Interop {

  /** The generator version schedule.json and schedule.xml name. */
  static final String GENERATOR_VERSION = "0.1.0";

  final InteropSettings settings;
  final ExportCache cache = new ExportCache();
  final RevisionBook revisions;

  public Interop(Pool pool, InteropSettings settings) {
    this.settings = settings;
    this.revisions = new RevisionBook(pool);
  }

  public InteropSettings settings() {
    return settings;
  }
}
