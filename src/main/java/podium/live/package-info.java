/**
 * The live side: the change feed (LISTEN + catch-up), each event's in-memory read model, the
 * WebSocket protocol and the hub's fan-out, resume ring, backpressure and slow-client policy, and
 * the one seam over Vert.x/Netty internals on the socket path (FastWire; WirePath chooses).
 *
 * <p>May import {@code podium.event} and {@code podium.store}. Invariants: every client gets every
 * version of its event exactly once and in order (a change, a skip, or a snapshot that covers it);
 * every queue and buffer is bounded, control frames included; a socket is only written from its own
 * event loop; one client's failure never stops delivery to another.
 *
 * <h2>Threads</h2>
 * <ul>
 *   <li>The feed's verticle (ChangeFeed) owns its LISTEN connection and is the only writer of the
 *       event states: it applies each change and publishes the new view (EventState.View, swapped
 *       whole and immutable) and its Delta. Anyone may read a view on any thread.</li>
 *   <li>Each HTTP server instance runs on its own event loop and has its own Hub, which owns that
 *       loop's sockets: their Clients, subscriptions (Fanout) and greetings. Deltas, revocations
 *       and resets reach a hub through runOnContext; nothing else touches its clients.</li>
 *   <li>Shared across a node's hubs, and safe to use from any of them: EventStates, Deliveries
 *       (acknowledgements, summed once a second), LiveMetrics, AddressLimits, and each SharedFrame
 *       (its bytes made once by whichever loop sends it first).</li>
 *   <li>A fan-out runs in slices of 1 to 5 ms of the loop's CPU time (Fanout, LoopTurn). Staff
 *       commands do not run on these loops between their request and their answer: they wait on
 *       the commands feature's desk (podium.commands.Commands), so a command's round trips to
 *       PostgreSQL never queue behind the fan-out of the change before it.</li>
 * </ul>
 *
 * <h2>Lifecycle</h2>
 * A node listens before it loads: a hub accepts sockets and holds their hellos until the events
 * are loaded. A Client moves CONNECTED → GREETING (its hello being checked) → SUBSCRIBED ⇄ STALE
 * (backed up) → CLOSING, only through its own methods (Client's javadoc). Once a second the hub's
 * sweep applies the slow-client policy (Fanout.check), pings one group of sockets and reports what
 * waits. A socket closes politely when nothing waits, else it is cut (Wire.cut). On stop the hub
 * drains: each client is told when to come back, then closed or cut, all within about 1.2 s.
 */
package podium.live;
