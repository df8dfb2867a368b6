/**
 * The organiser's programme, brought in: a frab/C3VOC, pretalx or Podium file imported (POST
 * /api/events/import, previewed first with ?dryRun=true; the import command), or a published
 * schedule followed (Follower polls it on the node that leads; FollowSync makes each new release
 * ordinary changes through the write path; FollowApi shows and steers it).
 *
 * <p>A feature: may import {@code podium.web}, {@code podium.interop}, {@code podium.live},
 * {@code podium.store} and {@code podium.event}, and no other feature. Invariants: a broken file
 * or release changes nothing; a release never moves, cancels or rewrites a session that Podium
 * changed since the source last set it, until staff release it; a session made in Podium is never
 * cancelled by a release; a followed URL must be public unless PODIUM_FOLLOW_PRIVATE allows it.
 */
package podium.imports;
