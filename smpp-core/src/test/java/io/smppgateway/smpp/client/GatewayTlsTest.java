package io.smppgateway.smpp.client;

import static io.smppgateway.smpp.client.Await.result;
import static io.smppgateway.smpp.client.Await.until;
import static io.smppgateway.smpp.client.GatewayClientTest.awaitBound;
import static io.smppgateway.smpp.client.GatewayClientTest.bound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.server.EsmeAccount;
import io.smppgateway.smpp.server.SmppServer;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gateways binding over TLS to a TLS-enabled SmppServer with a self-signed certificate. */
class GatewayTlsTest {

    @TempDir
    static Path dir;
    private static SelfSignedPem serverCertificate;
    private static SmppServer server;

    private final SmppConnector connector = new SmppConnector();
    private final List<GatewayClient> clients = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        serverCertificate = SelfSignedPem.create(dir, "server");
        EsmeAccount account = new EsmeAccount(1, "esme", "pw", true, List.of(), 10, 0);
        SmppServerConfig config = SmppServerConfig.defaults().withAddress("127.0.0.1", -1)
                .withTls(0, serverCertificate.certificate(), serverCertificate.privateKey());
        server = SmppServer.start(config, systemId -> CompletableFuture.completedFuture(Optional.of(account)),
                (owner, session, request) -> request instanceof SubmitSm submit
                        ? CompletableFuture.completedFuture(submit.response("tls-1"))
                        : null,
                PduListener.NONE);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void stopClients() {
        clients.forEach(GatewayClient::close);
        connector.close();
    }

    private GatewayClient start(GatewayTls tls, int port) {
        GatewayConfig config = GatewayConfig.builder("secure", "127.0.0.1", port).credentials("esme", "pw")
                .tls(tls).reconnect(new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))).build();
        GatewayClient client = GatewayClient.start(config, connector, (session, request) -> null, PduListener.NONE);
        clients.add(client);
        return client;
    }

    private static SubmitSm submit() {
        return SubmitSm.builder().source(5, 0, "Shop").destination(1, 1, "380991234567")
                .shortMessage("over tls".getBytes(StandardCharsets.ISO_8859_1)).build();
    }

    @Test
    void bindsTrustingAnyCertificate() {
        GatewayClient client = start(GatewayTls.trustAnyCertificate(), server.tlsPort());
        awaitBound(client, 1);
        assertEquals("tls-1", result(client.submit(submit())).messageId());
    }

    @Test
    void bindsTrustingThePemCertificateThatNamesTheHost() {
        GatewayClient client = start(GatewayTls.trusting(serverCertificate.certificate(), null), server.tlsPort());
        awaitBound(client, 1);
        assertEquals("tls-1", result(client.submit(submit())).messageId());
    }

    @Test
    void bindsTrustingAPkcs12StoreHoldingTheCertificate() throws Exception {
        Path store = dir.resolve("trust-" + System.nanoTime() + ".p12");
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream pem = Files.newInputStream(serverCertificate.certificate())) {
            trust.setCertificateEntry("smsc", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        try (OutputStream out = Files.newOutputStream(store)) {
            trust.store(out, "changeit".toCharArray());
        }
        GatewayClient client = start(GatewayTls.trusting(store, "changeit"), server.tlsPort());
        awaitBound(client, 1);
        assertEquals("tls-1", result(client.submit(submit())).messageId());
    }

    @Test
    void anUntrustedCertificateNeverBindsAndKeepsBackingOff() throws Exception {
        SelfSignedPem other = SelfSignedPem.create(dir, "other-" + System.nanoTime());
        SimulatorConfig config = SimulatorConfig.defaults().withServer(SmppServerConfig.defaults()
                .withAddress("127.0.0.1", -1).withTls(0, serverCertificate.certificate(), serverCertificate.privateKey()));
        try (SmscSimulator simulator = SmscSimulator.start(config)) {
            GatewayClient client = start(GatewayTls.trusting(other.certificate(), null), simulator.tlsPort());
            until("three attempts", () -> simulator.counters().connections() >= 3);
            assertEquals(0, simulator.counters().bindsAccepted());
            assertEquals(0, bound(client));
        }
    }

    @Test
    void plainTcpToATlsPortNeverBinds() {
        SimulatorConfig config = SimulatorConfig.defaults().withServer(SmppServerConfig.defaults()
                .withAddress("127.0.0.1", -1).withTls(0, serverCertificate.certificate(), serverCertificate.privateKey()));
        try (SmscSimulator simulator = SmscSimulator.start(config)) {
            GatewayClient client = start(GatewayTls.off(), simulator.tlsPort());
            until("two attempts", () -> simulator.counters().connections() >= 2);
            assertEquals(0, simulator.counters().bindsAccepted());
            assertEquals(0, bound(client));
        }
    }

    @Test
    void aMissingTrustStoreFailsAtStart() {
        GatewayTls tls = GatewayTls.trusting(dir.resolve("missing.p12"), "x");
        assertThrows(IllegalArgumentException.class, () -> start(tls, server.tlsPort()));
        assertEquals(false, Files.exists(dir.resolve("missing.p12")));
    }
}
