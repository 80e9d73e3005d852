package io.smppgateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.smppgateway.http.logs.LogFolders;
import io.smppgateway.persistence.Database;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.server.SmppServer;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin panel in Debian's headless Chromium, driven by {@code src/test/browser/panel-test.mjs}
 * (playwright-core): log in, add a gateway and a client (with a refused value first), see the ESME
 * this test binds appear on the dashboard, its traffic sent before the page opened in the charts,
 * the health and the gateway's refused bind with its reason, view and download logs, disable the
 * client (its ESME is unbound), log out. Screenshots go to {@code target/panel-screenshots}, or to the folder named by
 * {@code -Dsmpp.panel.screenshots} ({@code ../docs/images} refreshes the documentation's).
 *
 * <p>Needs node, {@code /usr/bin/chromium} and playwright-core in {@code src/test/browser}, which
 * {@code scripts/test.sh} installs.
 */
class AdminPanelBrowserTest {

    static final Path BROWSER_FOLDER = Path.of("src/test/browser").toAbsolutePath();
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Submits sent before the browser opens the dashboard (panel-test.mjs expects as many). */
    static final int SENT_BEFORE_DASHBOARD = 25;

    @TempDir
    Path folder;

    @Test
    void operatorWorksThroughEveryPage() throws Exception {
        requireTools();
        Path gatewayLogs = Files.createDirectories(folder.resolve("client-logs"));
        Path clientLogs = Files.createDirectories(folder.resolve("server-logs"));
        LocalDate today = LocalDate.now();
        SampleLogs.write(gatewayLogs, today, "mysmsc-id-example", SampleLogs.MANUAL_ENTRIES);
        SampleLogs.write(gatewayLogs, today.minusDays(1), "mysmsc-id-example", SampleLogs.MANUAL_ENTRIES);
        Path screenshots = Path.of(System.getProperty("smpp.panel.screenshots", "target/panel-screenshots"))
                .toAbsolutePath().normalize();
        Files.createDirectories(screenshots);

        try (Database database = Database.embedded(folder.resolve("db").resolve("smpp"));
             SmppConnector connector = new SmppConnector()) {
            EsmeServerLive live = new EsmeServerLive(database.clients(), database.gateways());
            SmppServerConfig smppConfig = SmppServerConfig.defaults().withAddress("127.0.0.1", 0).withSystemId("gw");
            try (SmppServer smpp = SmppServer.start(smppConfig, live, (account, session, request) -> {
                if (request instanceof SubmitSm submit) {
                    live.countSubmit(account.id(), account.systemId());
                    return CompletableFuture.completedFuture(submit.response(java.util.UUID.randomUUID().toString()));
                }
                return null;
            }, PduListener.NONE)) {
                live.server = smpp;
                // the panel's pages other than Messages and the gateway's own log: stand-ins for these
                TestLive messagesAndLog = new TestLive();
                HttpBackend backend = new HttpBackend(database.gateways(), database.clients(), live, live,
                        new LogFolders(gatewayLogs, clientLogs), live, live,
                        new MessageTraffic(database.outbound(), database.inbound(), messagesAndLog),
                        messagesAndLog);
                HttpConfig config = HttpConfig.of(TestGateway.TOKEN, TestGateway.ADMIN, TestGateway.PASSWORD)
                        .withAddress("127.0.0.1", 0);
                try (AdminHttpServer http = AdminHttpServer.start(config, backend)) {
                    ChannelSession esme = drive(http, smpp, connector, screenshots, today);
                    // disabling the client in the panel unbound its ESME at once
                    esme.closeFuture().get(30, TimeUnit.SECONDS);
                    assertTrue(smpp.sessions().all().isEmpty());
                }
            }
        }
        for (String name : List.of("login.png", "dashboard.png", "gateways.png", "gateway-errors.png", "clients.png",
                "logs.png")) {
            assertTrue(Files.size(screenshots.resolve(name)) > 1000, name);
        }
    }

    /** Runs the browser script, binding the ESME when it asks; returns the ESME's session. */
    private ChannelSession drive(AdminHttpServer http, SmppServer smpp, SmppConnector connector, Path screenshots,
                                 LocalDate today) throws Exception {
        Path output = folder.resolve("browser-output.txt");
        ProcessBuilder builder = new ProcessBuilder("node", BROWSER_FOLDER.resolve("panel-test.mjs").toString(),
                "http://127.0.0.1:" + http.port(), TestGateway.ADMIN, TestGateway.PASSWORD, screenshots.toString(),
                today.toString())
                .directory(BROWSER_FOLDER.toFile())
                .redirectError(output.toFile());
        Process node = builder.start();
        ChannelSession esme = null;
        CompletableFuture<Void> traffic = CompletableFuture.completedFuture(null);
        StringBuilder log = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
             Writer commands = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = lines.readLine()) != null) {
                log.append(line).append('\n');
                if (line.equals("READY_FOR_BIND")) {
                    BindRequest bind = BindRequest.of(BindType.TRANSCEIVER, 1, "esme-one", "secret1", "panel",
                            InterfaceVersion.SMPP_3_4, Address.EMPTY);
                    esme = connector.connectAndBind("127.0.0.1", smpp.port(), null, Duration.ofSeconds(10),
                            SessionConfig.defaults(), bind, (session, request) -> null, PduListener.NONE)
                            .get(30, TimeUnit.SECONDS);
                    // traffic before the dashboard opens: its charts must start with it
                    for (int i = 0; i < SENT_BEFORE_DASHBOARD; i++) {
                        assertEquals(0, esme.send(submit(i)).get(10, TimeUnit.SECONDS).commandStatus());
                    }
                    traffic = submitSome(esme);
                    commands.write("BOUND\n");
                    commands.flush();
                }
            }
        }
        boolean ended = node.waitFor(240, TimeUnit.SECONDS);
        if (!ended) {
            node.destroyForcibly();
        }
        traffic.get(60, TimeUnit.SECONDS);
        String errors = Files.exists(output) ? Files.readString(output) : "";
        if (!ended || node.exitValue() != 0) {
            fail("the browser script failed (exit " + (ended ? node.exitValue() : "timeout") + "):\n" + log + errors);
        }
        assertTrue(log.toString().contains("PANEL_OK"), log + errors);
        if (esme == null) {
            fail("the browser script never asked for the ESME bind:\n" + log + errors);
        }
        return esme;
    }

    private static SubmitSm submit(int i) {
        return SubmitSm.builder().source(5, 0, "Panel").destination(1, 1, "380991234567")
                .shortMessage(("hello " + i).getBytes(StandardCharsets.ISO_8859_1)).build();
    }

    /** A few submits spread over some seconds, so the dashboard's chart has something to show. */
    private static CompletableFuture<Void> submitSome(ChannelSession esme) {
        return CompletableFuture.runAsync(() -> {
            for (int i = 0; i < 400 && esme.state().isBound(); i++) {
                try {
                    SubmitSmResp resp = esme.send(submit(i)).get(10, TimeUnit.SECONDS);
                    assertEquals(0, resp.commandStatus());
                    Thread.sleep(150 + (i % 7) * 40L);
                } catch (Exception e) {
                    return; // the panel disabled the client meanwhile: the session is gone
                }
            }
        });
    }

    static void requireTools() throws IOException, InterruptedException {
        String howTo = " (scripts/test.sh installs it; by hand: apt-get install -y chromium;"
                + " npm install --prefix smpp-http/src/test/browser)";
        Process version;
        try {
            version = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("node is missing: the admin panel's browser test needs Node.js" + howTo);
            return;
        }
        if (!version.waitFor(30, TimeUnit.SECONDS) || version.exitValue() != 0) {
            fail("node --version failed" + howTo);
        }
        if (!Files.isExecutable(CHROMIUM)) {
            fail(CHROMIUM + " is missing: the admin panel's browser test needs Debian's chromium" + howTo);
        }
        if (!Files.isDirectory(BROWSER_FOLDER.resolve("node_modules/playwright-core"))) {
            fail("playwright-core is missing from " + BROWSER_FOLDER + howTo);
        }
    }
}
