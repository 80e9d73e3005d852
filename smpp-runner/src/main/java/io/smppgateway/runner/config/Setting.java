package io.smppgateway.runner.config;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every key {@code smpp.conf} may hold: the product manual's keys, under the manual's names, and the
 * few of ours ({@code SMPP_DATA_PATH}, {@code SMPP_CLIENT_CA_PATH}, {@code NSQ_CHANNEL}, {@code NSQ_MAX_IN_FLIGHT},
 * {@code NSQ_LOOKUPD_HTTP_ADDRESSES}, {@code NSQ_MSG_TIMEOUT_SECONDS}, {@code SMPP_MAX_CONNECTIONS},
 * {@code SMPP_METRICS_ADDRESS}...). docs/configuration.md describes each.
 * A secret's value never appears in a message.
 */
public enum Setting {
    MYSQL_HOST,
    MYSQL_PORT,
    MYSQL_DBNAME,
    MYSQL_USERNAME,
    MYSQL_PASSWORD(true),
    SMPP_PORT,
    SMPP_SSL_PORT,
    SMPP_SSL_CERT_PATH,
    SMPP_SSL_KEY_PATH,
    SMPP_CLIENT_CA_PATH,
    SMPP_SERVER_LOGS_PATH,
    SMPP_CLIENT_LOGS_PATH,
    SMPP_PDU_LOG_MAX_FILE_MB,
    SMPP_DATA_PATH,
    HTTP_PORT,
    HTTP_ADMIN_USERNAME,
    HTTP_ADMIN_PASSWORD(true),
    HTTP_API_TOKEN(true),
    HTTP_SSL_CERT_PATH,
    HTTP_SSL_KEY_PATH,
    HTTP_TRUSTED_PROXIES,
    SMPP_METRICS_ADDRESS,
    NSQ_HOST,
    NSQ_PORT,
    NSQ_SMS_OUT_HOST,
    NSQ_SMS_OUT_PORT,
    NSQ_SMS_OUT_TOPIC,
    NSQ_DLR_IN_HOST,
    NSQ_DLR_IN_PORT,
    NSQ_DLR_IN_TOPIC,
    NSQ_SMS_IN_HOST,
    NSQ_SMS_IN_PORT,
    NSQ_SMS_IN_TOPIC,
    NSQ_DLR_OUT_HOST,
    NSQ_DLR_OUT_PORT,
    NSQ_DLR_OUT_TOPIC,
    NSQ_CHANNEL,
    NSQ_MAX_IN_FLIGHT,
    NSQ_LOOKUPD_HTTP_ADDRESSES,
    NSQ_LOOKUPD_POLL_SECONDS,
    NSQ_MSG_TIMEOUT_SECONDS,
    SMPP_MAX_CONNECTIONS,
    SMPP_MAX_CONNECTIONS_PER_ADDRESS,
    SMPP_LOG_FORMAT,
    SMPP_LOG_LEVEL,
    SMPP_LOG_LEVELS;

    private final boolean secret;

    Setting() {
        this(false);
    }

    Setting(boolean secret) {
        this.secret = secret;
    }

    public boolean isSecret() {
        return secret;
    }

    public static Optional<Setting> of(String key) {
        return Arrays.stream(values()).filter(s -> s.name().equals(key)).findFirst();
    }

    /** Whether a key belongs to the MySQL group (any of them switches from the embedded database to MySQL). */
    public boolean isMysql() {
        return name().startsWith("MYSQL_");
    }

    /** Whether a key belongs to the NSQ group. */
    public boolean isNsq() {
        return name().startsWith("NSQ_");
    }

    /**
     * Whether a key says where an NSQ topic is (any of them switches from the in-process bus to NSQ),
     * rather than how the NSQ bus consumes ({@code NSQ_CHANNEL}, {@code NSQ_MAX_IN_FLIGHT},
     * {@code NSQ_LOOKUPD_*}, {@code NSQ_MSG_TIMEOUT_SECONDS}, ignored without a topic).
     */
    public boolean isNsqTopic() {
        return isNsq() && this != NSQ_CHANNEL && this != NSQ_MAX_IN_FLIGHT && this != NSQ_LOOKUPD_HTTP_ADDRESSES
                && this != NSQ_LOOKUPD_POLL_SECONDS && this != NSQ_MSG_TIMEOUT_SECONDS;
    }
}
