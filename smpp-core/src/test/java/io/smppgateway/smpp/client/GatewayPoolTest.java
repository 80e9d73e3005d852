package io.smppgateway.smpp.client;

import static io.smppgateway.smpp.client.Await.failure;
import static io.smppgateway.smpp.client.Await.result;
import static io.smppgateway.smpp.client.Await.until;
import static io.smppgateway.smpp.client.GatewayClientTest.awaitBound;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.client.GatewayUnavailableException.Reason;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.simulator.SimulatorConfig;
import io.smppgateway.smpp.simulator.SmscSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GatewayPoolTest {

    private final SmppConnector connector = new SmppConnector();
    private final SmscSimulator simulator = SmscSimulator.start(SimulatorConfig.defaults()
            .withCredentials(Map.of("a", "pa", "b", "pb", "c", "pc")));
    private final GatewayPool pool = new GatewayPool(connector, smscId -> (session, request) -> null,
            smscId -> PduListener.NONE);

    @AfterEach
    void stop() {
        pool.close();
        connector.close();
        simulator.close();
    }

    private GatewayConfig gateway(String smscId, String systemId, String password) {
        return GatewayConfig.builder(smscId, "127.0.0.1", simulator.port()).credentials(systemId, password)
                .reconnect(new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(1))).build();
    }

    private static SubmitSm submit() {
        return SubmitSm.builder().source(5, 0, "Shop").destination(1, 1, "380991234567")
                .shortMessage("pooled".getBytes(StandardCharsets.ISO_8859_1)).build();
    }

    @Test
    void putStartsOrUpdatesAndRemoveStops() {
        result(pool.put(gateway("one", "a", "pa")));
        result(pool.put(gateway("two", "b", "pb")));
        GatewayClient one = pool.get("one").orElseThrow();
        awaitBound(one, 1);
        awaitBound(pool.get("two").orElseThrow(), 1);
        assertEquals(0, result(pool.submit("one", submit())).commandStatus());
        assertEquals(0, result(pool.submit("two", submit())).commandStatus());

        result(pool.put(gateway("one", "c", "pc")));
        assertSame(one, pool.get("one").orElseThrow(), "an update keeps the running client");
        until("one rebinds as c", () -> simulator.sessions().stream().anyMatch(s -> s.systemId().equals("c"))
                && simulator.sessions().stream().noneMatch(s -> s.systemId().equals("a")));

        GatewayClient two = pool.get("two").orElseThrow();
        result(pool.remove("two"));
        assertTrue(two.isStopped());
        assertTrue(pool.get("two").isEmpty());
        assertEquals(Reason.UNKNOWN_GATEWAY, failure(GatewayUnavailableException.class, pool.submit("two", submit())).reason());
        until("two's bind is gone", () -> simulator.sessions().stream().noneMatch(s -> s.systemId().equals("b")));
        assertEquals(1, pool.all().size());
    }
}
