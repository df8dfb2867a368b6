/**
 * The run of show: scheduled cues fired on their event's clock by the one node that holds the
 * leader's lock (Leader), through the ordinary command path. The cue commands themselves are in
 * the catalogue.
 *
 * <p>A feature: may import {@code podium.web}, {@code podium.live}, {@code podium.store} and
 * {@code podium.event}, and no other feature. Invariants: a cue fires once, whichever node and
 * however many retries (a retry key per cue and epoch); a cue more than five minutes overdue is
 * left to staff.
 */
package podium.cues;
