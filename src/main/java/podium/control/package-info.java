/**
 * Inbound control from stage hardware: the stage desk every button press goes through (a Stream
 * Deck's through Companion over HTTP, mounted by the stage feature, and a lighting or sound desk's
 * over OSC), and the OSC listener that maps messages to the same presses.
 *
 * <p>May import {@code podium.event} and {@code podium.store} (and javaosc); never {@code live},
 * {@code web} or a feature: the stage feature hands it the events' agendas as a function and starts
 * the listener. Invariants: every press becomes a catalogue command run through the command store
 * as its presser (role, rule, change log); a repeated press of one action on one target by one
 * actor within a second applies once, across nodes (PostgreSQL's clock and row lock); a bad
 * message changes nothing and is counted.
 */
package podium.control;
