package podium;

/** Sleeps in polling loops of tests. */
public final class LiveClientSleep {

  private LiveClientSleep() {
  }

  public static void ms(long ms) {
    LiveClient.sleep(ms);
  }
}
