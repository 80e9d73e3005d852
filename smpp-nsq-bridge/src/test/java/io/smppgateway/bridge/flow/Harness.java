package io.smppgateway.bridge.flow;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.smppgateway.bridge.bus.MessageBus;
import io.smppgateway.bridge.bus.Topic;
import io.smppgateway.persistence.Database;
import io.smppgateway.store.gateway.Gateway;
import io.smppgateway.smpp.client.GatewayPool;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.server.EsmeAccount;
import io.smppgateway.smpp.server.SmppServer;
import io.smppgateway.smpp.server.SmppServerConfig;
import io.smppgateway.smpp.session.PduListener;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The gateway's message flows wired as the runner wires them, on a real database, a real bus,
 * a real SMPP server for ESMEs and real client sessions to a {@link TestSmsc}; plus the
 * application's side: consumers of DLR_IN and SMS_IN that keep every event, and publishing.
 */
final class Harness implements AutoCloseable {

    static final String SMSC_ID = "mysmsc-id-example";
    static final String DISABLED_SMSC_ID = "disabled-smsc";

    final TestDatabase database;
    final TestBus bus;
    final TestSmsc smsc;
    final PoolSmscGateways gateways = new PoolSmscGateways(Duration.ofSeconds(2), Duration.ofSeconds(2), null);
    private final SmppConnector smscConnector = new SmppConnector();
    private final GatewayPool pool = new GatewayPool(smscConnector, gateways::inboundFor, smscId -> PduListener.NONE);
    final SmppServer server;
    final SmppConnector esmeConnector = new SmppConnector();
    final InboundFlow inbound;
    final ReceiptFlow receipts;
    final OutboundFlow outbound;
    final CorrelationFlow correlation;
    final ExpiryFlow expiry;
    final List<JsonObject> dlrIn = new CopyOnWriteArrayList<>();
    final List<JsonObject> smsIn = new CopyOnWriteArrayList<>();
    /** What the flows' DLR_IN listener heard, in order. */
    final List<io.smppgateway.bridge.message.DlrIn> heardDlrIn = new CopyOnWriteArrayList<>();
    private final Map<String, EsmeAccount> accounts = new ConcurrentHashMap<>();
    private final AtomicLong nextClient = new AtomicLong(1000);

    Harness(TestBus.Kind busKind, TestDatabase.Kind dbKind) {
        this(busKind, dbKind, Clock.systemUTC(), null);
    }

    /** @param busOverride a bus to run on instead of the kind's (wrapping it), or null */
    Harness(TestBus.Kind busKind, TestDatabase.Kind dbKind, Clock clock,
            java.util.function.UnaryOperator<MessageBus> busOverride) {
        database = new TestDatabase(dbKind);
        bus = new TestBus(busKind);
        MessageBus used = busOverride == null ? bus.bus() : busOverride.apply(bus.bus());
        Database db = database.database();
        FlowConfig config = FlowConfig.defaults().withChannel("gateway").withRetryDelay(Duration.ofMillis(200))
                .withDrainInterval(Duration.ofMillis(100)).withTouchInterval(Duration.ofSeconds(5)).withClock(clock);
        smsc = new TestSmsc();
        // The production adapter over the real client pool, bound to the test SMSC.
        gateways.attach(pool);
        gateways.saved(gateway(1, SMSC_ID, true)).join();
        gateways.saved(gateway(2, DISABLED_SMSC_ID, false)).join();
        Await.until("the gateway bound to the test SMSC", () -> pool.get(SMSC_ID).flatMap(client -> client.connections()
                .stream().filter(bind -> bind.status().startsWith("BOUND")).findFirst()).orElse(null));
        inbound = new InboundFlow(db.inbound(), used, config);
        server = SmppServer.start(SmppServerConfig.defaults().withAddress("127.0.0.1", 0),
                systemId -> CompletableFuture.completedFuture(Optional.ofNullable(accounts.get(systemId))),
                inbound, PduListener.NONE);
        receipts = new ReceiptFlow(used, db.inbound(), db.pendingReceipts(), server.sessions(), config,
                java.util.UUID.randomUUID().toString()).start();
        outbound = new OutboundFlow(used, db.outbound(), gateways, config, heardDlrIn::add).start();
        correlation = new CorrelationFlow(used, db.outbound(), config, heardDlrIn::add).start(gateways);
        expiry = new ExpiryFlow(used, db.outbound(), config.withExpiry(Duration.ofHours(24), Duration.ofHours(1)),
                heardDlrIn::add);
        used.consume(Topic.DLR_IN, "app", delivery -> {
            dlrIn.add(JsonParser.parseString(delivery.body()).getAsJsonObject());
            delivery.finish();
        });
        used.consume(Topic.SMS_IN, "app", delivery -> {
            smsIn.add(JsonParser.parseString(delivery.body()).getAsJsonObject());
            delivery.finish();
        });
    }

    /** A stored gateway as the REST API would have saved it (its id is what tells an edit from a new one). */
    private Gateway gateway(long id, String smscId, boolean enabled) {
        return Gateway.builder().id(id).smscId(smscId).host("127.0.0.1").port(smsc.port()).username("gw").password("pw")
                .enqInterval(30).srcAutodetect(true).dstAutodetect(true).txBinds(0).rxBinds(0).trxBinds(1)
                .smppVersion("3.4").gsm7(true).secure(false).enabled(enabled).build();
    }

    MessageBus appBus() {
        return bus.bus();
    }

    /** A new ESME account (its own id, so that tests never see each other's receipts). */
    EsmeAccount newClient() {
        long id = nextClient.incrementAndGet();
        EsmeAccount account = new EsmeAccount(id, "esme" + id, "secret", true, List.of(), 5, 0);
        accounts.put(account.systemId(), account);
        return account;
    }

    TestEsme bind(EsmeAccount account, BindType type, InterfaceVersion version) {
        return TestEsme.bind(esmeConnector, server.port(), type, version, account.systemId());
    }

    void publish(Topic topic, String body) {
        bus.bus().publish(topic, body).join();
    }

    /** The DLR_IN events for a msg_id, in the order they came. */
    List<JsonObject> dlrInFor(String msgId) {
        return dlrIn.stream().filter(e -> e.get("msg_id").getAsString().equals(msgId)).toList();
    }

    JsonObject awaitDlrIn(String msgId, String status) {
        return Await.until("DLR_IN " + status + " for " + msgId, () -> dlrInFor(msgId).stream()
                .filter(e -> e.get("status").getAsString().equals(status)).findFirst().orElse(null));
    }

    /** The statuses the DLR_IN listener heard for a msg_id, in order. */
    List<String> heardStatusesFor(String msgId) {
        return heardDlrIn.stream().filter(e -> e.msgId().equals(msgId)).map(e -> e.status()).toList();
    }

    List<JsonObject> smsInFor(String msgId) {
        return smsIn.stream().filter(e -> e.get("msg_id").getAsString().equals(msgId)).toList();
    }

    List<JsonObject> awaitSmsIn(String msgId) {
        return Await.until("SMS_IN for " + msgId, () -> smsInFor(msgId).isEmpty() ? null : smsInFor(msgId));
    }

    @Override
    public void close() {
        expiry.close();
        correlation.close();
        outbound.close();
        receipts.close();
        server.close();
        inbound.close();
        esmeConnector.close();
        pool.close();
        smscConnector.close();
        smsc.close();
        bus.close();
        database.close();
    }
}
