package io.smppgateway.bridge.engine;

import io.smppgateway.bridge.flow.DlrInListener;
import io.smppgateway.bridge.flow.FlowConfig;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * How a {@link GatewayEngine} runs: where ESMEs bind, how the flows consume, which authorities
 * {@code is_secure} gateways trust, where the PDU logs are written, and who else is told of every
 * PDU and DLR_IN. Every option has a default, so a host names only what it changes.
 *
 * <pre>{@code
 * EngineOptions options = EngineOptions.builder()
 *         .esmeServer(SmppServerConfig.defaults().withAddress("0.0.0.0", 2775))
 *         .pduLogs(PduLogConfig.of(Path.of("logs/server"), Path.of("logs/client")))
 *         .esmePdus(trafficCounters)
 *         .build();
 * }</pre>
 *
 * @param esmeServer   the SMPP server ESMEs bind to (port, TLS, connection limits, bind throttle)
 * @param flows        the flows' channel, workers, retry and expiry timings
 * @param smscTrustedCa the PEM authorities {@code is_secure} gateways trust, or {@code null} for the JVM's
 * @param pduLogs      where the engine writes the PDU log files, or {@code null} for none
 * @param esmePdus     told of every PDU on an ESME's session (beside the PDU log)
 * @param smscPdus     the listener of every PDU on one SMSC's sessions, by smsc_id (beside the PDU log)
 * @param dlrIn        told of every DLR_IN event published
 * @param stopBudget   how long {@link GatewayEngine#stop()} may take
 * @param configPollInterval how often the stored configuration's version is read for changes made
 *                     through other instances sharing the database (the gateways and clients are
 *                     read when it moved)
 * @param configFullReadInterval how often the gateways and clients are read even though the version
 *                     did not move: changes written to the tables by hand, or by an instance of a
 *                     release before the version, apply within it
 * @param replacedInstance the instance id this engine's host ran under before, or {@code null}: a
 *                     process restarted after a crash takes its own earlier membership as gone at
 *                     once, instead of sharing the SMSC binds with it until its heartbeat is 10 s old
 */
public record EngineOptions(SmppServerConfig esmeServer, FlowConfig flows, Path smscTrustedCa, PduLogConfig pduLogs,
                            PduListener esmePdus, Function<String, PduListener> smscPdus, DlrInListener dlrIn,
                            Duration stopBudget, Duration configPollInterval, Duration configFullReadInterval,
                            String replacedInstance) {

    /** How long an unbind, ours or a peer's, waits for its unbind_resp. */
    public static final Duration SESSION_UNBIND_TIMEOUT = Duration.ofSeconds(2);

    public EngineOptions {
        Objects.requireNonNull(esmeServer, "esmeServer");
        Objects.requireNonNull(flows, "flows");
        Objects.requireNonNull(esmePdus, "esmePdus");
        Objects.requireNonNull(smscPdus, "smscPdus");
        Objects.requireNonNull(dlrIn, "dlrIn");
        if (stopBudget == null || stopBudget.isNegative() || stopBudget.isZero()) {
            throw new IllegalArgumentException("stopBudget must be positive");
        }
        if (configPollInterval == null || configPollInterval.toMillis() < 1) {
            throw new IllegalArgumentException("configPollInterval must be at least a millisecond");
        }
        if (configFullReadInterval == null || configFullReadInterval.compareTo(configPollInterval) < 0) {
            throw new IllegalArgumentException("configFullReadInterval must be at least configPollInterval");
        }
    }

    /**
     * ESMEs bind on every address at port 2775 without TLS, the flows consume on channel
     * {@code smpp}, the JVM's authorities, no PDU logs, no listeners, 8 seconds to stop, the
     * configuration read for other instances' changes every second and in full every 30 seconds.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Named setters over the defaults of {@link #builder()}. */
    public static final class Builder {

        private SmppServerConfig esmeServer = SmppServerConfig.defaults()
                .withSession(SessionConfig.defaults().withUnbindTimeout(SESSION_UNBIND_TIMEOUT));
        private FlowConfig flows = FlowConfig.defaults();
        private Path smscTrustedCa;
        private PduLogConfig pduLogs;
        private PduListener esmePdus = PduListener.NONE;
        private Function<String, PduListener> smscPdus = smscId -> PduListener.NONE;
        private DlrInListener dlrIn = DlrInListener.NONE;
        private Duration stopBudget = Duration.ofSeconds(8);
        private Duration configPollInterval = Duration.ofSeconds(1);
        private Duration configFullReadInterval = Duration.ofSeconds(30);
        private String replacedInstance;

        private Builder() {
        }

        public Builder esmeServer(SmppServerConfig value) {
            this.esmeServer = value;
            return this;
        }

        public Builder flows(FlowConfig value) {
            this.flows = value;
            return this;
        }

        public Builder smscTrustedCa(Path value) {
            this.smscTrustedCa = value;
            return this;
        }

        /**
         * The engine writes the PDU logs into these folders: it creates them at start, logs every
         * ESME's and SMSC's PDUs off the event loops, and writes what is queued when it stops.
         */
        public Builder pduLogs(PduLogConfig value) {
            this.pduLogs = value;
            return this;
        }

        public Builder esmePdus(PduListener value) {
            this.esmePdus = value;
            return this;
        }

        public Builder smscPdus(Function<String, PduListener> value) {
            this.smscPdus = value;
            return this;
        }

        public Builder dlrIn(DlrInListener value) {
            this.dlrIn = value;
            return this;
        }

        public Builder stopBudget(Duration value) {
            this.stopBudget = value;
            return this;
        }

        public Builder configPollInterval(Duration value) {
            this.configPollInterval = value;
            return this;
        }

        public Builder configFullReadInterval(Duration value) {
            this.configFullReadInterval = value;
            return this;
        }

        /**
         * The instance id the host's previous run had (the host keeps it, e.g. in its data folder):
         * that run is over, so its membership and binds are removed at start.
         */
        public Builder replacedInstance(String value) {
            this.replacedInstance = value;
            return this;
        }

        public EngineOptions build() {
            return new EngineOptions(esmeServer, flows, smscTrustedCa, pduLogs, esmePdus, smscPdus, dlrIn, stopBudget,
                    configPollInterval, configFullReadInterval, replacedInstance);
        }
    }
}
