package io.smppgateway.runner.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.bridge.bus.NsqLookupd;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.http.ListenAddress;
import io.smppgateway.nsq.NsqAddress;
import io.smppgateway.smpp.server.SmppServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the settings come from, their defaults, and every rule that refuses them. */
class SettingsReaderTest {

    @TempDir
    Path home;

    private final Map<String, String> environment = new HashMap<>();
    private final List<String> warnings = new ArrayList<>();

    private GatewaySettings read(String conf) throws IOException {
        Files.writeString(home.resolve("smpp.conf"), conf);
        return reader().read(null);
    }

    private SettingsReader reader() {
        return new SettingsReader(home, environment, warnings::add);
    }

    private List<String> problems(String conf) throws IOException {
        Files.writeString(home.resolve("smpp.conf"), conf);
        return assertThrows(InvalidSettingsException.class, () -> reader().read(null)).problems();
    }

    @Test
    void withNothingConfiguredStartsOnTheEmbeddedDefaults() {
        GatewaySettings settings = reader().read(null);

        assertTrue(settings.embeddedDefaults());
        assertEquals(new DatabaseChoice.Embedded(home.resolve("data/smpp")), settings.database());
        assertInstanceOf(BusChoice.InProcess.class, settings.bus());
        assertEquals(new SmppListeners(2775, -1, null, null), settings.smpp());
        assertEquals(new HttpAccess(8010, "admin", null, null), settings.http());
        assertEquals(home.resolve("logs/server"), settings.serverLogs());
        assertEquals(home.resolve("logs/client"), settings.clientLogs());
        assertEquals(home.resolve("data"), settings.dataFolder());
        assertTrue(settings.source().startsWith("no " + home.resolve("smpp.conf")), settings.source());
    }

    @Test
    void metricsAddressOpensTheTokenFreeMetricsListenerWhereTheOperatorSays() throws IOException {
        assertNull(reader().read(null).http().metricsAddress(), "off unless set");
        assertEquals(new ListenAddress("127.0.0.1", 9464),
                read("SMPP_METRICS_ADDRESS=127.0.0.1:9464\n").http().metricsAddress());
        assertEquals(new ListenAddress("::1", 9464), read("SMPP_METRICS_ADDRESS=[::1]:9464\n").http().metricsAddress());
        assertEquals(new ListenAddress("0.0.0.0", 9464), read("SMPP_METRICS_ADDRESS=:9464\n").http().metricsAddress());
        assertNull(read("SMPP_METRICS_ADDRESS=\n").http().metricsAddress(), "empty is off");
    }

    @Test
    void aMetricsAddressMustBeAHostAndAFreePort() throws IOException {
        assertEquals(List.of("SMPP_METRICS_ADDRESS: expected host:port, got \"9464\" (e.g. 127.0.0.1:9464)"),
                problems("SMPP_METRICS_ADDRESS=9464\n"));
        assertEquals(List.of("SMPP_METRICS_ADDRESS: the port of \"localhost:http\" is not a number"
                + " (e.g. 127.0.0.1:9464)"), problems("SMPP_METRICS_ADDRESS=localhost:http\n"));
        assertEquals(List.of("SMPP_METRICS_ADDRESS: the port must be 1 to 65535, got 0"),
                problems("SMPP_METRICS_ADDRESS=127.0.0.1:0\n"));
        assertEquals(List.of("SMPP_METRICS_ADDRESS: 8010 is also HTTP_PORT"),
                problems("SMPP_METRICS_ADDRESS=127.0.0.1:8010\n"));
        assertEquals(List.of("SMPP_METRICS_ADDRESS: 2775 is also SMPP_PORT"),
                problems("SMPP_METRICS_ADDRESS=127.0.0.1:2775\n"));
    }

    @Test
    void readsTheManualsKeysFromTheLaunchersFolder() throws IOException {
        GatewaySettings settings = read("""
                MYSQL_HOST=db.example.com
                MYSQL_PORT=3307
                MYSQL_DBNAME=smpp
                MYSQL_USERNAME=gateway
                MYSQL_PASSWORD=" secret with spaces "
                SMPP_PORT=2776
                SMPP_SERVER_LOGS_PATH=/var/log/smpp/server
                SMPP_CLIENT_LOGS_PATH=relative/client
                HTTP_PORT=8080
                HTTP_ADMIN_USERNAME=root
                HTTP_ADMIN_PASSWORD=pw
                HTTP_API_TOKEN=tok-123
                NSQ_SMS_OUT_HOST=nsq1
                NSQ_SMS_OUT_PORT=4150
                NSQ_SMS_OUT_TOPIC=sms_out
                NSQ_DLR_IN_TOPIC=dlr_in
                NSQ_SMS_IN_HOST=nsq2
                NSQ_SMS_IN_PORT=4250
                NSQ_SMS_IN_TOPIC=sms_in
                NSQ_DLR_OUT_TOPIC=dlr_out
                """);

        DatabaseChoice.Mysql mysql = assertInstanceOf(DatabaseChoice.Mysql.class, settings.database());
        assertEquals("jdbc:mysql://db.example.com:3307/smpp", mysql.config().jdbcUrl());
        assertEquals("gateway", mysql.config().username());
        assertEquals(" secret with spaces ", mysql.config().password());
        BusChoice.Nsq nsq = assertInstanceOf(BusChoice.Nsq.class, settings.bus());
        assertEquals(new BusChoice.NsqEndpoint("nsq1", 4150, "sms_out"), nsq.of(Topic.SMS_OUT));
        assertEquals(new BusChoice.NsqEndpoint("localhost", 4150, "dlr_in"), nsq.of(Topic.DLR_IN));
        assertEquals(new BusChoice.NsqEndpoint("nsq2", 4250, "sms_in"), nsq.of(Topic.SMS_IN));
        assertEquals("smpp-gateway", nsq.channel());
        assertEquals(2776, settings.smpp().port());
        assertEquals(Path.of("/var/log/smpp/server"), settings.serverLogs());
        assertEquals(home.resolve("relative/client"), settings.clientLogs());
        assertEquals(new HttpAccess(8080, "root", "pw", "tok-123"), settings.http());
        assertEquals(false, settings.embeddedDefaults());
        assertEquals(List.of(), warnings);
    }

    @Test
    void theEnvironmentOverridesTheFile() throws IOException {
        environment.put("SMPP_PORT", "3000");
        environment.put("HTTP_ADMIN_PASSWORD", "from-env");
        environment.put("UNRELATED", "x");

        GatewaySettings settings = read("SMPP_PORT=2776\nHTTP_PORT=9000\nHTTP_ADMIN_PASSWORD=from-file\n");

        assertEquals(3000, settings.smpp().port());
        assertEquals(9000, settings.http().port());
        assertEquals("from-env", settings.http().adminPassword());
    }

    @Test
    void anEmptyValueCountsAsNotSet() throws IOException {
        environment.put("MYSQL_HOST", "");

        GatewaySettings settings = read("SMPP_PORT=\nNSQ_SMS_OUT_TOPIC=\"\"\nHTTP_API_TOKEN=\n");

        assertTrue(settings.embeddedDefaults());
        assertEquals(2775, settings.smpp().port());
        assertNull(settings.http().apiToken());
    }

    @Test
    void aFileGivenWithConfigWinsOverTheLaunchersFolder() throws IOException {
        Files.writeString(home.resolve("smpp.conf"), "SMPP_PORT=1111\n");
        Path other = Files.writeString(home.resolve("other.conf"), "HTTP_PORT=2222\n");

        GatewaySettings settings = reader().read(other);

        assertEquals(2775, settings.smpp().port());
        assertEquals(2222, settings.http().port());
        assertEquals(other.toString(), settings.source());
    }

    @Test
    void aMissingConfigFileIsAnError() {
        InvalidSettingsException error = assertThrows(InvalidSettingsException.class,
                () -> reader().read(Path.of("missing.conf")));

        assertEquals(List.of("--config: " + home.resolve("missing.conf") + " does not exist"), error.problems());
    }

    @Test
    void everyMalformedKeyIsNamedInOneMessage() throws IOException {
        List<String> problems = problems("""
                SMPP_PORT=0
                HTTP_PORT=eighty
                MYSQL_PORT=70000
                MYSQL_DBNAME=my-db
                not a setting
                NSQ_SMS_OUT_TOPIC=bad topic
                NSQ_SMS_IN_PORT=-1
                NSQ_CHANNEL=#ephemeral
                NSQ_MAX_IN_FLIGHT=0
                HTTP_API_TOKEN=has space
                """);

        assertEquals(List.of(
                "smpp.conf line 5: not a KEY=VALUE setting",
                "MYSQL_HOST: required",
                "MYSQL_PORT: '70000' is not a port number (1 to 65535)",
                "MYSQL_DBNAME: 'my-db' is not a database name (1 to 64 letters, digits, '_' or '$')",
                "MYSQL_USERNAME: required",
                "NSQ_SMS_OUT_TOPIC: 'bad topic' is not an NSQ name (1 to 59 of a-z A-Z 0-9 . _ -)",
                "NSQ_DLR_IN_TOPIC: required",
                "NSQ_SMS_IN_PORT: '-1' is not a port number (1 to 65535)",
                "NSQ_SMS_IN_TOPIC: required",
                "NSQ_DLR_OUT_TOPIC: required",
                "NSQ_CHANNEL: '#ephemeral' is not an NSQ name (1 to 64 of a-z A-Z 0-9 . _ -,"
                        + " optionally ending in #ephemeral)",
                "NSQ_MAX_IN_FLIGHT: '0' is not a whole number from 1 to 10000",
                "SMPP_PORT: '0' is not a port number (1 to 65535)",
                "HTTP_PORT: 'eighty' is not a port number (1 to 65535)",
                "HTTP_API_TOKEN: must be printable ASCII without spaces (it travels in a header)"), problems);
    }

    @Test
    void theMessageNamesTheSourceAndEveryProblemButNoSecret() throws IOException {
        Files.writeString(home.resolve("smpp.conf"), "MYSQL_PASSWORD=hunter2\nHTTP_API_TOKEN=\"s3cret token\"\n");

        InvalidSettingsException error = assertThrows(InvalidSettingsException.class, () -> reader().read(null));

        assertEquals("invalid settings (" + home.resolve("smpp.conf") + "), 4 problems:\n"
                + "  MYSQL_HOST: required\n"
                + "  MYSQL_DBNAME: required\n"
                + "  MYSQL_USERNAME: required\n"
                + "  HTTP_API_TOKEN: must be printable ASCII without spaces (it travels in a header)",
                error.getMessage());
        assertTrue(!error.getMessage().contains("hunter2") && !error.getMessage().contains("s3cret"));
    }

    @Test
    void tlsNeedsBothTheCertificateAndTheKeyAsReadableFiles() throws IOException {
        Path certificate = Files.writeString(home.resolve("cert.pem"), "x");
        Files.createDirectory(home.resolve("folder.key"));

        assertEquals(List.of("SMPP_SSL_KEY_PATH: required for TLS, since SMPP_SSL_CERT_PATH is set"),
                problems("SMPP_SSL_CERT_PATH=" + certificate + "\n"));
        assertEquals(List.of("SMPP_SSL_CERT_PATH: " + home.resolve("nope.pem") + " does not exist",
                        "SMPP_SSL_KEY_PATH: " + home.resolve("folder.key") + " is not a file"),
                problems("SMPP_SSL_CERT_PATH=nope.pem\nSMPP_SSL_KEY_PATH=folder.key\n"));
    }

    @Test
    void tlsListensOnSmppSslPortOrItsDefault() throws Exception {
        Path[] made = OpensslFiles.selfSignedWithPkcs1Key(home, "made");
        Path certificate = Files.move(made[0], home.resolve("cert.pem"));
        Path key = Files.move(made[1], home.resolve("key.pem"));

        GatewaySettings tls = read("SMPP_SSL_CERT_PATH=cert.pem\nSMPP_SSL_KEY_PATH=" + key + "\n");
        assertEquals(new SmppListeners(2775, 3550, certificate, key), tls.smpp());
        assertTrue(tls.smpp().tls());

        GatewaySettings port = read("SMPP_SSL_PORT=4000\nSMPP_SSL_CERT_PATH=cert.pem\nSMPP_SSL_KEY_PATH=key.pem\n");
        assertEquals(4000, port.smpp().tlsPort());
    }

    @Test
    void anEncryptedKeyIsASettingsErrorNamingTheKeyAndHowToDecryptIt() throws Exception {
        Path certificate = OpensslFiles.selfSignedWithPkcs1Key(home, "server")[0];
        Path key = OpensslFiles.encryptedKey(home, "encrypted");

        List<String> problems = problems("SMPP_SSL_CERT_PATH=" + certificate + "\nSMPP_SSL_KEY_PATH=encrypted.key\n");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("SMPP_SSL_KEY_PATH: " + key + ": the private key is encrypted"),
                problems.get(0));
        assertTrue(problems.get(0).contains("openssl pkey -in " + key + " -out"), problems.get(0));
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsASettingsErrorOnTheKey() throws Exception {
        Path certificate = OpensslFiles.selfSignedWithPkcs1Key(home, "server")[0];
        Path otherKey = OpensslFiles.selfSignedWithPkcs1Key(home, "other")[1];

        List<String> problems = problems("SMPP_SSL_CERT_PATH=server.pem\nSMPP_SSL_KEY_PATH=other.key\n");

        assertEquals(List.of("SMPP_SSL_KEY_PATH: " + otherKey + ": is not the private key of the certificate in "
                + certificate + " (CN=localhost); check that both files come from the same request"), problems);
    }

    @Test
    void aCertificateFileThatIsNotPemIsASettingsErrorOnTheCertificate() throws Exception {
        Path key = OpensslFiles.selfSignedWithPkcs1Key(home, "server")[1];
        Path junk = Files.writeString(home.resolve("junk.pem"), "not a certificate\n");

        List<String> problems = problems("SMPP_SSL_CERT_PATH=junk.pem\nSMPP_SSL_KEY_PATH=" + key + "\n");

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("SMPP_SSL_CERT_PATH: " + junk + ": is not a PEM file"), problems.get(0));
    }

    @Test
    void theClientCaFileIsReadAsPemCertificates() throws Exception {
        Path ca = OpensslFiles.selfSignedWithPkcs1Key(home, "smsc-ca")[0];

        assertNull(read("").clientCa());
        assertEquals(ca, read("SMPP_CLIENT_CA_PATH=smsc-ca.pem\n").clientCa());
        assertEquals(List.of("SMPP_CLIENT_CA_PATH: " + home.resolve("missing.pem") + " does not exist"),
                problems("SMPP_CLIENT_CA_PATH=missing.pem\n"));
        Path key = home.resolve("smsc-ca.key");
        assertEquals(List.of("SMPP_CLIENT_CA_PATH: " + key + ": holds a private key, not a certificate"
                + " (are the certificate and key paths swapped?)"), problems("SMPP_CLIENT_CA_PATH=smsc-ca.key\n"));
    }

    @Test
    void anSslPortWithoutCertificateIsIgnoredWithAWarning() throws IOException {
        GatewaySettings settings = read("SMPP_SSL_PORT=4000\n");

        assertEquals(-1, settings.smpp().tlsPort());
        assertEquals(List.of("SMPP_SSL_PORT is ignored: TLS needs SMPP_SSL_CERT_PATH and SMPP_SSL_KEY_PATH"),
                warnings);
    }

    @Test
    void connectionLimitsDefaultAndCanBeRaisedOrLowered() throws IOException {
        assertEquals(new SmppServerConfig.Connections(2_000, 100), reader().read(null).smpp().connections());
        assertEquals(new SmppServerConfig.Connections(5_000, 5_000),
                read("SMPP_MAX_CONNECTIONS=5000\nSMPP_MAX_CONNECTIONS_PER_ADDRESS=5000\n").smpp().connections());
        assertEquals(new SmppServerConfig.Connections(40, 40), read("SMPP_MAX_CONNECTIONS=40\n").smpp().connections());
    }

    @Test
    void connectionLimitsMustBePositiveAndThePerAddressOneWithinTheTotal() throws IOException {
        assertEquals(List.of("SMPP_MAX_CONNECTIONS: '0' is not a whole number from 1 to 100000"),
                problems("SMPP_MAX_CONNECTIONS=0\n"));
        assertEquals(List.of("SMPP_MAX_CONNECTIONS_PER_ADDRESS: 'many' is not a whole number from 1 to 100000"),
                problems("SMPP_MAX_CONNECTIONS_PER_ADDRESS=many\n"));
        assertEquals(List.of("SMPP_MAX_CONNECTIONS_PER_ADDRESS: 300 is more than SMPP_MAX_CONNECTIONS (200)"),
                problems("SMPP_MAX_CONNECTIONS=200\nSMPP_MAX_CONNECTIONS_PER_ADDRESS=300\n"));
    }

    @Test
    void thePduLogFileCapIsOneGibibyteUnlessSetInMebibytes() throws IOException {
        assertEquals(1L << 30, reader().read(null).pduLogMaxFileBytes());
        assertEquals(50L << 20, read("SMPP_PDU_LOG_MAX_FILE_MB=50\n").pduLogMaxFileBytes());
        assertEquals(List.of("SMPP_PDU_LOG_MAX_FILE_MB: '0' is not a whole number from 1 to 1048576"),
                problems("SMPP_PDU_LOG_MAX_FILE_MB=0\n"));
    }

    @Test
    void loggingIsAutomaticAtInfoUnlessSetAndLevelsArePerLogger() throws IOException {
        assertEquals(LogSettings.defaults(), reader().read(null).logging());
        assertEquals(new LogSettings(LogFormat.AUTO, LogLevel.INFO, Map.of()), LogSettings.defaults());
        LogSettings settings = read("""
                SMPP_LOG_FORMAT=json
                SMPP_LOG_LEVEL=warning
                SMPP_LOG_LEVELS = io.smppgateway.bridge=DEBUG, io.netty = error ,smpp=Trace,
                """).logging();
        assertEquals(LogFormat.JSON, settings.format());
        assertEquals(LogLevel.WARN, settings.rootLevel());
        assertEquals(List.of(Map.entry("io.smppgateway.bridge", LogLevel.DEBUG), Map.entry("io.netty", LogLevel.ERROR),
                Map.entry("smpp", LogLevel.TRACE)), List.copyOf(settings.loggerLevels().entrySet()));
        environment.put("SMPP_LOG_FORMAT", "journald");
        assertEquals(LogFormat.JOURNALD, read("SMPP_LOG_FORMAT=text\n").logging().format());
    }

    @Test
    void everyWrongLoggingKeyIsNamedWithTheOthers() throws IOException {
        assertEquals(List.of("SMPP_PORT: 'x' is not a port number (1 to 65535)",
                "SMPP_LOG_FORMAT: 'xml' is not a log format (auto, text, journald or json)",
                "SMPP_LOG_LEVEL: 'LOUD' is not a log level (TRACE, DEBUG, INFO, WARN, ERROR or OFF)",
                "SMPP_LOG_LEVELS: 'io.netty:WARN' is not logger=LEVEL"),
                problems("SMPP_PORT=x\nSMPP_LOG_FORMAT=xml\nSMPP_LOG_LEVEL=LOUD\nSMPP_LOG_LEVELS=io.netty:WARN\n"));
        assertEquals(List.of("SMPP_LOG_LEVELS: 'io..netty' is not a logger name (a package or class name such as"
                + " io.smppgateway.bridge)"), problems("SMPP_LOG_LEVELS=io..netty=WARN\n"));
        assertEquals(List.of("SMPP_LOG_LEVELS: 'verbose' is not a log level (TRACE, DEBUG, INFO, WARN, ERROR or OFF)"),
                problems("SMPP_LOG_LEVELS=smpp=INFO,io.netty=verbose\n"));
    }

    @Test
    void nsqHostAndPortAreTheDefaultsOfEveryTopicWithoutItsOwn() throws IOException {
        GatewaySettings settings = read("""
                NSQ_HOST=nsq.internal
                NSQ_PORT=4250
                NSQ_SMS_OUT_TOPIC=sms_out
                NSQ_DLR_IN_TOPIC=dlr_in
                NSQ_SMS_IN_TOPIC=sms_in
                NSQ_SMS_IN_HOST=other.internal
                NSQ_DLR_OUT_TOPIC=dlr_out
                NSQ_DLR_OUT_PORT=4350
                """);

        BusChoice.Nsq nsq = assertInstanceOf(BusChoice.Nsq.class, settings.bus());
        assertEquals(new BusChoice.NsqEndpoint("nsq.internal", 4250, "sms_out"), nsq.endpoints().get(Topic.SMS_OUT));
        assertEquals(new BusChoice.NsqEndpoint("nsq.internal", 4250, "dlr_in"), nsq.endpoints().get(Topic.DLR_IN));
        assertEquals(new BusChoice.NsqEndpoint("other.internal", 4250, "sms_in"), nsq.endpoints().get(Topic.SMS_IN));
        assertEquals(new BusChoice.NsqEndpoint("nsq.internal", 4350, "dlr_out"), nsq.endpoints().get(Topic.DLR_OUT));
    }

    @Test
    void aBadNsqHostOrPortIsNamedOnce() throws IOException {
        assertEquals(List.of("NSQ_HOST: 'a b' is not a host name or IP address", "NSQ_PORT: '0' is not a port number (1 to 65535)"),
                problems("NSQ_HOST=a b\nNSQ_PORT=0\nNSQ_SMS_OUT_TOPIC=a\nNSQ_DLR_IN_TOPIC=b\nNSQ_SMS_IN_TOPIC=c\n"
                        + "NSQ_DLR_OUT_TOPIC=d\n"));
    }

    @Test
    void unknownKeysInTheFileAreWarnedAbout() throws IOException {
        read("MYSQL_DBNAM=typo\n");

        assertEquals(List.of(home.resolve("smpp.conf") + ": MYSQL_DBNAM is not a setting of the gateway; ignored"),
                warnings);
    }

    @Test
    void theListeningPortsMustDiffer() throws Exception {
        Path[] made = OpensslFiles.selfSignedWithPkcs1Key(home, "made");
        Files.move(made[0], home.resolve("c.pem"));
        Files.move(made[1], home.resolve("k.pem"));

        assertEquals(List.of("HTTP_PORT: 2775 is also SMPP_PORT"), problems("HTTP_PORT=2775\n"));
        assertEquals(List.of("SMPP_SSL_PORT: 8010 is also HTTP_PORT"),
                problems("SMPP_SSL_PORT=8010\nSMPP_SSL_CERT_PATH=c.pem\nSMPP_SSL_KEY_PATH=k.pem\n"));
    }

    @Test
    void logAndDataFoldersMustBeFoldersThisUserCanWriteOrCreate() throws IOException {
        Path file = Files.writeString(home.resolve("a-file"), "x");

        List<String> problems = problems("SMPP_SERVER_LOGS_PATH=a-file\nSMPP_CLIENT_LOGS_PATH=a-file/below\n"
                + "SMPP_DATA_PATH=new/folder/to/create\n");

        assertEquals(List.of("SMPP_SERVER_LOGS_PATH: " + file + " is not a folder",
                "SMPP_CLIENT_LOGS_PATH: " + file.resolve("below") + ": " + file + " is not a folder"), problems);
    }

    @Test
    void aReadOnlyFolderIsRefused() throws IOException {
        Path readOnly = Files.createDirectory(home.resolve("ro"));
        assertTrue(readOnly.toFile().setWritable(false));
        try {
            if (Files.isWritable(readOnly)) {
                return; // running as root: every folder is writable, nothing to check
            }
            assertEquals(List.of("SMPP_DATA_PATH: " + readOnly.resolve("data") + " cannot be created: " + readOnly
                    + " is not writable by this user"), problems("SMPP_DATA_PATH=ro/data\n"));
        } finally {
            readOnly.toFile().setWritable(true);
        }
    }

    @Test
    void mysqlOnlyOrNsqOnlyIsAllowed() throws IOException {
        GatewaySettings mysql = read("MYSQL_HOST=h\nMYSQL_DBNAME=d\nMYSQL_USERNAME=u\n");
        assertInstanceOf(DatabaseChoice.Mysql.class, mysql.database());
        assertInstanceOf(BusChoice.InProcess.class, mysql.bus());

        GatewaySettings nsq = read("NSQ_SMS_OUT_TOPIC=a\nNSQ_DLR_IN_TOPIC=b\nNSQ_SMS_IN_TOPIC=c\nNSQ_DLR_OUT_TOPIC=d\n"
                + "NSQ_CHANNEL=gw#ephemeral\n");
        assertInstanceOf(DatabaseChoice.Embedded.class, nsq.database());
        assertEquals("gw#ephemeral", assertInstanceOf(BusChoice.Nsq.class, nsq.bus()).channel());
        assertEquals(200, assertInstanceOf(BusChoice.Nsq.class, nsq.bus()).maxInFlight());

        GatewaySettings wider = read("NSQ_SMS_OUT_TOPIC=a\nNSQ_DLR_IN_TOPIC=b\nNSQ_SMS_IN_TOPIC=c\nNSQ_DLR_OUT_TOPIC=d\n"
                + "NSQ_MAX_IN_FLIGHT=2000\n");
        assertEquals(2000, assertInstanceOf(BusChoice.Nsq.class, wider.bus()).maxInFlight());
    }

    private static final String TOPICS = "NSQ_SMS_OUT_TOPIC=a\nNSQ_DLR_IN_TOPIC=b\nNSQ_SMS_IN_TOPIC=c\nNSQ_DLR_OUT_TOPIC=d\n";

    @Test
    void withoutLookupdConsumersReadTheTopicsOwnNsqdWithAShortMsgTimeout() throws IOException {
        BusChoice.Nsq nsq = assertInstanceOf(BusChoice.Nsq.class, read(TOPICS).bus());

        assertEquals(NsqLookupd.none(), nsq.lookupd());
        assertEquals(Duration.ofSeconds(10), nsq.msgTimeout());
    }

    @Test
    void readsTheLookupdAddressesThePollIntervalAndTheMsgTimeout() throws IOException {
        BusChoice.Nsq nsq = assertInstanceOf(BusChoice.Nsq.class, read(TOPICS
                + "NSQ_LOOKUPD_HTTP_ADDRESSES= lookupd-a:4161, 10.0.0.2:4161 ,[::1]:4161,lookupd-a:4161\n"
                + "NSQ_LOOKUPD_POLL_SECONDS=30\nNSQ_MSG_TIMEOUT_SECONDS=20\n").bus());

        assertEquals(List.of(new NsqAddress("lookupd-a", 4161), new NsqAddress("10.0.0.2", 4161),
                new NsqAddress("::1", 4161)), nsq.lookupd().httpAddresses());
        assertEquals(Duration.ofSeconds(30), nsq.lookupd().pollInterval());
        assertEquals(Duration.ofSeconds(20), nsq.msgTimeout());

        BusChoice.Nsq defaultPoll = assertInstanceOf(BusChoice.Nsq.class, read(TOPICS
                + "NSQ_LOOKUPD_HTTP_ADDRESSES=lookupd-a:4161\n").bus());
        assertEquals(Duration.ofSeconds(15), defaultPoll.lookupd().pollInterval());
        assertEquals(List.of(), warnings);

        BusChoice.Nsq pollWithoutLookupd = assertInstanceOf(BusChoice.Nsq.class, read(TOPICS
                + "NSQ_LOOKUPD_POLL_SECONDS=30\n").bus());
        assertEquals(List.of(), pollWithoutLookupd.lookupd().httpAddresses());
        assertEquals(List.of("NSQ_LOOKUPD_POLL_SECONDS is ignored: NSQ_LOOKUPD_HTTP_ADDRESSES is not set"), warnings);
    }

    @Test
    void refusesBadLookupdAddressesAndOutOfRangeTimes() throws IOException {
        List<String> problems = problems(TOPICS
                + "NSQ_LOOKUPD_HTTP_ADDRESSES=http://lookupd:4161,lookupd,,lookupd:0,lookupd:4161\n"
                + "NSQ_LOOKUPD_POLL_SECONDS=0\nNSQ_MSG_TIMEOUT_SECONDS=901\n");

        assertEquals(List.of(
                "NSQ_LOOKUPD_HTTP_ADDRESSES: 'http://lookupd:4161' is not host:port of an nsqlookupd's HTTP listener"
                        + " (such as 127.0.0.1:4161); separate several with commas",
                "NSQ_LOOKUPD_HTTP_ADDRESSES: 'lookupd' is not host:port of an nsqlookupd's HTTP listener"
                        + " (such as 127.0.0.1:4161); separate several with commas",
                "NSQ_LOOKUPD_HTTP_ADDRESSES: '' is not host:port of an nsqlookupd's HTTP listener"
                        + " (such as 127.0.0.1:4161); separate several with commas",
                "NSQ_LOOKUPD_HTTP_ADDRESSES: 'lookupd:0' is not host:port of an nsqlookupd's HTTP listener"
                        + " (such as 127.0.0.1:4161); separate several with commas",
                "NSQ_LOOKUPD_POLL_SECONDS: '0' is not a whole number from 1 to 3600",
                "NSQ_MSG_TIMEOUT_SECONDS: '901' is not a whole number from 1 to 900"), problems);
    }

    @Test
    void lookupdAndMsgTimeoutAloneDoNotSwitchToNsq() throws IOException {
        GatewaySettings settings = read("NSQ_LOOKUPD_HTTP_ADDRESSES=lookupd:4161\nNSQ_MSG_TIMEOUT_SECONDS=5\n");

        assertInstanceOf(BusChoice.InProcess.class, settings.bus());
        assertEquals(List.of(
                "NSQ_LOOKUPD_HTTP_ADDRESSES is ignored: no NSQ topic is configured, the in-process bus is used",
                "NSQ_MSG_TIMEOUT_SECONDS is ignored: no NSQ topic is configured, the in-process bus is used"),
                warnings);
    }
}
