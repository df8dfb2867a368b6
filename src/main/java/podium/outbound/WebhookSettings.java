package podium.outbound;

/**
 * How a node delivers webhooks. privateTargets: whether they may point at loopback or private
 * addresses (PODIUM_WEBHOOKS_PRIVATE; off by default, against SSRF). firstRetryMs and pauseAfter:
 * a failed delivery is tried again after firstRetryMs, doubling each time, and the endpoint is
 * paused after pauseAfter failures in a row.
 */
public record WebhookSettings(boolean privateTargets, long firstRetryMs, int pauseAfter) {

  public static final WebhookSettings DEFAULTS = new WebhookSettings(false, 1_000, 10);
}
