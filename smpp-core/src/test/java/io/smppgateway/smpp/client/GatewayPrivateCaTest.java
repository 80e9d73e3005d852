package io.smppgateway.smpp.client;

import static io.smppgateway.smpp.client.Await.result;
import static io.smppgateway.smpp.client.Await.until;
import static io.smppgateway.smpp.client.GatewayClientTest.awaitBound;
import static io.smppgateway.smpp.client.GatewayClientTest.bound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import io.smppgateway.smpp.tls.TestPki;
import io.smppgateway.smpp.tls.TestPki.KeyForm;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gateways binding over TLS to an SMSC whose certificate a private CA issued (through an
 * intermediate): bound when the CA is trusted and the certificate names the host; otherwise a log
 * line that says which of the two is wrong.
 */
class GatewayPrivateCaTest {

    @TempDir
    static Path dir;
    private static TestPki pki;

    private final SmppConnector connector = new SmppConnector();
    private final List<GatewayClient> clients = new ArrayList<>();

    @BeforeAll
    static void authority() throws Exception {
        pki = TestPki.create(dir);
    }

    @AfterEach
    void stopClients() {
        clients.forEach(GatewayClient::close);
        connector.close();
    }

    private static SmscSimulator simulator(TestPki.Server identity) {
        return SmscSimulator.start(SimulatorConfig.defaults().withServer(SmppServerConfig.defaults()
                .withAddress("127.0.0.1", -1).withTls(0, identity.certificate(), identity.key())));
    }

    private GatewayClient start(GatewayTls tls, int port) {
        GatewayConfig config = GatewayConfig.builder("private-ca", "127.0.0.1", port).credentials("esme", "pw")
                .tls(tls).reconnect(new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))).build();
        GatewayClient client = GatewayClient.start(config, connector, (session, request) -> null, PduListener.NONE);
        clients.add(client);
        return client;
    }

    private static SubmitSm submit() {
        return SubmitSm.builder().source(5, 0, "Shop").destination(1, 1, "380991234567")
                .shortMessage("private ca".getBytes(StandardCharsets.ISO_8859_1)).build();
    }

    @Test
    void bindsWhenTheCaFileHoldsTheRootOfTheSmscsChain() throws Exception {
        try (SmscSimulator smsc = simulator(pki.localServer(KeyForm.EC_SEC1, "smsc-ec"))) {
            GatewayClient client = start(GatewayTls.trusting(pki.rootCertificate(), null), smsc.tlsPort());

            awaitBound(client, 1);
            assertTrue(result(client.submit(submit())).messageId() != null);
        }
    }

    @Test
    void aCaBundleWithoutAPemExtensionIsReadAsPem() throws Exception {
        Path bundle = Files.copy(pki.rootCertificate(), dir.resolve("ca-bundle"));
        try (SmscSimulator smsc = simulator(pki.localServer(KeyForm.RSA_PKCS1, "smsc-rsa"))) {
            GatewayClient client = start(GatewayTls.trusting(bundle, null), smsc.tlsPort());

            awaitBound(client, 1);
        }
    }

    @Test
    void withoutTheCaTheLogSaysTheAuthorityIsNotTrustedAndWhereToPutIt() throws Exception {
        try (SmscSimulator smsc = simulator(pki.localServer(KeyForm.RSA_PKCS8, "smsc-untrusted"))) {
            String log = logWhile(() -> {
                GatewayClient client = start(GatewayTls.systemTrust(), smsc.tlsPort());
                until("two attempts", () -> smsc.counters().connections() >= 2);
                assertEquals(0, bound(client));
            }, "failed");

            assertEquals(0, smsc.counters().bindsAccepted());
            assertTrue(log.contains("TLS handshake with 127.0.0.1:" + smsc.tlsPort() + " failed: the SMSC's certificate"
                    + " is not issued by an authority we trust; put its CA certificate (PEM) in the file"
                    + " SMPP_CLIENT_CA_PATH names"), log);
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefusedAndTheLogSaysSo() throws Exception {
        try (SmscSimulator smsc = simulator(pki.server(KeyForm.RSA_PKCS8, "smsc-elsewhere", "DNS:smsc.example.org"))) {
            String log = logWhile(() -> {
                GatewayClient client = start(GatewayTls.trusting(pki.rootCertificate(), null), smsc.tlsPort());
                until("two attempts", () -> smsc.counters().connections() >= 2);
                assertEquals(0, bound(client));
            }, "failed");

            assertEquals(0, smsc.counters().bindsAccepted());
            assertTrue(log.contains("failed: the SMSC's certificate does not name the host '127.0.0.1' we connect to"),
                    log);
        }
    }

    /** What is logged while {@code action} runs and until a line holding {@code awaited} is written. */
    private static String logWhile(Runnable action, String awaited) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
            until("a log line with '" + awaited + "'", () -> captured.toString(StandardCharsets.UTF_8).contains(awaited));
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
