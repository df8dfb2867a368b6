package podium.web;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * One feature of a node, from one package: the routes it mounts, what it runs on its own (periodic
 * jobs, verticles) and, in its constructor, the meters it registers. Node makes the list once;
 * every HTTP server instance mounts each feature on its own router.
 */
public interface Feature {

  /** Its routes, on one server instance's router; vertx runs that instance's event loop. */
  void mount(Router router, Vertx vertx);

  /** What it runs on its own; once per node, after the events are loaded. */
  default Future<?> start(Vertx vertx) {
    return Future.succeededFuture();
  }

  /** Stops that, before the node's pool closes. */
  default Future<?> stop(Vertx vertx) {
    return Future.succeededFuture();
  }
}
