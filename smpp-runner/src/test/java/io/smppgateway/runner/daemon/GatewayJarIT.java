package io.smppgateway.runner.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.persistence.Database;
import io.smppgateway.store.client.Client;
import io.smppgateway.runner.config.ConfFile;
import io.smppgateway.runner.logging.TextLogLine;
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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code smpp-gateway.jar} as a process, as systemd runs it: it starts on the embedded
 * defaults, says where the generated secrets are without printing them, serves an ESME, and on
 * SIGTERM unbinds it and exits 0 within 10 seconds. Runs after {@code package} (the {@code jar}
 * group, in the module's integration-test execution), with the jar's path in {@code smpp.jar}.
 */
@Tag("jar")
class GatewayJarIT {

    @TempDir
    Path home;

    private Path console;
    private Process process;

    @BeforeEach
    void console(@TempDir Path folder) {
        console = folder.resolve("console.log");
    }

    @AfterEach
    void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private static Path jar() {
        String path = System.getProperty("smpp.jar");
        if (path == null || !Files.isRegularFile(Path.of(path))) {
            throw new IllegalStateException("system property smpp.jar must name the packaged smpp-gateway.jar"
                    + " (set by the module's integration-test execution after package), was " + path);
        }
        return Path.of(path);
    }

    private Process start(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("SMPP_") || key.startsWith("MYSQL_")
                || key.startsWith("NSQ_") || key.startsWith("HTTP_"));
        builder.environment().put("SMPP_HOME", home.toString());
        // a file, not a pipe: Process.destroy() closes the pipes, and the lines written while stopping matter
        builder.redirectErrorStream(true).redirectOutput(console.toFile());
        process = builder.start();
        return process;
    }

    /** Every line the process wrote so far, standard output and error together. */
    private List<String> output() {
        try {
            return Files.exists(console) ? Files.readAllLines(console, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void awaitLine(String text) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (output().stream().noneMatch(line -> line.contains(text))) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("no line with '" + text + "'; output so far:\n" + String.join("\n", output()));
            }
            Thread.sleep(50);
        }
    }

    @Test
    void startsOnTheEmbeddedDefaultsServesAnEsmeAndStopsCleanlyOnSigterm() throws Exception {
        int smppPort = GatewayDaemonTest.freePort();
        int httpPort = GatewayDaemonTest.freePort();
        Files.writeString(home.resolve("smpp.conf"), "# the first run\nSMPP_PORT=" + smppPort + "\nHTTP_PORT="
                + httpPort + "\n");
        try (Database database = Database.embedded(home.resolve("data/smpp"))) {
            database.clients().create(Client.builder().username("esme1").password("pw").binds(2).enabled(true).build());
        }

        start("run");
        awaitLine("INFO smpp - ready");
        ChannelSession esme;
        try (SmppConnector connector = new SmppConnector()) {
            BindRequest bind = BindRequest.of(BindType.TRANSCEIVER, 1, "esme1", "pw", "", InterfaceVersion.SMPP_3_4,
                    Address.EMPTY);
            esme = connector.connectAndBind("127.0.0.1", smppPort, null, Duration.ofSeconds(10),
                    SessionConfig.defaults(), bind, (session, request) -> null, PduListener.NONE)
                    .get(30, TimeUnit.SECONDS);
            SubmitSmResp response = esme.send(SubmitSm.builder().source(5, 0, "Sender").destination(1, 1, "380991234567")
                    .shortMessage("hello".getBytes(StandardCharsets.ISO_8859_1)).build()).get(30, TimeUnit.SECONDS);
            assertEquals(0, response.commandStatus());
            assertEquals(36, response.messageId().length());

            long signalled = System.nanoTime();
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(10, TimeUnit.SECONDS), "still running 10 s after SIGTERM:\n"
                    + String.join("\n", output()));
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);
            assertEquals(0, process.exitValue(), String.join("\n", output()));
            assertTrue(esme.closeFuture().isDone());
            assertTrue(tookMillis < 10_000, "took " + tookMillis + " ms");
        }
        String all = String.join("\n", output());
        assertTrue(all.contains("embedded defaults (no MYSQL_* and no NSQ_* settings)"), all);
        assertTrue(all.contains("the generated password and API token are in "
                + home.resolve("data/generated-credentials.conf")), all);
        assertTrue(all.contains("stopped SMPP server (unbinding every ESME)"), all);
        assertTrue(all.matches("(?s).*INFO smpp - admin panel and REST API: http://[^:]+:" + httpPort + "/\n.*"), all);
        ConfFile secrets = ConfFile.read(home.resolve("data/generated-credentials.conf"));
        assertFalse(all.contains(secrets.values().get("HTTP_ADMIN_PASSWORD")), "the password was printed");
        assertFalse(all.contains(secrets.values().get("HTTP_API_TOKEN")), "the token was printed");
        for (String line : output()) {
            // one line per event (a file, not the journal: the text format): time, thread, then level, logger,
            // message; no colours, no JUL two-line records
            assertTrue(TextLogLine.event(line).matches("(TRACE|DEBUG|INFO|WARN|ERROR) [\\w.$]+ - .*"),
                    "not a log line: " + line);
            assertFalse(line.contains("\u001b["), "a colour code in: " + line);
        }
        String log = Files.readString(home.resolve("logs/server").resolve(java.time.LocalDate.now().toString())
                .resolve("1.log"));
        assertTrue(log.contains("UNBIND_RESP:"), log);
    }

    @Test
    void wrongSettingsExit2NamingEveryKeyWithoutOpeningAPort() throws Exception {
        int smppPort = GatewayDaemonTest.freePort();
        Files.writeString(home.resolve("smpp.conf"), "SMPP_PORT=" + smppPort + "\nHTTP_PORT=http\nNSQ_SMS_IN_TOPIC=in\n");

        start("run");

        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        String all = String.join("\n", output());
        assertTrue(all.contains("HTTP_PORT: 'http' is not a port number (1 to 65535)"), all);
        assertTrue(all.contains("NSQ_SMS_OUT_TOPIC: required"), all);
        assertTrue(all.contains("NSQ_DLR_IN_TOPIC: required"), all);
        assertTrue(all.contains("NSQ_DLR_OUT_TOPIC: required"), all);
        assertFalse(Files.exists(home.resolve("data")), "nothing is created before the settings are right");
    }
}
