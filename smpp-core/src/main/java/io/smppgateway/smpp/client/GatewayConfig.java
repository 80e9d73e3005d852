package io.smppgateway.smpp.client;

import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.session.SessionConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything one SMSC connection set needs: the manual's gateway fields ({@code smsc_id},
 * {@code host}, {@code port}, {@code username}, {@code password}, {@code system_type},
 * {@code smpp_version}, {@code tx_binds}/{@code rx_binds}/{@code trx_binds}, {@code enq_interval},
 * {@code window_size}, {@code is_secure}, the TON/NPI rules) and the knobs the manual leaves to us.
 * Build one with {@link #builder(String, String, int)}.
 *
 * @param systemId            the bind's system_id (the manual's {@code username})
 * @param enquireLinkInterval how long a bind may be idle before we send enquire_link; zero: never
 * @param windowSize          most submits awaiting their response on one bind
 * @param source              how source_addr_ton/npi are set
 * @param destination         how dest_addr_ton/npi are set
 * @param reconnect           the delays between connection attempts of one bind
 * @param queueCapacity       most submits the gateway holds while no bind has room (the REST API's
 *                            {@code queue_count}); beyond it submit fails at once
 * @param connectTimeout      how long a TCP connect may take
 * @param responseTimeout     how long a request (the bind too) waits for its response
 * @param drainTimeout        on rebind or stop, how long a bind waits for its submits in flight to
 *                            be answered before it unbinds anyway
 * @param unbindTimeout       how long we wait for unbind_resp before closing
 */
public record GatewayConfig(String smscId, String host, int port, String systemId, String password,
                            String systemType, InterfaceVersion version, int txBinds, int rxBinds, int trxBinds,
                            Duration enquireLinkInterval, int windowSize, GatewayTls tls, NumberingRule source,
                            NumberingRule destination, ReconnectBackoff reconnect, int queueCapacity,
                            Duration connectTimeout, Duration responseTimeout, Duration drainTimeout,
                            Duration unbindTimeout) {

    public GatewayConfig {
        if (smscId == null || smscId.isBlank()) {
            throw new IllegalArgumentException("smscId is required");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
        systemId = systemId == null ? "" : systemId;
        password = password == null ? "" : password;
        systemType = systemType == null ? "" : systemType;
        Objects.requireNonNull(version, "version");
        if (txBinds < 0 || rxBinds < 0 || trxBinds < 0) {
            throw new IllegalArgumentException("bind counts must not be negative");
        }
        if (windowSize < 1) {
            throw new IllegalArgumentException("windowSize must be at least 1, was " + windowSize);
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("queueCapacity must not be negative, was " + queueCapacity);
        }
        Objects.requireNonNull(enquireLinkInterval, "enquireLinkInterval");
        tls = tls == null ? GatewayTls.off() : tls;
        source = source == null ? NumberingRule.detected() : source;
        destination = destination == null ? NumberingRule.detected() : destination;
        reconnect = reconnect == null ? ReconnectBackoff.defaults() : reconnect;
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(responseTimeout, "responseTimeout");
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        Objects.requireNonNull(unbindTimeout, "unbindTimeout");
    }

    public static Builder builder(String smscId, String host, int port) {
        return new Builder(smscId, host, port);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Binds that may submit: tx and trx. */
    public int transmitterBinds() {
        return txBinds + trxBinds;
    }

    /** How many binds of a type this gateway keeps open. */
    public int binds(BindType type) {
        return switch (type) {
            case TRANSMITTER -> txBinds;
            case RECEIVER -> rxBinds;
            case TRANSCEIVER -> trxBinds;
        };
    }

    /**
     * The per-bind session settings. The session's own queue is small: the gateway holds the
     * backlog and hands a bind only what fits its window. The link is dropped after two
     * enquire_link intervals plus a response timeout without hearing from the SMSC.
     */
    public SessionConfig sessionConfig() {
        Duration inactivity = enquireLinkInterval.isZero()
                ? Duration.ZERO
                : enquireLinkInterval.multipliedBy(2).plus(responseTimeout);
        return SessionConfig.builder().windowSize(windowSize).queueCapacity(windowSize + 2).maxPendingInbound(1_000)
                .responseTimeout(responseTimeout).enquireLinkInterval(enquireLinkInterval)
                .inactivityTimeout(inactivity).unbindTimeout(unbindTimeout).build();
    }

    /**
     * Whether a change from {@code other} to this config needs the binds redone: anything but the
     * TON/NPI rules, the backoff and the queue capacity, which apply to the next message or attempt.
     */
    public boolean needsRebindFrom(GatewayConfig other) {
        return !bindsLike(other) || txBinds != other.txBinds || rxBinds != other.rxBinds || trxBinds != other.trxBinds;
    }

    /**
     * Whether a bind made under {@code other} is a bind this config would make: the same SMSC,
     * credentials and session settings, the numbers of binds aside. Between two such configs only
     * the binds added or removed change ({@link GatewayClient#update}).
     */
    public boolean bindsLike(GatewayConfig other) {
        return host.equals(other.host) && port == other.port && systemId.equals(other.systemId)
                && password.equals(other.password) && systemType.equals(other.systemType)
                && version == other.version && enquireLinkInterval.equals(other.enquireLinkInterval)
                && windowSize == other.windowSize && tls.equals(other.tls)
                && connectTimeout.equals(other.connectTimeout) && responseTimeout.equals(other.responseTimeout)
                && unbindTimeout.equals(other.unbindTimeout);
    }

    @Override
    public String toString() {
        // Never print the password.
        return "GatewayConfig[" + smscId + " " + systemId + "@" + host + ":" + port + " v" + version.label()
                + " tx=" + txBinds + " rx=" + rxBinds + " trx=" + trxBinds + " window=" + windowSize
                + (tls.enabled() ? " tls" : "") + "]";
    }

    /** Builds a {@link GatewayConfig}; every field not set keeps the default shown on its setter. */
    public static final class Builder {
        private final String smscId;
        private String host;
        private int port;
        private String systemId = "";
        private String password = "";
        private String systemType = "";
        private InterfaceVersion version = InterfaceVersion.SMPP_3_4;
        private int txBinds;
        private int rxBinds;
        private int trxBinds = 1;
        private Duration enquireLinkInterval = Duration.ofSeconds(30);
        private int windowSize = 1;
        private GatewayTls tls = GatewayTls.off();
        private NumberingRule source = NumberingRule.detected();
        private NumberingRule destination = NumberingRule.detected();
        private ReconnectBackoff reconnect = ReconnectBackoff.defaults();
        private int queueCapacity = 10_000;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(30);
        private Duration drainTimeout = Duration.ofSeconds(3);
        private Duration unbindTimeout = Duration.ofSeconds(3);

        private Builder(String smscId, String host, int port) {
            this.smscId = smscId;
            this.host = host;
            this.port = port;
        }

        private Builder(GatewayConfig config) {
            this(config.smscId, config.host, config.port);
            systemId = config.systemId;
            password = config.password;
            systemType = config.systemType;
            version = config.version;
            txBinds = config.txBinds;
            rxBinds = config.rxBinds;
            trxBinds = config.trxBinds;
            enquireLinkInterval = config.enquireLinkInterval;
            windowSize = config.windowSize;
            tls = config.tls;
            source = config.source;
            destination = config.destination;
            reconnect = config.reconnect;
            queueCapacity = config.queueCapacity;
            connectTimeout = config.connectTimeout;
            responseTimeout = config.responseTimeout;
            drainTimeout = config.drainTimeout;
            unbindTimeout = config.unbindTimeout;
        }

        public Builder address(String host, int port) {
            this.host = host;
            this.port = port;
            return this;
        }

        public Builder credentials(String systemId, String password) {
            this.systemId = systemId;
            this.password = password;
            return this;
        }

        /** Default empty. */
        public Builder systemType(String value) {
            systemType = value;
            return this;
        }

        /** Default 3.4. */
        public Builder version(InterfaceVersion value) {
            version = value;
            return this;
        }

        /** Default 0 tx, 0 rx, 1 trx. */
        public Builder binds(int tx, int rx, int trx) {
            txBinds = tx;
            rxBinds = rx;
            trxBinds = trx;
            return this;
        }

        /** Default 30 s (the manual's recommendation). */
        public Builder enquireLinkInterval(Duration value) {
            enquireLinkInterval = value;
            return this;
        }

        /** Default 1 (the manual's default). */
        public Builder windowSize(int value) {
            windowSize = value;
            return this;
        }

        /** Default off. */
        public Builder tls(GatewayTls value) {
            tls = value;
            return this;
        }

        /** Default autodetect. */
        public Builder source(NumberingRule value) {
            source = value;
            return this;
        }

        /** Default autodetect. */
        public Builder destination(NumberingRule value) {
            destination = value;
            return this;
        }

        /** Default 1 s to 60 s. */
        public Builder reconnect(ReconnectBackoff value) {
            reconnect = value;
            return this;
        }

        /** Default 10,000. */
        public Builder queueCapacity(int value) {
            queueCapacity = value;
            return this;
        }

        /** Default 10 s. */
        public Builder connectTimeout(Duration value) {
            connectTimeout = value;
            return this;
        }

        /** Default 30 s. */
        public Builder responseTimeout(Duration value) {
            responseTimeout = value;
            return this;
        }

        /** Default 3 s. */
        public Builder drainTimeout(Duration value) {
            drainTimeout = value;
            return this;
        }

        /** Default 3 s. */
        public Builder unbindTimeout(Duration value) {
            unbindTimeout = value;
            return this;
        }

        public GatewayConfig build() {
            return new GatewayConfig(smscId, host, port, systemId, password, systemType, version, txBinds, rxBinds,
                    trxBinds, enquireLinkInterval, windowSize, tls, source, destination, reconnect, queueCapacity,
                    connectTimeout, responseTimeout, drainTimeout, unbindTimeout);
        }
    }
}
