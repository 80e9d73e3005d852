package io.smppgateway.http;

import io.smppgateway.http.live.DaemonLog;
import io.smppgateway.http.live.HealthProbes;
import io.smppgateway.http.live.LiveConnections;
import io.smppgateway.http.live.LiveControl;
import io.smppgateway.http.live.MetricsSource;
import io.smppgateway.http.logs.LogFolders;
import io.smppgateway.store.client.ClientStore;
import io.smppgateway.store.gateway.GatewayStore;
import java.util.Objects;

/**
 * What the REST API and the admin panel work on: the two stores, the running gateway's views and
 * controls, the message tracking with the way to send an SMS, and the gateway's own recent log.
 * {@link io.smppgateway.http.engine.EngineBackend} builds one over a running engine.
 */
public record HttpBackend(GatewayStore gateways, ClientStore clients, LiveConnections connections,
                          LiveControl control, LogFolders logs, HealthProbes health, MetricsSource metrics,
                          MessageTraffic messages, DaemonLog daemonLog) {

    public HttpBackend {
        Objects.requireNonNull(gateways, "gateways");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(connections, "connections");
        Objects.requireNonNull(control, "control");
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(daemonLog, "daemonLog");
    }
}
