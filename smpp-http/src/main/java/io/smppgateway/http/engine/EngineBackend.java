package io.smppgateway.http.engine;

import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.http.AdminHttpServer;
import io.smppgateway.http.HttpBackend;
import io.smppgateway.http.MessageTraffic;
import io.smppgateway.http.live.DaemonLog;
import io.smppgateway.http.logs.LogFolders;
import io.smppgateway.store.GatewayStores;
import java.util.List;
import java.util.Objects;

/**
 * The REST API and the admin panel over a running {@link GatewayEngine}: the {@link HttpBackend}
 * that {@link AdminHttpServer#start} serves, made of the engine's live views and controls, its
 * stores and bus, and the {@link AdminTelemetry} the engine was started with; and the traffic
 * history of the dashboard's charts, sampled every 10 s until {@link #close}. So a host that embeds
 * the engine takes the API with it as the daemon does:
 *
 * <pre>{@code
 * AdminTelemetry telemetry = new AdminTelemetry(bus);
 * GatewayEngine engine = GatewayEngine.start(EngineOptions.builder()
 *         .esmePdus(telemetry.esmePdus()).smscPdus(telemetry::smscPdus).dlrIn(telemetry.dlrIn())
 *         .build(), stores, bus);
 * EngineBackend admin = EngineBackend.builder(engine, stores, telemetry)
 *         .logFolders(new LogFolders(smscLogs, esmeLogs))
 *         .start();
 * AdminHttpServer http = AdminHttpServer.start(HttpConfig.of(apiToken, adminUser, adminPassword),
 *         admin.httpBackend());
 * // and to stop: http, admin, the engine, then the bus and the stores
 * }</pre>
 */
public final class EngineBackend implements AutoCloseable {

    /** The recent log of a host that keeps none: the panel's log page stays empty. */
    private static final DaemonLog NO_LOG = max -> List.of();

    private final HttpBackend httpBackend;
    private final HistorySampler sampler;

    private EngineBackend(HttpBackend httpBackend, HistorySampler sampler) {
        this.httpBackend = httpBackend;
        this.sampler = sampler;
    }

    /**
     * @param engine    running, started with {@code telemetry}'s listeners
     * @param stores    the stores the engine runs on
     * @param telemetry what counts the engine's traffic, on the engine's bus
     */
    public static Builder builder(GatewayEngine engine, GatewayStores stores, AdminTelemetry telemetry) {
        return new Builder(engine, stores, telemetry);
    }

    /** What {@link AdminHttpServer#start} serves. */
    public HttpBackend httpBackend() {
        return httpBackend;
    }

    /** Stops sampling the traffic history; after the HTTP server that reads it, before the engine. */
    @Override
    public void close() {
        sampler.close();
    }

    /** The required parts, then named setters for the rest. */
    public static final class Builder {

        private final GatewayEngine engine;
        private final GatewayStores stores;
        private final AdminTelemetry telemetry;
        private LogFolders logFolders;
        private DaemonLog daemonLog = NO_LOG;
        private PduLogQueue pduLogQueue = PduLogQueue.NONE;
        private String buildVersion = "unknown";

        private Builder(GatewayEngine engine, GatewayStores stores, AdminTelemetry telemetry) {
            this.engine = Objects.requireNonNull(engine, "engine");
            this.stores = Objects.requireNonNull(stores, "stores");
            this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        }

        /** Where the PDU logs are, for the panel's log pages and search (required; a missing folder lists none). */
        public Builder logFolders(LogFolders value) {
            this.logFolders = value;
            return this;
        }

        /** The gateway's own recent log for the panel's log page; none by default. */
        public Builder daemonLog(DaemonLog value) {
            this.daemonLog = Objects.requireNonNull(value, "daemonLog");
            return this;
        }

        /** The PDU log writer's queue, for {@code /metrics}; {@link PduLogQueue#NONE} by default. */
        public Builder pduLogQueue(PduLogQueue value) {
            this.pduLogQueue = Objects.requireNonNull(value, "pduLogQueue");
            return this;
        }

        /** The {@code version} label of {@code smpp_build_info}; {@code unknown} by default. */
        public Builder buildVersion(String value) {
            this.buildVersion = Objects.requireNonNull(value, "buildVersion");
            return this;
        }

        /** Builds the backend and starts sampling the traffic history. */
        public EngineBackend start() {
            Objects.requireNonNull(logFolders, "logFolders");
            telemetry.watch(engine);
            GatewayMetrics metrics = new GatewayMetrics(telemetry.counters(), engine.smscPool(), engine.smscGateways(),
                    pduLogQueue, stores, buildVersion);
            HttpBackend backend = new HttpBackend(stores.gateways(), stores.clients(),
                    new LiveSessions(engine, stores.pendingReceipts()), new LiveChanges(engine), logFolders,
                    new HealthChecks(stores, telemetry.bus(), engine.smscPool(), engine.smscGateways(),
                            engine.storeCalls()),
                    metrics, new MessageTraffic(stores.outbound(), stores.inbound(), telemetry.apiMessages()), daemonLog);
            return new EngineBackend(backend, new HistorySampler(metrics, metrics.history()));
        }
    }
}
