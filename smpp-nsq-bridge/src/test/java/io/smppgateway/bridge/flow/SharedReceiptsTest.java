package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.bridge.engine.EngineOptions;
import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.persistence.Database;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.store.client.Client;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two gateway instances on one MariaDB database and the same NSQ topics, as in production: a
 * DLR_OUT reaches its ESME whichever instance took it and wherever the ESME is bound, once.
 */
class SharedReceiptsTest {

    private static final int RECEIPTS = 40;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final SmppConnector esmeConnector = new SmppConnector();
    private final TestDatabase database = closing(new TestDatabase(TestDatabase.Kind.MARIADB));
    private final TestBus topics = closing(new TestBus(TestBus.Kind.NSQ));
    private final GatewayEngine a = engine(database.database(), topics.bus());
    private final GatewayEngine b = engine(closing(database.anotherInstance()), topics.anotherInstance());

    @AfterEach
    void stop() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        esmeConnector.close();
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        toClose.add(closeable);
        return closeable;
    }

    private GatewayEngine engine(Database stores, MessageBus bus) {
        EngineOptions options = EngineOptions.builder()
                .esmeServer(SmppServerConfig.defaults().withAddress("127.0.0.1", 0))
                .build();
        return closing(GatewayEngine.start(options, stores, bus));
    }

    @Test
    void receiptsTakenByEitherInstanceReachAnEsmeBoundToTheOther() {
        Client client = newClient("esme-on-b");
        TestEsme esme = closing(TestEsme.bind(esmeConnector, b.esmeServer().port(), BindType.TRANSCEIVER,
                InterfaceVersion.SMPP_3_4, client.username()));
        List<String> msgIds = submit(esme, RECEIPTS);

        long published = System.nanoTime();
        for (String msgId : msgIds) {
            // both instances consume DLR_OUT on one channel: nsqd hands each message to one of them
            topics.bus().publish(Topic.DLR_OUT, FlowScenarios.dlrOut(client.id(), msgId, "delivered", 0)).join();
        }
        Await.until(RECEIPTS + " receipts at the ESME bound to one instance", () ->
                esme.received().size() >= RECEIPTS);
        System.out.printf("%d receipts through two instances to an ESME bound to one: all within %d ms of the"
                + " last publish%n", RECEIPTS, (System.nanoTime() - published) / 1_000_000);

        Await.until("no receipt left waiting", () -> database.database().pendingReceipts().count(client.id())
                .join() == 0);
        assertEquals(new HashSet<>(msgIds), new HashSet<>(receiptedIds(esme.received())));
        assertEquals(RECEIPTS, esme.received().size(), "each receipt once");
    }

    @Test
    void waitingReceiptsAreDeliveredOnceWhenReceiversBindToBothInstances() {
        Client client = newClient("esme-on-both");
        TestEsme transmitter = closing(TestEsme.bind(esmeConnector, a.esmeServer().port(), BindType.TRANSMITTER,
                InterfaceVersion.SMPP_3_4, client.username()));
        List<String> msgIds = submit(transmitter, RECEIPTS);
        for (String msgId : msgIds) {
            topics.bus().publish(Topic.DLR_OUT, FlowScenarios.dlrOut(client.id(), msgId, "delivered", 0)).join();
        }
        Await.until("every receipt waiting for a receiver", () -> database.database().pendingReceipts()
                .count(client.id()).join() == RECEIPTS);

        TestEsme onA = closing(TestEsme.bind(esmeConnector, a.esmeServer().port(), BindType.RECEIVER,
                InterfaceVersion.SMPP_3_4, client.username()));
        TestEsme onB = closing(TestEsme.bind(esmeConnector, b.esmeServer().port(), BindType.RECEIVER,
                InterfaceVersion.SMPP_3_4, client.username()));

        Await.until("the waiting receipts delivered and removed", () -> database.database().pendingReceipts()
                .count(client.id()).join() == 0);
        List<String> delivered = Stream.concat(receiptedIds(onA.received()).stream(),
                receiptedIds(onB.received()).stream()).toList();
        assertEquals(new HashSet<>(msgIds), new HashSet<>(delivered));
        assertEquals(RECEIPTS, delivered.size(), "each waiting receipt delivered once, by one instance");
    }

    private Client newClient(String username) {
        return database.database().clients().create(Client.builder().username(username).password("secret")
                .binds(3).enabled(true).build());
    }

    private static List<String> submit(TestEsme esme, int count) {
        List<String> msgIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            SubmitSm submit = SubmitSm.builder().source(1, 1, "447700900010").destination(1, 1, "447700900011")
                    .registeredDelivery(1).shortMessage(("message " + i).getBytes(StandardCharsets.US_ASCII)).build();
            SubmitSmResp response = esme.session().send(submit).join();
            assertEquals(0, response.commandStatus());
            msgIds.add(response.messageId());
        }
        return msgIds;
    }

    private static List<String> receiptedIds(List<DeliverSm> receipts) {
        return receipts.stream().map(r -> r.tlvs().stringValue(TlvTag.RECEIPTED_MESSAGE_ID).orElseThrow()).toList();
    }
}
