package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.bridge.engine.GatewayEngine;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.store.client.Client;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Gateway instances on one MariaDB database and the same NSQ topics, two and three of them, as in
 * production: a DLR_OUT reaches its ESME whichever instance took it and wherever the ESME is
 * bound, once. Point 6 of the cluster's behaviours (the map is in {@link TestCluster}).
 */
class SharedReceiptsTest {

    private static final int RECEIPTS = 40;

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final SmppConnector esmeConnector = new SmppConnector();
    private final TestDatabase database = closing(new TestDatabase(TestDatabase.Kind.MARIADB));
    private final TestBus topics = closing(new TestBus(TestBus.Kind.NSQ));
    private final TestCluster cluster = closing(new TestCluster(database, topics));

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

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void receiptsTakenByAnyInstanceReachAnEsmeBoundToAnyOne(int instances) {
        List<GatewayEngine> engines = cluster.start(instances);
        // one client per instance, its ESME bound there: each instance is the one some receipts must reach
        List<Client> clients = new ArrayList<>();
        List<TestEsme> esmes = new ArrayList<>();
        List<List<String>> msgIdsOf = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            Client client = newClient("esme-on-" + i, 3);
            TestEsme esme = closing(TestEsme.bind(esmeConnector, engines.get(i).esmeServer().port(),
                    BindType.TRANSCEIVER, InterfaceVersion.SMPP_3_4, client.username()));
            clients.add(client);
            esmes.add(esme);
            msgIdsOf.add(submit(esme, RECEIPTS));
        }

        long published = System.nanoTime();
        for (int n = 0; n < RECEIPTS; n++) {
            for (int i = 0; i < instances; i++) {
                // every instance consumes DLR_OUT on one channel: nsqd hands each message to one of them
                topics.bus().publish(Topic.DLR_OUT, FlowScenarios.dlrOut(clients.get(i).id(), msgIdsOf.get(i).get(n),
                        "delivered", 0)).join();
            }
        }
        Await.until(RECEIPTS + " receipts at each ESME, each bound to one instance", () -> esmes.stream()
                .allMatch(esme -> esme.received().size() >= RECEIPTS));
        System.out.printf("%d receipts each through %d instances to %d ESMEs bound to one each: all within %d ms of"
                + " the last publish%n", RECEIPTS, instances, instances, (System.nanoTime() - published) / 1_000_000);

        for (int i = 0; i < instances; i++) {
            long clientId = clients.get(i).id();
            Await.until("no receipt left waiting", () -> database.database().pendingReceipts().count(clientId)
                    .join() == 0);
            TestEsme esme = esmes.get(i);
            assertEquals(new HashSet<>(msgIdsOf.get(i)), new HashSet<>(receiptedIds(esme.received())),
                    "the receipts of the ESME bound to instance " + i);
            assertEquals(RECEIPTS, esme.received().size(), "each receipt once, at the ESME bound to instance " + i);
        }
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void waitingReceiptsAreDeliveredOnceWhenReceiversBindToEveryInstance(int instances) {
        List<GatewayEngine> engines = cluster.start(instances);
        Client client = newClient("esme-on-every", instances + 1);
        TestEsme transmitter = closing(TestEsme.bind(esmeConnector, engines.get(0).esmeServer().port(),
                BindType.TRANSMITTER, InterfaceVersion.SMPP_3_4, client.username()));
        List<String> msgIds = submit(transmitter, RECEIPTS);
        for (String msgId : msgIds) {
            topics.bus().publish(Topic.DLR_OUT, FlowScenarios.dlrOut(client.id(), msgId, "delivered", 0)).join();
        }
        Await.until("every receipt waiting for a receiver", () -> database.database().pendingReceipts()
                .count(client.id()).join() == RECEIPTS);

        List<TestEsme> receivers = new ArrayList<>();
        for (GatewayEngine engine : engines) {
            receivers.add(closing(TestEsme.bind(esmeConnector, engine.esmeServer().port(), BindType.RECEIVER,
                    InterfaceVersion.SMPP_3_4, client.username())));
        }

        Await.until("the waiting receipts delivered and removed", () -> database.database().pendingReceipts()
                .count(client.id()).join() == 0);
        List<String> delivered = receivers.stream().flatMap(receiver -> receiptedIds(receiver.received()).stream())
                .toList();
        assertEquals(new HashSet<>(msgIds), new HashSet<>(delivered));
        assertEquals(RECEIPTS, delivered.size(), "each waiting receipt delivered once, by one instance");
    }

    private Client newClient(String username, int binds) {
        return database.database().clients().create(Client.builder().username(username).password("secret")
                .binds(binds).enabled(true).build());
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
