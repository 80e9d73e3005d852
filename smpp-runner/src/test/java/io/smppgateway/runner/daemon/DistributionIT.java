package io.smppgateway.runner.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.persistence.Database;
import io.smppgateway.runner.config.ConfTemplate;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import io.smppgateway.store.client.Client;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binary distribution as an operator gets it: {@code scripts/package.sh} turns the packaged jar into
 * {@code smpp-<version>-linux-amd64.tar.gz}; unpacked with {@code tar}, its {@code ./smpp run} starts the
 * gateway on its own Java runtime with no Java on the PATH and no {@code JAVA_HOME}, reads the
 * {@code smpp.conf} beside it, serves an ESME on the plain and the TLS port, and exits 0 on SIGTERM.
 * Runs after {@code package} (the {@code jar} group), with the jar in {@code smpp.jar} and the POM's
 * version in {@code smpp.version}.
 */
@Tag("jar")
class DistributionIT {

    @TempDir
    Path work;

    private Process gateway;

    @AfterEach
    void kill() {
        if (gateway != null && gateway.isAlive()) {
            gateway.destroyForcibly();
        }
    }

    @Test
    void theArchiveRunsTheGatewayWithNoJavaInstalled() throws Exception {
        String version = property("smpp.version");
        Path archive = packageArchive();
        // the runtime is the building machine's: x86-64 here, arm64 on such a machine
        String platform = "aarch64".equals(System.getProperty("os.arch")) ? "linux-arm64" : "linux-amd64";
        assertEquals("smpp-" + version + "-" + platform + ".tar.gz", archive.getFileName().toString());

        String folder = "smpp-" + version + "/";
        Map<String, String> entries = run(work, Map.of(), "tar", "-tvzf", archive.toString()).lines()
                .map(line -> line.split("\\s+", 6)) // mode, owner/group, size, date, time, name [-> link target]
                .collect(Collectors.toMap(fields -> fields[5].replaceFirst(" -> .*", ""), fields -> fields[0]));
        for (String entry : entries.keySet()) {
            assertTrue(entry.startsWith(folder), "outside " + folder + ": " + entry);
        }
        for (String file : List.of("smpp", "lib/smpp-gateway.jar", "smpp.conf", "smpp.service", "README.md",
                "LICENSE", "NOTICE", "runtime/bin/java", "runtime/lib/security/cacerts")) {
            assertTrue(entries.containsKey(folder + file), "no " + file + " in the archive: " + entries.keySet());
        }
        assertEquals("-rwxr-xr-x", entries.get(folder + "smpp"));
        assertEquals("-rwxr-xr-x", entries.get(folder + "runtime/bin/java"));

        Path unpacked = work.resolve("unpacked");
        Files.createDirectories(unpacked);
        run(work, Map.of(), "tar", "-C", unpacked.toString(), "-xzf", archive.toString());
        Path home = unpacked.resolve(folder);
        Path repository = repository();
        assertEquals(ConfTemplate.text(), Files.readString(home.resolve("smpp.conf")));
        assertEquals(Files.readString(repository.resolve("dist/smpp.service")),
                Files.readString(home.resolve("smpp.service")));

        // the shipped file, commented throughout, with the test's ports and the TLS port added at its end
        int smppPort = GatewayDaemonTest.freePort();
        int tlsPort = GatewayDaemonTest.freePort();
        int httpPort = GatewayDaemonTest.freePort();
        Path[] ecIdentity = ecCertificateAndKey();
        Files.writeString(home.resolve("smpp.conf"), Files.readString(home.resolve("smpp.conf"))
                + "\nSMPP_PORT=" + smppPort + "\nHTTP_PORT=" + httpPort + "\nSMPP_SSL_PORT=" + tlsPort
                + "\nSMPP_SSL_CERT_PATH=" + ecIdentity[0] + "\nSMPP_SSL_KEY_PATH=" + ecIdentity[1] + "\n");
        try (Database database = Database.embedded(home.resolve("data/smpp"))) {
            database.clients().create(Client.builder().username("esme1").password("pw").binds(2).enabled(true).build());
        }

        Path console = work.resolve("console.log");
        ProcessBuilder builder = new ProcessBuilder(home.resolve("smpp").toString(), "run").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(console.toFile());
        builder.environment().clear();
        builder.environment().putAll(bareEnvironment());
        gateway = builder.start();

        awaitLive(httpPort, console);
        try (SmppConnector connector = new SmppConnector()) {
            BindRequest bind = BindRequest.of(BindType.TRANSCEIVER, 1, "esme1", "pw", "", InterfaceVersion.SMPP_3_4,
                    Address.EMPTY);
            ChannelSession esme = connector.connectAndBind("127.0.0.1", smppPort, null, Duration.ofSeconds(10),
                    SessionConfig.defaults(), bind, (session, request) -> null, PduListener.NONE)
                    .get(30, TimeUnit.SECONDS);
            SubmitSmResp response = esme.send(SubmitSm.builder().source(5, 0, "Sender").destination(1, 1, "380991234567")
                    .shortMessage("hello".getBytes(StandardCharsets.ISO_8859_1)).build()).get(30, TimeUnit.SECONDS);
            assertEquals(0, response.commandStatus());
        }
        // an EC key and ECDHE: what a runtime without jdk.crypto.ec could not do
        try (SSLSocket tls = (SSLSocket) trusting(ecIdentity[0]).getSocketFactory().createSocket("127.0.0.1", tlsPort)) {
            tls.setSoTimeout(30_000);
            tls.startHandshake();
            assertTrue(tls.getSession().getCipherSuite().startsWith("TLS_"), tls.getSession().getCipherSuite());
        }

        gateway.destroy(); // SIGTERM: the launcher exec'd the JVM, so the signal reaches the gateway itself
        assertTrue(gateway.waitFor(15, TimeUnit.SECONDS), "still running 15 s after SIGTERM:\n" + read(console));
        assertEquals(0, gateway.exitValue(), read(console));
        String output = read(console);
        assertTrue(output.contains("settings: " + home.resolve("smpp.conf")), output);
        assertTrue(output.contains("TLS port " + tlsPort), output);
        assertFalse(output.contains("is not a setting of the gateway"), output);
        assertFalse(output.matches("(?s).*(NoClassDefFoundError|ClassNotFoundException).*"), output);

        // through a symlink elsewhere (/usr/local/bin/smpp -> /opt/smpp/current/smpp), it finds its runtime too
        Path bin = Files.createDirectories(work.resolve("bin"));
        Files.createSymbolicLink(bin.resolve("smpp"), home.resolve("smpp"));
        assertEquals("smpp-gateway " + version, run(work, bareEnvironment(), bin.resolve("smpp").toString(),
                "--version").strip());
    }

    /** {@code scripts/package.sh} with the jar the build packaged, into a temp folder; the archive it wrote. */
    private Path packageArchive() throws IOException, InterruptedException {
        Path out = work.resolve("dist");
        run(repository(), Map.of("SMPP_GATEWAY_JAR", property("smpp.jar"), "JAVA_HOME",
                System.getProperty("java.home"), "TMPDIR", Files.createDirectories(work.resolve("tmp")).toString()),
                "bash", repository().resolve("scripts/package.sh").toString(), "", out.toString());
        try (var files = Files.list(out)) {
            List<Path> archives = files.toList();
            assertEquals(1, archives.size(), archives.toString());
            return archives.get(0);
        }
    }

    /**
     * An environment with no Java anywhere: a PATH of one folder holding only {@code readlink} (the
     * launcher's one outside command, for its symlinks), and no {@code JAVA_HOME}.
     */
    private Map<String, String> bareEnvironment() throws IOException {
        Path tools = work.resolve("tools");
        if (!Files.isDirectory(tools)) {
            Files.createDirectories(tools);
            Files.createSymbolicLink(tools.resolve("readlink"), onPath("readlink"));
        }
        try (var listing = Files.list(tools)) {
            assertEquals(List.of(tools.resolve("readlink")), listing.toList(), "the PATH must hold no java");
        }
        return Map.of("PATH", tools.toString(), "HOME", work.toString(), "LANG", "C.UTF-8");
    }

    private static Path onPath(String command) {
        for (String folder : System.getenv("PATH").split(File.pathSeparator)) {
            Path candidate = Path.of(folder, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no " + command + " on the PATH");
    }

    /** A self-signed P-256 certificate for 127.0.0.1 and its unencrypted PKCS#8 key, made by openssl. */
    private Path[] ecCertificateAndKey() throws IOException, InterruptedException {
        Path certificate = work.resolve("ec-cert.pem");
        Path key = work.resolve("ec-key.pem");
        run(work, Map.of(), "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-nodes", "-keyout", key.toString(), "-out", certificate.toString(), "-days", "2", "-subj",
                "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
        return new Path[] {certificate, key};
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("gateway", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private void awaitLive(int httpPort, Path console) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (true) {
            if (!gateway.isAlive()) {
                throw new AssertionError("the gateway exited with " + gateway.exitValue() + ":\n" + read(console));
            }
            try {
                HttpURLConnection connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + httpPort + "/livez")
                        .toURL().openConnection();
                connection.setConnectTimeout(2_000);
                connection.setReadTimeout(5_000);
                if (connection.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no 200 from /livez within 90 s:\n" + read(console));
            }
            Thread.sleep(100);
        }
    }

    /** Runs a command to its end (at most 3 minutes: jlink is the slow part) and returns its output. */
    private static String run(Path directory, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("distribution-it", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command))).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile());
            if (environment.containsKey("PATH")) {
                builder.environment().clear();
            }
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish:\n" + read(output));
            }
            String text = read(output);
            assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + text);
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path repository() {
        return Path.of("").toAbsolutePath().getParent();
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set (the module's integration-test"
                    + " execution sets it after package)");
        }
        return value;
    }
}
