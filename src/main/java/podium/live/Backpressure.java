package podium.live;

/**
 * How much a node lets wait for one socket, and for how long (docs/SCALING.md, "Slow phones").
 *
 * <p>queueBytes: what may wait unsent above the kernel for one socket before it is backed up and
 * gets no more changes (plus the snapshot it is taking, if any). sendBuffer: the kernel send
 * buffer asked for each socket (SO_SNDBUF; the kernel accounts twice that against tcp_mem), sized so
 * that a node full of stalled phones stays inside the host's TCP memory. graceMs: how long a phone
 * may stay backed up before it is cut; screenGraceMs: the same for screens and staff, who are few
 * (their backlogs cost little) and whose pages a cut would make reconnect in front of a room.
 */
public record Backpressure(int queueBytes, int sendBuffer, long graceMs, long screenGraceMs) {

  public static final Backpressure DEFAULTS = new Backpressure(256 * 1024, 32 * 1024, 5_000, 15_000);

  public Backpressure {
    if (queueBytes < 4 * 1024 || sendBuffer < 4 * 1024 || graceMs < 1_000 || screenGraceMs < graceMs) {
      throw new IllegalArgumentException("backpressure needs a queue of at least 4 KiB, a send buffer of at least"
          + " 4 KiB, a grace of at least 1 s, and no shorter grace for screens and staff than for phones");
    }
  }

  long graceFor(Client client) {
    return client.screen != null || client.audience != podium.event.Audience.PUBLIC ? screenGraceMs : graceMs;
  }
}
