package io.smppgateway.runner.config;

import io.smppgateway.bridge.bus.NsqBusConfig;
import io.smppgateway.bridge.bus.NsqLookupd;
import io.smppgateway.bridge.bus.NsqTopicConfig;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.http.ListenAddress;
import io.smppgateway.http.TrustedProxies;
import io.smppgateway.persistence.MysqlConfig;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.tls.Certificates;
import io.smppgateway.smpp.tls.TlsFileException;
import io.smppgateway.smpp.tls.TlsIdentity;
import io.smppgateway.nsq.NsqAddress;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads the gateway's settings as the project's contract says: {@code smpp.conf} from the
 * launcher's folder, or the file given with {@code --config}; then the environment, whose values
 * win (systemd's {@code EnvironmentFile=} hands the same file over as environment); then every key
 * is checked, and every problem is reported at once by {@link InvalidSettingsException}, before
 * anything is opened.
 *
 * <p>An empty value counts as not set. With no {@code MYSQL_*} key the embedded database is used,
 * with no {@code NSQ_*} key the in-process bus; any key of a group makes the group's required keys
 * required. Defaults and meanings: docs/configuration.md.
 */
public final class SettingsReader {

    public static final String FILE_NAME = "smpp.conf";
    public static final int DEFAULT_SMPP_PORT = 2775;
    /** The port IANA registered for SMPP over TLS. */
    public static final int DEFAULT_SMPP_SSL_PORT = 3550;

    /** The most connections the SMPP ports may be told to hold (each costs a few KiB of buffers at least). */
    public static final int MAX_SMPP_CONNECTIONS = 100_000;

    /** One peer's PDU log file in a day, in MiB: 1 GiB by default, at most 1 TiB. */
    public static final int DEFAULT_PDU_LOG_MAX_FILE_MB = 1024;
    public static final int MAX_PDU_LOG_MAX_FILE_MB = 1 << 20;
    public static final int DEFAULT_HTTP_PORT = 8010;
    public static final int DEFAULT_NSQD_PORT = 4150;
    public static final String DEFAULT_NSQ_HOST = "localhost";
    public static final String DEFAULT_NSQ_CHANNEL = "smpp-gateway";
    /** SMS_OUT (and DLR_OUT) messages the gateway works on at once, per consumer. */
    public static final int DEFAULT_NSQ_MAX_IN_FLIGHT = NsqBusConfig.DEFAULT_MAX_IN_FLIGHT;
    static final int MAX_NSQ_MAX_IN_FLIGHT = 10_000;
    static final int MAX_NSQ_LOOKUPD_POLL_SECONDS = 3600;
    public static final String DEFAULT_ADMIN_USERNAME = "admin";

    private static final Pattern NSQ_CHANNEL = Pattern.compile("[.a-zA-Z0-9_-]{1,64}(#ephemeral)?");
    /** Room is left for the dead-letter topic's suffix. */
    private static final Pattern NSQ_TOPIC = Pattern.compile("[.a-zA-Z0-9_-]{1," + NsqTopicConfig.MAX_TOPIC_LENGTH + "}");
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]+");

    private final Path home;
    private final Map<String, String> environment;
    private final Consumer<String> warnings;

    /**
     * @param home        the launcher's folder: where smpp.conf is looked for and relative paths start
     * @param environment the process environment (only the keys of {@link Setting} are read from it)
     * @param warnings    receives what is odd but not wrong (an unknown key, an ignored one)
     */
    public SettingsReader(Path home, Map<String, String> environment, Consumer<String> warnings) {
        this.home = home.toAbsolutePath().normalize();
        this.environment = Map.copyOf(environment);
        this.warnings = warnings;
    }

    /**
     * @param explicitFile the {@code --config} file, or {@code null} for {@code <home>/smpp.conf}
     *                     (which may be absent: then only the environment and the defaults count)
     * @throws InvalidSettingsException naming every key that is missing or malformed
     */
    public GatewaySettings read(Path explicitFile) {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Path file = explicitFile != null ? home.resolve(explicitFile).normalize() : home.resolve(FILE_NAME);
        String source;
        if (Files.isRegularFile(file)) {
            source = file.toString();
            readFile(file, values, problems);
        } else if (explicitFile != null) {
            source = file.toString();
            problems.add("--config: " + file + (Files.exists(file) ? " is not a file" : " does not exist"));
        } else {
            source = "no " + file + ", environment and defaults";
        }
        for (Setting setting : Setting.values()) {
            String fromEnvironment = environment.get(setting.name());
            if (fromEnvironment != null) {
                values.put(setting.name(), fromEnvironment);
            }
        }
        Values settings = new Values(values, problems);
        Path dataFolder = settings.folder(Setting.SMPP_DATA_PATH, "data");
        GatewaySettings result = new GatewaySettings(home, source, database(settings, dataFolder), bus(settings),
                smpp(settings), settings.folder(Setting.SMPP_SERVER_LOGS_PATH, "logs/server"),
                settings.folder(Setting.SMPP_CLIENT_LOGS_PATH, "logs/client"), dataFolder, http(settings),
                clientCa(settings), settings.count(Setting.SMPP_PDU_LOG_MAX_FILE_MB, DEFAULT_PDU_LOG_MAX_FILE_MB,
                        MAX_PDU_LOG_MAX_FILE_MB) * (1L << 20), logging(settings));
        checkPortsDiffer(result, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(source, problems);
        }
        return result;
    }

    private void readFile(Path file, Map<String, String> values, List<String> problems) {
        ConfFile conf;
        try {
            conf = ConfFile.read(file);
        } catch (java.io.UncheckedIOException e) {
            problems.add(e.getMessage());
            return;
        }
        for (String lineError : conf.lineErrors()) {
            problems.add(file.getFileName() + " " + lineError);
        }
        conf.values().forEach((key, value) -> {
            if (Setting.of(key).isPresent()) {
                values.put(key, value);
            } else {
                warnings.accept(file + ": " + key + " is not a setting of the gateway; ignored");
            }
        });
    }

    private DatabaseChoice database(Values values, Path dataFolder) {
        boolean mysql = values.anySet(Setting::isMysql);
        if (!mysql) {
            return dataFolder == null ? null : new DatabaseChoice.Embedded(dataFolder.resolve("smpp"));
        }
        String host = values.host(Setting.MYSQL_HOST, null);
        int port = values.port(Setting.MYSQL_PORT, MysqlConfig.DEFAULT_PORT);
        String database = values.required(Setting.MYSQL_DBNAME);
        if (database != null && !database.matches("[A-Za-z0-9_$]{1,64}")) {
            values.problem(Setting.MYSQL_DBNAME, "'" + database + "' is not a database name"
                    + " (1 to 64 letters, digits, '_' or '$')");
            database = null;
        }
        String username = values.required(Setting.MYSQL_USERNAME);
        String password = values.get(Setting.MYSQL_PASSWORD);
        if (host == null || database == null || username == null || port < 0) {
            return null;
        }
        return new DatabaseChoice.Mysql(MysqlConfig.of(host, port, database, username,
                password == null ? "" : password));
    }

    private BusChoice bus(Values values) {
        boolean nsq = values.anySet(Setting::isNsqTopic);
        if (!nsq) {
            for (Setting ours : Setting.values()) {
                if (ours.isNsq() && !ours.isNsqTopic() && values.get(ours) != null) {
                    warnings.accept(ours + " is ignored: no NSQ topic is configured, the in-process bus is used");
                }
            }
            return new BusChoice.InProcess();
        }
        Map<Topic, BusChoice.NsqEndpoint> endpoints = new EnumMap<>(Topic.class);
        boolean complete = true;
        // NSQ_HOST and NSQ_PORT are the defaults of every topic whose own keys are absent.
        String commonHost = values.host(Setting.NSQ_HOST, DEFAULT_NSQ_HOST);
        int commonPort = values.port(Setting.NSQ_PORT, DEFAULT_NSQD_PORT);
        for (Topic topic : Topic.values()) {
            String host = values.host(Setting.valueOf("NSQ_" + topic + "_HOST"),
                    commonHost == null ? DEFAULT_NSQ_HOST : commonHost);
            int port = values.port(Setting.valueOf("NSQ_" + topic + "_PORT"), commonPort < 0 ? DEFAULT_NSQD_PORT
                    : commonPort);
            String name = values.nsqName(Setting.valueOf("NSQ_" + topic + "_TOPIC"), null, NSQ_TOPIC,
                    "1 to " + NsqTopicConfig.MAX_TOPIC_LENGTH + " of a-z A-Z 0-9 . _ -");
            if (host == null || port < 0 || name == null) {
                complete = false;
            } else {
                endpoints.put(topic, new BusChoice.NsqEndpoint(host, port, name));
            }
        }
        String channel = values.nsqName(Setting.NSQ_CHANNEL, DEFAULT_NSQ_CHANNEL, NSQ_CHANNEL,
                "1 to 64 of a-z A-Z 0-9 . _ -, optionally ending in #ephemeral");
        int maxInFlight = values.count(Setting.NSQ_MAX_IN_FLIGHT, DEFAULT_NSQ_MAX_IN_FLIGHT, MAX_NSQ_MAX_IN_FLIGHT);
        List<NsqAddress> lookupdAddresses = values.lookupdAddresses(Setting.NSQ_LOOKUPD_HTTP_ADDRESSES);
        int pollSeconds = values.count(Setting.NSQ_LOOKUPD_POLL_SECONDS,
                (int) NsqLookupd.DEFAULT_POLL_INTERVAL.toSeconds(), MAX_NSQ_LOOKUPD_POLL_SECONDS);
        int msgTimeoutSeconds = values.count(Setting.NSQ_MSG_TIMEOUT_SECONDS,
                (int) NsqBusConfig.DEFAULT_MSG_TIMEOUT.toSeconds(), (int) NsqBusConfig.MAX_MSG_TIMEOUT.toSeconds());
        if (values.get(Setting.NSQ_LOOKUPD_POLL_SECONDS) != null && lookupdAddresses != null
                && lookupdAddresses.isEmpty()) {
            warnings.accept(Setting.NSQ_LOOKUPD_POLL_SECONDS + " is ignored: NSQ_LOOKUPD_HTTP_ADDRESSES is not set");
        }
        if (!complete || channel == null || maxInFlight < 0 || lookupdAddresses == null || pollSeconds < 0
                || msgTimeoutSeconds < 0) {
            return null;
        }
        return new BusChoice.Nsq(endpoints, channel, maxInFlight,
                new NsqLookupd(lookupdAddresses, Duration.ofSeconds(pollSeconds)),
                Duration.ofSeconds(msgTimeoutSeconds));
    }

    private SmppListeners smpp(Values values) {
        int port = values.port(Setting.SMPP_PORT, DEFAULT_SMPP_PORT);
        Path certificate = values.readableFile(Setting.SMPP_SSL_CERT_PATH);
        Path key = values.readableFile(Setting.SMPP_SSL_KEY_PATH);
        boolean certificateSet = values.get(Setting.SMPP_SSL_CERT_PATH) != null;
        boolean keySet = values.get(Setting.SMPP_SSL_KEY_PATH) != null;
        if (certificateSet != keySet) {
            Setting missing = certificateSet ? Setting.SMPP_SSL_KEY_PATH : Setting.SMPP_SSL_CERT_PATH;
            Setting given = certificateSet ? Setting.SMPP_SSL_CERT_PATH : Setting.SMPP_SSL_KEY_PATH;
            values.problem(missing, "required for TLS, since " + given + " is set");
        }
        if (!certificateSet && !keySet) {
            if (values.get(Setting.SMPP_SSL_PORT) != null) {
                warnings.accept("SMPP_SSL_PORT is ignored: TLS needs SMPP_SSL_CERT_PATH and SMPP_SSL_KEY_PATH");
            }
            return new SmppListeners(port, -1, null, null, connections(values));
        }
        int tlsPort = values.port(Setting.SMPP_SSL_PORT, DEFAULT_SMPP_SSL_PORT);
        if (certificate != null && key != null) {
            checkTlsIdentity(values, certificate, Setting.SMPP_SSL_CERT_PATH, key, Setting.SMPP_SSL_KEY_PATH);
        }
        return new SmppListeners(port, tlsPort, certificate, key, connections(values));
    }

    /** How many connections the SMPP ports hold at once, in all and from one address. */
    private SmppServerConfig.Connections connections(Values values) {
        SmppServerConfig.Connections defaults = SmppServerConfig.Connections.defaults();
        int total = values.count(Setting.SMPP_MAX_CONNECTIONS, defaults.total(), MAX_SMPP_CONNECTIONS);
        int perAddress = values.count(Setting.SMPP_MAX_CONNECTIONS_PER_ADDRESS,
                Math.min(defaults.perAddress(), Math.max(total, 1)), MAX_SMPP_CONNECTIONS);
        if (total < 1 || perAddress < 1) {
            return defaults;
        }
        if (perAddress > total) {
            values.problem(Setting.SMPP_MAX_CONNECTIONS_PER_ADDRESS, perAddress + " is more than SMPP_MAX_CONNECTIONS ("
                    + total + ")");
            return defaults;
        }
        return new SmppServerConfig.Connections(total, perAddress);
    }

    /** A key that is encrypted, damaged or not the certificate's is a settings error, found before any port opens. */
    private static void checkTlsIdentity(Values values, Path certificate, Setting certificateSetting, Path key,
                                         Setting keySetting) {
        try {
            TlsIdentity.load(certificate, key);
        } catch (TlsFileException e) {
            values.problem(e.file().equals(key) ? keySetting : certificateSetting, e.getMessage());
        }
    }

    /** The CA certificates trusted towards SMSCs instead of the JVM's, or {@code null} for the JVM's. */
    private static Path clientCa(Values values) {
        Path file = values.readableFile(Setting.SMPP_CLIENT_CA_PATH);
        if (file == null) {
            return null;
        }
        try {
            Certificates.read(file);
            return file;
        } catch (TlsFileException e) {
            values.problem(Setting.SMPP_CLIENT_CA_PATH, e.getMessage());
            return null;
        }
    }

    private HttpAccess http(Values values) {
        int port = values.port(Setting.HTTP_PORT, DEFAULT_HTTP_PORT);
        String username = values.get(Setting.HTTP_ADMIN_USERNAME);
        if (username != null && !username.equals(username.strip())) {
            values.problem(Setting.HTTP_ADMIN_USERNAME, "must not start or end with spaces");
        }
        String token = values.get(Setting.HTTP_API_TOKEN);
        if (token != null && !TOKEN.matcher(token).matches()) {
            values.problem(Setting.HTTP_API_TOKEN, "must be printable ASCII without spaces (it travels in a header)");
        }
        Path certificate = values.readableFile(Setting.HTTP_SSL_CERT_PATH);
        Path key = values.readableFile(Setting.HTTP_SSL_KEY_PATH);
        boolean certificateSet = values.get(Setting.HTTP_SSL_CERT_PATH) != null;
        boolean keySet = values.get(Setting.HTTP_SSL_KEY_PATH) != null;
        if (certificateSet != keySet) {
            Setting missing = certificateSet ? Setting.HTTP_SSL_KEY_PATH : Setting.HTTP_SSL_CERT_PATH;
            Setting given = certificateSet ? Setting.HTTP_SSL_CERT_PATH : Setting.HTTP_SSL_KEY_PATH;
            values.problem(missing, "required for HTTPS, since " + given + " is set");
        }
        TrustedProxies proxies = TrustedProxies.NONE;
        try {
            proxies = TrustedProxies.parse(values.get(Setting.HTTP_TRUSTED_PROXIES));
        } catch (IllegalArgumentException e) {
            values.problem(Setting.HTTP_TRUSTED_PROXIES, e.getMessage());
        }
        boolean tls = certificate != null && key != null;
        if (tls) {
            checkTlsIdentity(values, certificate, Setting.HTTP_SSL_CERT_PATH, key, Setting.HTTP_SSL_KEY_PATH);
        }
        return new HttpAccess(port, username == null ? DEFAULT_ADMIN_USERNAME : username,
                values.get(Setting.HTTP_ADMIN_PASSWORD), token, tls ? certificate : null, tls ? key : null, proxies,
                metricsAddress(values));
    }

    /** {@code SMPP_METRICS_ADDRESS}: {@code host:port} of the token-free {@code /metrics} listener, or none. */
    private static ListenAddress metricsAddress(Values values) {
        String value = values.get(Setting.SMPP_METRICS_ADDRESS);
        if (value == null) {
            return null;
        }
        try {
            ListenAddress address = ListenAddress.parse(value);
            if (address.port() == 0) {
                values.problem(Setting.SMPP_METRICS_ADDRESS, "the port must be 1 to 65535, got 0");
                return null;
            }
            return address;
        } catch (IllegalArgumentException e) {
            values.problem(Setting.SMPP_METRICS_ADDRESS, e.getMessage() + " (e.g. 127.0.0.1:9464)");
            return null;
        }
    }

    private static LogSettings logging(Values values) {
        LogSettings defaults = LogSettings.defaults();
        return new LogSettings(values.parsed(Setting.SMPP_LOG_FORMAT, LogFormat::of, defaults.format()),
                values.parsed(Setting.SMPP_LOG_LEVEL, LogLevel::of, defaults.rootLevel()),
                values.parsed(Setting.SMPP_LOG_LEVELS, LogSettings::parseLoggerLevels, defaults.loggerLevels()));
    }

    private static void checkPortsDiffer(GatewaySettings settings, List<String> problems) {
        if (settings.smpp() == null || settings.http() == null) {
            return;
        }
        int smpp = settings.smpp().port();
        int tls = settings.smpp().tlsPort();
        int http = settings.http().port();
        if (smpp > 0 && smpp == http) {
            problems.add("HTTP_PORT: " + http + " is also SMPP_PORT");
        }
        if (tls > 0 && tls == smpp) {
            problems.add("SMPP_SSL_PORT: " + tls + " is also SMPP_PORT");
        }
        if (tls > 0 && tls == http) {
            problems.add("SMPP_SSL_PORT: " + tls + " is also HTTP_PORT");
        }
        ListenAddress metrics = settings.http().metricsAddress();
        if (metrics != null) {
            Map<String, Integer> others = new LinkedHashMap<>();
            others.put("HTTP_PORT", http);
            others.put("SMPP_PORT", smpp);
            others.put("SMPP_SSL_PORT", tls);
            others.forEach((key, port) -> {
                if (port > 0 && port == metrics.port()) {
                    problems.add("SMPP_METRICS_ADDRESS: " + metrics.port() + " is also " + key);
                }
            });
        }
    }

    /** The merged values, with typed getters that record a problem and return a marker when a value is bad. */
    private final class Values {
        private final Map<String, String> values;
        private final List<String> problems;

        Values(Map<String, String> values, List<String> problems) {
            this.values = values;
            this.problems = problems;
        }

        void problem(Setting setting, String message) {
            problems.add(setting.name() + ": " + message);
        }

        /** The value, stripped of surrounding spaces for anything but a secret; {@code null} when empty. */
        String get(Setting setting) {
            String value = values.get(setting.name());
            if (value == null) {
                return null;
            }
            String kept = setting.isSecret() ? value : value.strip();
            return kept.isEmpty() ? null : kept;
        }

        boolean anySet(java.util.function.Predicate<Setting> group) {
            for (Setting setting : Setting.values()) {
                if (group.test(setting) && get(setting) != null) {
                    return true;
                }
            }
            return false;
        }

        String required(Setting setting) {
            String value = get(setting);
            if (value == null) {
                problem(setting, "required");
            }
            return value;
        }

        /** The port, its default when not set, or -1 after recording a problem. */
        int port(Setting setting, int defaultPort) {
            String value = get(setting);
            if (value == null) {
                if (defaultPort < 0) {
                    problem(setting, "required");
                }
                return defaultPort;
            }
            try {
                int port = Integer.parseInt(value);
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(setting, "'" + value + "' is not a port number (1 to 65535)");
            return -1;
        }

        /** A whole number from 1 to {@code max}; -1 (and a problem reported) when it is not one. */
        int count(Setting setting, int defaultCount, int max) {
            String value = get(setting);
            if (value == null) {
                return defaultCount;
            }
            try {
                int count = Integer.parseInt(value);
                if (count >= 1 && count <= max) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            problem(setting, "'" + value + "' is not a whole number from 1 to " + max);
            return -1;
        }

        String host(Setting setting, String defaultHost) {
            String value = get(setting);
            if (value == null) {
                if (defaultHost == null) {
                    problem(setting, "required");
                }
                return defaultHost;
            }
            if (value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/' || c == '?' || c == '#')) {
                problem(setting, "'" + value + "' is not a host name or IP address");
                return null;
            }
            return value;
        }

        /**
         * Comma-separated {@code host:port}, in the order given without repeats; empty when not set,
         * {@code null} after recording a problem for each bad one.
         */
        List<NsqAddress> lookupdAddresses(Setting setting) {
            String value = get(setting);
            if (value == null) {
                return List.of();
            }
            Set<NsqAddress> addresses = new LinkedHashSet<>();
            boolean bad = false;
            for (String part : value.split(",", -1)) {
                String item = part.strip();
                NsqAddress address = null;
                if (!item.isEmpty() && item.chars().noneMatch(c -> Character.isWhitespace(c) || c == '/'
                        || c == '?' || c == '#' || c == '@')) {
                    try {
                        address = NsqAddress.parse(item);
                    } catch (IllegalArgumentException e) {
                        // reported below
                    }
                }
                if (address == null) {
                    problem(setting, "'" + item + "' is not host:port of an nsqlookupd's HTTP listener"
                            + " (such as 127.0.0.1:4161); separate several with commas");
                    bad = true;
                } else {
                    addresses.add(address);
                }
            }
            return bad ? null : List.copyOf(addresses);
        }

        String nsqName(Setting setting, String defaultName, Pattern rule, String ruleText) {
            String value = get(setting);
            if (value == null) {
                if (defaultName == null) {
                    problem(setting, "required");
                }
                return defaultName;
            }
            if (!rule.matcher(value).matches()) {
                problem(setting, "'" + value + "' is not an NSQ name (" + ruleText + ")");
                return null;
            }
            return value;
        }

        /**
         * The value read by {@code parser}, its default when not set, or the default after recording
         * the parser's complaint.
         */
        <T> T parsed(Setting setting, java.util.function.Function<String, T> parser, T defaultValue) {
            String value = get(setting);
            if (value == null) {
                return defaultValue;
            }
            try {
                return parser.apply(value);
            } catch (IllegalArgumentException e) {
                problem(setting, e.getMessage());
                return defaultValue;
            }
        }

        /** A file that must exist and be readable, or {@code null} (not set, or a problem recorded). */
        Path readableFile(Setting setting) {
            Path path = path(setting);
            if (path == null) {
                return null;
            }
            if (!Files.isRegularFile(path)) {
                problem(setting, path + (Files.exists(path) ? " is not a file" : " does not exist"));
                return null;
            }
            if (!Files.isReadable(path)) {
                problem(setting, path + " is not readable by this user");
                return null;
            }
            return path;
        }

        /**
         * A folder the gateway writes into: an existing writable folder, or one it can create
         * (its nearest existing parent is a writable folder). Relative to home; defaulted when not set.
         */
        Path folder(Setting setting, String defaultRelative) {
            Path path = path(setting);
            if (path == null) {
                if (get(setting) != null) {
                    return null;
                }
                path = home.resolve(defaultRelative);
            }
            Path existing = path;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null || !Files.isDirectory(existing)) {
                problem(setting, path + (existing == path ? " is not a folder" : ": " + existing + " is not a folder"));
                return null;
            }
            if (!Files.isWritable(existing)) {
                problem(setting, (existing == path ? path + " is not writable" : path + " cannot be created: "
                        + existing + " is not writable") + " by this user");
                return null;
            }
            return path;
        }

        private Path path(Setting setting) {
            String value = get(setting);
            if (value == null) {
                return null;
            }
            try {
                return home.resolve(value).normalize();
            } catch (InvalidPathException e) {
                problem(setting, "'" + value + "' is not a path: " + e.getReason());
                return null;
            }
        }
    }
}
