package podium.web;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import java.util.function.BooleanSupplier;
import podium.live.EventStates;
import podium.live.Hub;
import podium.store.CommandStore;
import podium.store.Credentials;

/**
 * What every feature of a node shares, made once by Node: the live side (the hubs' parts: event
 * states, deliveries, metrics, limits, the wire), the store side (pool, command path,
 * credentials, and connect: where the database is, for a connection of one's own such as a
 * leader's lock), the meter registry, and the node's HTTP settings and health.
 *
 * <p>port: the HTTP port; webroot: a folder of pages, or null for the copy in the jar;
 * behindProxy: whether X-Forwarded-For names the client (PODIUM_BEHIND_PROXY); feedHealthy:
 * whether LISTEN and the catch-up sweep are alive; draining: whether the node is stopping.
 */
public record Shared(Hub.Shared live, CommandStore commands, PgConnectOptions connect,
    PrometheusMeterRegistry registry, int port, String webroot, boolean behindProxy, BooleanSupplier feedHealthy,
    BooleanSupplier draining) {

  public Pool pool() {
    return live.pool();
  }

  public EventStates states() {
    return live.states();
  }

  public Credentials credentials() {
    return live.credentials();
  }

  public String node() {
    return live.node();
  }
}
