/**
 * The event domain as plain records and pure functions: the agenda and its parts, the sealed
 * {@link podium.event.Command} and {@link podium.event.Change} types, the one {@link podium.event.Catalogue}
 * of commands (parser, role, rule) and the {@link podium.event.ChangeCodec}; views derived from an
 * agenda and a time, never written back: {@link podium.event.RunningLate} (each room's day as it can
 * now be expected, by the same {@code Cascade} walk as a delay) and the
 * {@link podium.event.AsRunReport}.
 *
 * <p>May import only the JDK and Vert.x's {@code JsonObject}/{@code JsonArray}: no verticle, no SQL,
 * no HTTP. Invariants: rules are pure (time and new ids come in as {@link podium.event.Facts});
 * every value is immutable; an embargoed award result appears in no public projection.
 */
package podium.event;
