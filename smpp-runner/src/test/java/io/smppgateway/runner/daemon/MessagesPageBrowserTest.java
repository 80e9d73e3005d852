package io.smppgateway.runner.daemon;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.smppgateway.runner.config.GatewaySettings;
import io.smppgateway.runner.config.GeneratedCredentials;
import io.smppgateway.runner.config.SettingsReader;
import io.smppgateway.smpp.receipt.FinalStatus;
import io.smppgateway.smpp.simulator.ReceiptOutcomes;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import io.smppgateway.store.gateway.Gateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin panel's Messages and API reference pages in Debian's headless Chromium, driven by
 * smpp-http's {@code src/test/browser/messages-test.mjs} (playwright-core), on the real daemon:
 * a test SMS sent from the page goes through SMS_OUT to an SMSC simulator, the page shows its
 * {@code sent} and {@code delivered} events as they arrive, the search finds it by the SMSC's id,
 * the PDU log viewer searches its entries and follows the file while a second one goes out, and
 * Swagger UI renders our OpenAPI document. Screenshots go to {@code target/panel-screenshots},
 * or to the folder named by {@code -Dsmpp.panel.screenshots} ({@code ../docs/images} refreshes the
 * documentation's).
 *
 * <p>Needs node, {@code /usr/bin/chromium} and playwright-core in smpp-http's {@code src/test/browser},
 * which {@code scripts/test.sh} installs.
 */
class MessagesPageBrowserTest {

    static final Path BROWSER_FOLDER = Path.of("../smpp-http/src/test/browser").toAbsolutePath().normalize();

    @TempDir
    Path home;

    @Test
    void anOperatorSendsATestSmsFollowsItAndReadsTheApiReference() throws Exception {
        requireTools();
        Path screenshots = Path.of(System.getProperty("smpp.panel.screenshots", "target/panel-screenshots"))
                .toAbsolutePath().normalize();
        Files.createDirectories(screenshots);
        GatewaySettings settings = new SettingsReader(home, Map.of("SMPP_PORT",
                String.valueOf(GatewayDaemonTest.freePort()), "HTTP_PORT", String.valueOf(GatewayDaemonTest.freePort())),
                warning -> { }).read(null);
        settings = settings.withHttp(new GeneratedCredentials().complete(settings.dataFolder(), settings.http()).access());
        // the receipt a second after submit_sm_resp: the page shows sent, then delivered
        try (SmscSimulator smsc = SmscSimulator.start(SimulatorConfig.defaults()
                .withOutcomes(ReceiptOutcomes.always(FinalStatus.DELIVERED)).withReceiptDelay(Duration.ofSeconds(1)));
             GatewayDaemon daemon = GatewayDaemon.start(settings)) {
            Gateway gateway = daemon.database().gateways().create(Gateway.builder().smscId("mysmsc-id-example")
                    .host("127.0.0.1").port(smsc.port()).username("gw").password("pw").enqInterval(30)
                    .srcAutodetect(true).dstAutodetect(true).txBinds(0).rxBinds(0).trxBinds(1).smppVersion("3.4")
                    .gsm7(true).secure(false).enabled(true).build());
            daemon.engine().gatewaySaved(gateway);
            GatewayDaemonTest.awaitTrue(() -> smsc.sessions().size() == 1 && smsc.sessions().get(0).state().isBound());

            Path output = home.resolve("browser-output.txt");
            Process node = new ProcessBuilder("node", BROWSER_FOLDER.resolve("messages-test.mjs").toString(),
                    "http://127.0.0.1:" + daemon.httpServer().port(), settings.http().adminUsername(),
                    settings.http().adminPassword(), screenshots.toString(), "mysmsc-id-example")
                    .directory(BROWSER_FOLDER.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean ended = node.waitFor(300, TimeUnit.SECONDS);
            if (!ended) {
                node.destroyForcibly();
            }
            String log = Files.readString(output, StandardCharsets.UTF_8);
            if (!ended || node.exitValue() != 0) {
                fail("the browser script failed (exit " + (ended ? node.exitValue() : "timeout") + "):\n" + log);
            }
            assertTrue(log.contains("MESSAGES_OK"), log);
            assertTrue(smsc.counters().submitsReceived() == 2, "the SMSC got the two valid messages");
        }
        for (String name : List.of("messages.png", "messages-search.png", "logs-follow.png", "api-docs.png")) {
            assertTrue(Files.size(screenshots.resolve(name)) > 1000, name);
        }
    }

    private static void requireTools() throws IOException, InterruptedException {
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
        if (!Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            fail("/usr/bin/chromium is missing: the admin panel's browser test needs Debian's chromium" + howTo);
        }
        if (!Files.isDirectory(BROWSER_FOLDER.resolve("node_modules/playwright-core"))) {
            fail("playwright-core is missing in " + BROWSER_FOLDER + howTo);
        }
    }
}
