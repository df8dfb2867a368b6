package podium.bench;

/** Thread.sleep without the checked exception; an interrupt ends the bench's waits early. */
final class Sleep {

  private Sleep() {
  }

  static void millis(long ms) {
    try {
      Thread.sleep(Math.max(0, ms));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }
}
