package io.smppgateway.http.metrics;

import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.smppgateway.http.HttpBackend;

/**
 * One gateway instance's Prometheus registry: its own families, then the JVM's and the process's.
 * A registry per gateway rather than the client's static default one, so that two gateways in one
 * JVM (as the tests start them) each report their own traffic.
 */
public final class GatewayRegistry {

    private GatewayRegistry() {
    }

    public static PrometheusRegistry of(HttpBackend backend) {
        PrometheusRegistry registry = new PrometheusRegistry();
        registry.register(new GatewayFamilies(backend));
        registry.register(new JvmFamilies());
        return registry;
    }
}
