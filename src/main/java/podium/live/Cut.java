package podium.live;

/** Why the hub cut a connection at once, without a close handshake (the metric's reason label). */
enum Cut {
  /** Backed up for longer than its grace: it cannot keep up. */
  STALE,
  /** Nothing it was sent has left its queue for a whole grace: its download is stuck, however little waits. */
  STUCK,
  /** More waits for it than twice its bound, or it pinged while backed up (every pong would wait too). */
  BACKLOG,
  /** Writing to it failed in a way the hub did not expect; cut so that it cannot stop the others. */
  FAILED,
  /** It did not finish a close (withdrawn login, drain, no hello) within a second. */
  CLOSE_UNANSWERED;

  String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
