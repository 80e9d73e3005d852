package io.smppgateway.smpp.client;

import static io.smppgateway.smpp.client.Await.until;
import static io.smppgateway.smpp.client.GatewayClientTest.awaitBound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each bind that is down says why, as its connection in the REST API and the dashboard show it,
 * and when it tries again: against the SMSC simulator refusing the password, a closed port, a TLS
 * certificate we do not trust, and a session the SMSC drops.
 */
class BindFailureTest {

    @TempDir
    Path dir;

    private final SmppConnector connector = new SmppConnector();
    private final List<GatewayClient> clients = new ArrayList<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        clients.forEach(GatewayClient::close);
        connector.close();
        for (AutoCloseable closeable : toClose) {
            closeable.close();
        }
    }

    private GatewayClient start(GatewayConfig.Builder config) {
        // long enough between attempts that the slot is seen waiting, short enough for the test
        GatewayClient client = GatewayClient.start(config.binds(0, 0, 1)
                .reconnect(new ReconnectBackoff(Duration.ofSeconds(2), Duration.ofSeconds(4))).build(),
                connector, (session, request) -> null, PduListener.NONE);
        clients.add(client);
        return client;
    }

    /** Waits for the bind to be down with a failure and an attempt planned, and returns it. */
    private static GatewayConnection awaitDown(GatewayClient client) {
        until("the bind is waiting to try again", () -> {
            GatewayConnection connection = client.connections().get(0);
            return connection.status().equals("CLOSED") && connection.lastFailure() != null
                    && connection.nextAttemptAt() > 0;
        });
        return client.connections().get(0);
    }

    private static void assertNextAttemptWithinBackoff(GatewayConnection connection) {
        long after = connection.nextAttemptAt() - connection.lastFailure().failedAt();
        assertTrue(after >= 900 && after <= 4_100, "next attempt " + after + " ms after the failure");
    }

    @Test
    void aRefusedBindNamesItsCommandStatus() {
        SmscSimulator simulator = SmscSimulator.start(SimulatorConfig.defaults()
                .withCredentials(Map.of("esme", "right")));
        toClose.add(simulator);
        GatewayClient client = start(GatewayConfig.builder("sim", "127.0.0.1", simulator.port())
                .credentials("esme", "wrong"));

        GatewayConnection down = awaitDown(client);

        assertEquals(BindFailure.Kind.BIND_REFUSED, down.lastFailure().kind());
        assertEquals("ESME_RINVPASWD", down.lastFailure().detail());
        assertEquals("bind refused: ESME_RINVPASWD", down.lastFailure().describe());
        assertNextAttemptWithinBackoff(down);
    }

    @Test
    void aClosedPortIsAConnectionRefused() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        GatewayClient client = start(GatewayConfig.builder("nobody", "127.0.0.1", closed).credentials("esme", "pw"));

        GatewayConnection down = awaitDown(client);

        assertEquals(BindFailure.Kind.CONNECTION_REFUSED, down.lastFailure().kind(), down.lastFailure().toString());
        assertTrue(down.lastFailure().describe().startsWith("connection refused"), down.lastFailure().describe());
        assertNextAttemptWithinBackoff(down);
    }

    @Test
    void anUntrustedCertificateIsATlsFailureWithItsReason() throws Exception {
        SelfSignedPem served = SelfSignedPem.create(dir, "served");
        SelfSignedPem trusted = SelfSignedPem.create(dir, "trusted");
        SmscSimulator simulator = SmscSimulator.start(SimulatorConfig.defaults().withServer(SmppServerConfig.defaults()
                .withAddress("127.0.0.1", -1).withTls(0, served.certificate(), served.privateKey())));
        toClose.add(simulator);
        GatewayClient client = start(GatewayConfig.builder("secure", "127.0.0.1", simulator.tlsPort())
                .credentials("esme", "pw").tls(GatewayTls.trusting(trusted.certificate(), null)));

        GatewayConnection down = awaitDown(client);

        assertEquals(BindFailure.Kind.TLS_FAILED, down.lastFailure().kind(), down.lastFailure().toString());
        assertTrue(down.lastFailure().detail().contains("not issued by an authority we trust"),
                down.lastFailure().detail());
        assertTrue(down.lastFailure().describe().startsWith("TLS handshake failed: "));
    }

    @Test
    void aDroppedSessionIsASessionLostAndABindClearsIt() {
        SmscSimulator simulator = SmscSimulator.start(SimulatorConfig.defaults());
        toClose.add(simulator);
        GatewayClient client = start(GatewayConfig.builder("sim", "127.0.0.1", simulator.port())
                .credentials("esme", "pw"));
        awaitBound(client, 1);
        assertEquals(null, client.connections().get(0).lastFailure(), "a bound bind has no failure to show");
        assertEquals(0, client.connections().get(0).nextAttemptAt());

        simulator.sessions().get(0).close();

        GatewayConnection down = awaitDown(client);
        assertEquals(BindFailure.Kind.SESSION_LOST, down.lastFailure().kind());
        awaitBound(client, 1);
        assertEquals(null, client.connections().get(0).lastFailure(), "bound again");
    }
}
