package io.smppgateway.runner.config;

import io.smppgateway.bridge.bus.NsqBusConfig;
import io.smppgateway.bridge.bus.NsqLookupd;
import io.smppgateway.persistence.MysqlConfig;
import io.smppgateway.smpp.server.SmppServerConfig;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@code smpp.conf} the distribution archive ships: every {@link Setting}, commented out at its
 * default, under one line saying what it means. Made from the settings themselves when the archive
 * is packaged ({@code scripts/package.sh} runs {@link #main}), so it names every key the gateway
 * reads and the defaults the reader uses: a key added to {@link Setting} without a line here does
 * not compile. docs/configuration.md describes each key at length.
 */
public final class ConfTemplate {

    /**
     * One key's line in the file.
     *
     * @param value   what the commented-out line holds: the default, or nothing when the key has none
     * @param meaning one line: what the key sets, and what applies when it is not set
     */
    record Line(String value, String meaning) {

        static Line of(Object value, String meaning) {
            return new Line(String.valueOf(value), meaning);
        }

        static Line unset(String meaning) {
            return new Line("", meaning);
        }
    }

    private ConfTemplate() {
    }

    /** Prints the file on standard output, UTF-8. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.print(text());
        out.flush();
    }

    /** The whole file. */
    public static String text() {
        StringBuilder text = new StringBuilder()
                .append("# smpp.conf: the SMPP gateway's settings, read from the launcher's folder (SMPP_HOME).\n")
                .append("# Every key is commented out at its default: uncomment a line and change its value to set it.\n")
                .append("# KEY=VALUE lines, as systemd's EnvironmentFile= reads them; an empty value means the default;\n")
                .append("# a key set in the environment wins over this file. Relative paths start at SMPP_HOME.\n")
                .append("# Every key at length: docs/configuration.md in the source,"
                        + " https://github.com/smpp-gateway/smpp-gateway\n");
        boolean mysqlSeen = false;
        boolean nsqSeen = false;
        for (Setting setting : Setting.values()) {
            if (setting.isMysql() && !mysqlSeen) {
                mysqlSeen = true;
                text.append("\n# MySQL or MariaDB: with no MYSQL_* key set, the embedded database in SMPP_DATA_PATH is"
                        + " used;\n# any MYSQL_* key makes MYSQL_HOST, MYSQL_DBNAME and MYSQL_USERNAME required.\n");
            }
            if (setting.isNsq() && !nsqSeen) {
                nsqSeen = true;
                text.append("\n# NSQ: with no NSQ_* host, port or topic key set, the in-process bus is used (messages"
                        + " do not leave\n# the process); any of them makes the four NSQ_*_TOPIC keys required.\n");
            }
            Line line = line(setting);
            text.append('\n').append("# ").append(line.meaning()).append('\n')
                    .append('#').append(setting.name()).append('=').append(line.value()).append('\n');
        }
        return text.toString();
    }

    /** What one key's lines say. */
    static Line line(Setting setting) {
        return switch (setting) {
            case MYSQL_HOST -> Line.unset("host name or IP of the MySQL or MariaDB server (required when MySQL is used)");
            case MYSQL_PORT -> Line.of(MysqlConfig.DEFAULT_PORT, "the MySQL server's port");
            case MYSQL_DBNAME -> Line.unset("the database, created and migrated on start (required when MySQL is used)");
            case MYSQL_USERNAME -> Line.unset("the database account (required when MySQL is used)");
            case MYSQL_PASSWORD -> Line.unset("the account's password (default: empty)");
            case SMPP_PORT -> Line.of(SettingsReader.DEFAULT_SMPP_PORT, "the SMPP server's plain TCP port, for ESMEs");
            case SMPP_SSL_PORT -> Line.of(SettingsReader.DEFAULT_SMPP_SSL_PORT,
                    "the SMPP server's TLS port; open only when SMPP_SSL_CERT_PATH and SMPP_SSL_KEY_PATH are set");
            case SMPP_SSL_CERT_PATH -> Line.unset("the TLS port's PEM certificate chain, the server's certificate first"
                    + " (default: no TLS port)");
            case SMPP_SSL_KEY_PATH -> Line.unset("the certificate's PEM private key, unencrypted (default: no TLS port)");
            case SMPP_CLIENT_CA_PATH -> Line.unset("PEM CA certificates that is_secure gateways trust instead of the"
                    + " JVM's authorities (default: the JVM's)");
            case SMPP_SERVER_LOGS_PATH -> Line.of("logs/server", "the ESMEs' PDU logs, one file per day per client");
            case SMPP_CLIENT_LOGS_PATH -> Line.of("logs/client", "the SMSCs' PDU logs, one file per day per smsc_id");
            case SMPP_PDU_LOG_MAX_FILE_MB -> Line.of(SettingsReader.DEFAULT_PDU_LOG_MAX_FILE_MB,
                    "the most one peer's PDU log file grows to in a day, in MiB; beyond it lines are dropped");
            case SMPP_DATA_PATH -> Line.of("data", "the embedded database and the generated admin password and API"
                    + " token");
            case HTTP_PORT -> Line.of(SettingsReader.DEFAULT_HTTP_PORT, "the REST API and the admin panel");
            case HTTP_ADMIN_USERNAME -> Line.of(SettingsReader.DEFAULT_ADMIN_USERNAME, "the admin panel's login");
            case HTTP_ADMIN_PASSWORD -> Line.unset("the admin panel's password (default: generated on first start into"
                    + " SMPP_DATA_PATH/generated-credentials.conf)");
            case HTTP_API_TOKEN -> Line.unset("the REST API token, sent as X-Api-Token (default: generated on first"
                    + " start, as the password)");
            case HTTP_SSL_CERT_PATH -> Line.unset("the admin port's PEM certificate chain; with HTTP_SSL_KEY_PATH,"
                    + " HTTP_PORT serves HTTPS only (default: plain HTTP)");
            case HTTP_SSL_KEY_PATH -> Line.unset("the admin port's PEM private key, unencrypted (default: plain HTTP)");
            case HTTP_TRUSTED_PROXIES -> Line.unset("IP addresses and CIDR blocks of the reverse proxies whose"
                    + " X-Forwarded-For/-Proto are believed (default: none)");
            case NSQ_HOST -> Line.of(SettingsReader.DEFAULT_NSQ_HOST, "the nsqd of every topic whose own _HOST key is"
                    + " not set");
            case NSQ_PORT -> Line.of(SettingsReader.DEFAULT_NSQD_PORT, "nsqd's TCP port (not its HTTP one) for every"
                    + " topic whose own _PORT key is not set");
            case NSQ_SMS_OUT_HOST, NSQ_DLR_IN_HOST, NSQ_SMS_IN_HOST, NSQ_DLR_OUT_HOST ->
                    Line.unset("this topic's nsqd (default: NSQ_HOST)");
            case NSQ_SMS_OUT_PORT, NSQ_DLR_IN_PORT, NSQ_SMS_IN_PORT, NSQ_DLR_OUT_PORT ->
                    Line.unset("this topic's nsqd TCP port (default: NSQ_PORT)");
            case NSQ_SMS_OUT_TOPIC -> Line.unset("where the gateway consumes the messages to send through the SMSCs"
                    + " (required when NSQ is used)");
            case NSQ_DLR_IN_TOPIC -> Line.unset("where the gateway publishes 'sent' and each message's final status"
                    + " (required when NSQ is used)");
            case NSQ_SMS_IN_TOPIC -> Line.unset("where the gateway publishes what ESMEs submit (required when NSQ is"
                    + " used)");
            case NSQ_DLR_OUT_TOPIC -> Line.unset("where the gateway consumes the receipts to send to ESMEs (required"
                    + " when NSQ is used)");
            case NSQ_CHANNEL -> Line.of(SettingsReader.DEFAULT_NSQ_CHANNEL, "the channel SMS_OUT and DLR_OUT are"
                    + " consumed on; the same for every instance of the gateway");
            case NSQ_MAX_IN_FLIGHT -> Line.of(SettingsReader.DEFAULT_NSQ_MAX_IN_FLIGHT, "SMS_OUT (and, apart, DLR_OUT)"
                    + " messages worked on at once");
            case SMPP_MAX_CONNECTIONS -> Line.of(SmppServerConfig.Connections.defaults().total(), "SMPP connections"
                    + " held at once, plain and TLS, bound or not");
            case SMPP_MAX_CONNECTIONS_PER_ADDRESS -> Line.of(SmppServerConfig.Connections.defaults().perAddress(),
                    "SMPP connections from one IPv4 address or IPv6 /64 (at most SMPP_MAX_CONNECTIONS)");
            case NSQ_LOOKUPD_HTTP_ADDRESSES -> Line.unset("comma-separated host:port of nsqlookupd's HTTP listener:"
                    + " SMS_OUT and DLR_OUT are also read from every nsqd it lists (default: none)");
            case NSQ_LOOKUPD_POLL_SECONDS -> Line.of(NsqLookupd.DEFAULT_POLL_INTERVAL.toSeconds(), "how often"
                    + " nsqlookupd is asked again, in seconds");
            case NSQ_MSG_TIMEOUT_SECONDS -> Line.of(NsqBusConfig.DEFAULT_MSG_TIMEOUT.toSeconds(), "how long what a"
                    + " killed instance held waits at nsqd before another instance gets it, in seconds");
            case SMPP_LOG_FORMAT -> Line.of(LogSettings.defaults().format().name().toLowerCase(java.util.Locale.ROOT),
                    "auto, text, journald or json: auto is journald under systemd, else text");
            case SMPP_LOG_LEVEL -> Line.of(LogSettings.defaults().rootLevel().name(), "the level of every logger not in"
                    + " SMPP_LOG_LEVELS");
            case SMPP_METRICS_ADDRESS -> Line.unset("host:port of a second listener serving GET /metrics alone,"
                    + " without the API token, e.g. 127.0.0.1:9464 (default: off)");
            case SMPP_LOG_LEVELS -> Line.unset("levels by logger, logger=LEVEL pairs separated by commas, e.g."
                    + " io.smppgateway.nsq=DEBUG (default: none)");
        };
    }
}
