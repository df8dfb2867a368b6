package podium.live;

import io.vertx.core.Context;
import java.util.concurrent.TimeUnit;

/**
 * Runs the next part of a long job on an event loop only after the loop has read its sockets again.
 * Netty runs every task queued while it is running tasks before it polls its sockets (for up to a
 * second), so a job that re-queues itself with runOnContext holds the loop for its whole length.
 * A timer is a scheduled task, which Netty takes up only on its next turn, after the poll. Vert.x
 * 5's public timer(delay, unit) hands any delay above zero to the loop's own scheduler, so 1 ns
 * adds no wait (setTimer would add its minimum of 1 ms to every slice). Same for both WirePaths.
 */
final class LoopTurn {

  private LoopTurn() {
  }

  /** Call on the context's own event loop: the timer belongs to the current context. */
  static void next(Context context, Runnable task) {
    context.owner().timer(1, TimeUnit.NANOSECONDS).onSuccess(t -> task.run());
  }
}
