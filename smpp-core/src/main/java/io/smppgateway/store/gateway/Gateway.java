package io.smppgateway.store.gateway;

import io.smppgateway.store.FieldErrors;
import io.smppgateway.store.ValidationException;

/**
 * An upstream SMSC our SMPP client binds to, with every field of the manual's "Manage SMSC" and
 * "Retrieving the list of SMSC". A {@code Gateway} is always valid: the constructor refuses bad
 * values with a {@link ValidationException} naming every bad field by its JSON name.
 *
 * <p>{@code id} is 0 and {@code created}/{@code updated} are 0 until the gateway is stored;
 * those two are Unix seconds. {@code smppVersion} is "3.3", "3.4" or "5.0" (the manual's "3,4" is
 * accepted and stored as "3.4"). Port is 1 to 65535: the manual's "max 65536" is not a TCP port.
 */
public record Gateway(long id, String smscId, String host, int port, String username, String password,
                      String systemType, int enqInterval, boolean srcAutodetect, int sourceTon, int sourceNpi,
                      boolean dstAutodetect, int destTon, int destNpi, int txBinds, int rxBinds, int trxBinds,
                      int windowSize, String smppVersion, boolean gsm7, boolean secure, boolean enabled,
                      long created, long updated) {

    public static final int MAX_SMSC_ID = 100;
    public static final int MAX_HOST = 100;
    public static final int MAX_USERNAME = 16;
    public static final int MAX_PASSWORD = 9;
    public static final int MAX_SYSTEM_TYPE = 13;
    public static final int MAX_ENQ_INTERVAL = 120;
    public static final int MAX_TON = 6;
    public static final int MAX_NPI = 18;
    public static final int MAX_BINDS = 10;
    public static final int MAX_WINDOW_SIZE = 1000;
    public static final int DEFAULT_WINDOW_SIZE = 1;

    public Gateway {
        password = password == null ? "" : password;
        systemType = systemType == null ? "" : systemType;
        smppVersion = SmppVersions.normalise(smppVersion);
        FieldErrors errors = new FieldErrors();
        check(errors, id, smscId, host, port, username, password, systemType, enqInterval, sourceTon, sourceNpi,
                destTon, destNpi, txBinds, rxBinds, trxBinds, windowSize, smppVersion, created, updated);
        errors.throwIfAny("gateway");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this gateway's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder().id(id).smscId(smscId).host(host).port(port).username(username).password(password)
                .systemType(systemType).enqInterval(enqInterval).srcAutodetect(srcAutodetect).sourceTon(sourceTon)
                .sourceNpi(sourceNpi).dstAutodetect(dstAutodetect).destTon(destTon).destNpi(destNpi)
                .txBinds(txBinds).rxBinds(rxBinds).trxBinds(trxBinds).windowSize(windowSize)
                .smppVersion(smppVersion).gsm7(gsm7).secure(secure).enabled(enabled)
                .created(created).updated(updated);
    }

    /** The same gateway as stored under {@code id} at the given times. */
    public Gateway stored(long newId, long newCreated, long newUpdated) {
        return new Gateway(newId, smscId, host, port, username, password, systemType, enqInterval, srcAutodetect,
                sourceTon, sourceNpi, dstAutodetect, destTon, destNpi, txBinds, rxBinds, trxBinds, windowSize,
                smppVersion, gsm7, secure, enabled, newCreated, newUpdated);
    }

    private static void check(FieldErrors errors, long id, String smscId, String host, int port, String username,
                              String password, String systemType, int enqInterval, int sourceTon, int sourceNpi,
                              int destTon, int destNpi, int txBinds, int rxBinds, int trxBinds, int windowSize,
                              String smppVersion, long created, long updated) {
        errors.range("id", id, 0, Long.MAX_VALUE)
                .requiredText("smsc_id", smscId, MAX_SMSC_ID)
                .requiredText("host", host, MAX_HOST)
                .range("port", port, 1, 65535)
                .requiredText("username", username, MAX_USERNAME)
                .optionalText("password", password, MAX_PASSWORD)
                .optionalText("system_type", systemType, MAX_SYSTEM_TYPE)
                .range("enq_interval", enqInterval, 1, MAX_ENQ_INTERVAL)
                .range("source_ton", sourceTon, 0, MAX_TON)
                .range("source_npi", sourceNpi, 0, MAX_NPI)
                .range("dest_ton", destTon, 0, MAX_TON)
                .range("dest_npi", destNpi, 0, MAX_NPI)
                .range("tx_binds", txBinds, 0, MAX_BINDS)
                .range("rx_binds", rxBinds, 0, MAX_BINDS)
                .range("trx_binds", trxBinds, 0, MAX_BINDS)
                .range("window_size", windowSize, 1, MAX_WINDOW_SIZE)
                .range("created", created, 0, Long.MAX_VALUE)
                .range("updated", updated, 0, Long.MAX_VALUE);
        if (smppVersion == null || smppVersion.isBlank()) {
            errors.add("smpp_version", "required");
        } else if (!SmppVersions.ALL.contains(smppVersion)) {
            errors.add("smpp_version", "must be one of 3.3, 3.4, 5.0 (got '" + smppVersion + "')");
        }
        if (smscId != null && !smscId.isBlank() && !smscId.strip().equals(smscId)) {
            errors.add("smsc_id", "must not start or end with spaces");
        }
    }

    @Override
    public String toString() {
        // never print the password
        return "Gateway[id=" + id + ", smsc_id=" + smscId + ", " + username + "@" + host + ":" + port
                + ", smpp " + smppVersion + ", binds tx/rx/trx " + txBinds + "/" + rxBinds + "/" + trxBinds
                + ", enabled=" + enabled + "]";
    }

    /**
     * Collects a gateway field by field, as a JSON body gives it; {@link #build()} reports a field
     * that is missing as {@code "required"} together with every invalid one.
     */
    public static final class Builder {
        private long id;
        private String smscId;
        private String host;
        private Integer port;
        private String username;
        private String password = "";
        private String systemType = "";
        private Integer enqInterval;
        private Boolean srcAutodetect;
        private int sourceTon;
        private int sourceNpi;
        private Boolean dstAutodetect;
        private int destTon;
        private int destNpi;
        private Integer txBinds;
        private Integer rxBinds;
        private Integer trxBinds;
        private int windowSize = DEFAULT_WINDOW_SIZE;
        private String smppVersion;
        private Boolean gsm7;
        private Boolean secure;
        private Boolean enabled;
        private long created;
        private long updated;

        private Builder() {
        }

        public Builder id(long value) { id = value; return this; }
        public Builder smscId(String value) { smscId = value; return this; }
        public Builder host(String value) { host = value; return this; }
        public Builder port(Integer value) { port = value; return this; }
        public Builder username(String value) { username = value; return this; }
        public Builder password(String value) { password = value; return this; }
        public Builder systemType(String value) { systemType = value; return this; }
        public Builder enqInterval(Integer value) { enqInterval = value; return this; }
        public Builder srcAutodetect(Boolean value) { srcAutodetect = value; return this; }
        public Builder sourceTon(int value) { sourceTon = value; return this; }
        public Builder sourceNpi(int value) { sourceNpi = value; return this; }
        public Builder dstAutodetect(Boolean value) { dstAutodetect = value; return this; }
        public Builder destTon(int value) { destTon = value; return this; }
        public Builder destNpi(int value) { destNpi = value; return this; }
        public Builder txBinds(Integer value) { txBinds = value; return this; }
        public Builder rxBinds(Integer value) { rxBinds = value; return this; }
        public Builder trxBinds(Integer value) { trxBinds = value; return this; }
        public Builder windowSize(int value) { windowSize = value; return this; }
        public Builder smppVersion(String value) { smppVersion = value; return this; }
        public Builder gsm7(Boolean value) { gsm7 = value; return this; }
        public Builder secure(Boolean value) { secure = value; return this; }
        public Builder enabled(Boolean value) { enabled = value; return this; }
        public Builder created(long value) { created = value; return this; }
        public Builder updated(long value) { updated = value; return this; }

        /** The gateway, or a {@link ValidationException} listing every missing and invalid field. */
        public Gateway build() {
            FieldErrors errors = new FieldErrors();
            required(errors, "port", port);
            required(errors, "enq_interval", enqInterval);
            required(errors, "src_autodetect", srcAutodetect);
            required(errors, "dst_autodetect", dstAutodetect);
            required(errors, "tx_binds", txBinds);
            required(errors, "rx_binds", rxBinds);
            required(errors, "trx_binds", trxBinds);
            required(errors, "is_gsm7", gsm7);
            required(errors, "is_secure", secure);
            required(errors, "enabled", enabled);
            String version = SmppVersions.normalise(smppVersion);
            check(errors, id, smscId, host, port == null ? 1 : port, username, password, systemType,
                    enqInterval == null ? 1 : enqInterval, sourceTon, sourceNpi, destTon, destNpi,
                    txBinds == null ? 0 : txBinds, rxBinds == null ? 0 : rxBinds, trxBinds == null ? 0 : trxBinds,
                    windowSize, version, created, updated);
            errors.throwIfAny("gateway");
            return new Gateway(id, smscId, host, port, username, password, systemType, enqInterval, srcAutodetect,
                    sourceTon, sourceNpi, dstAutodetect, destTon, destNpi, txBinds, rxBinds, trxBinds, windowSize,
                    version, gsm7, secure, enabled, created, updated);
        }

        private static void required(FieldErrors errors, String field, Object value) {
            if (value == null) {
                errors.add(field, "required");
            }
        }
    }
}
