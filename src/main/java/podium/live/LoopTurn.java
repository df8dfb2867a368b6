package podium.live;

import io.vertx.core.Context;
import io.vertx.core.internal.ContextInternal;
import java.util.concurrent.TimeUnit;

/**
 * Runs the next part of a long job on an event loop only after the loop has read its sockets again.
 * Netty runs every task queued while it is running tasks before it polls its sockets (for up to a
 * second), so a job that re-queues itself with runOnContext holds the loop for its whole length.
 * A task scheduled with no delay waits for the next turn of the loop instead, at no added delay.
 */
final class LoopTurn {

  private LoopTurn() {
  }

  /** Call on the context's own event loop. */
  static void next(Context context, Runnable task) {
    ((ContextInternal) context).nettyEventLoop()
        .schedule(() -> context.runOnContext(v -> task.run()), 0, TimeUnit.NANOSECONDS);
  }
}
