package io.smppgateway.http.metrics;

import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

/**
 * The JVM's and the process's families ({@code jvm_*}, {@code process_*}) from the Prometheus
 * client's JVM instrumentation, registered once per JVM in a registry of their own and read by
 * every gateway's registry: they describe the process, not one gateway, and the instrumentation
 * keeps each registry it was registered with (and adds garbage collector listeners) for good, so
 * registering it per gateway would hold every stopped gateway of a test JVM.
 */
final class JvmFamilies implements MultiCollector {

    /** Created when the first gateway's registry asks. */
    private static final class Holder {
        static final PrometheusRegistry REGISTRY = create();

        private static PrometheusRegistry create() {
            PrometheusRegistry registry = new PrometheusRegistry();
            JvmMetrics.builder().register(registry);
            return registry;
        }
    }

    @Override
    public MetricSnapshots collect() {
        return Holder.REGISTRY.scrape();
    }
}
