package podium.web;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.PromiseInternal;

/**
 * The HTTP server runs in strict thread mode (HttpVerticle): only its request's loop may write a
 * response, and a write from another thread throws, so that answer is never sent. A future
 * completed elsewhere (a command on its desk, an export that requests on both loops share) tells
 * its listeners on that other thread; a request answered from it takes the outcome back to its own
 * loop first.
 */
public final class OwnLoop {

  private OwnLoop() {
  }

  /** The same outcome, told on the loop that calls this (a request's handler). */
  public static <T> Future<T> back(Future<T> shared) {
    Context here = Vertx.currentContext();
    if (here == null) {
      return shared;
    }
    PromiseInternal<T> told = ((ContextInternal) here).promise();
    shared.onComplete(outcome -> told.handle(outcome));
    return told.future();
  }
}
