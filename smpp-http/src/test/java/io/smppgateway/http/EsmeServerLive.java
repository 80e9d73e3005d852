package io.smppgateway.http;

import io.smppgateway.http.live.GatewayInstance;
import io.smppgateway.http.live.HealthProbes;
import io.smppgateway.http.live.HeldConnection;
import io.smppgateway.http.live.LiveChange;
import io.smppgateway.http.live.LiveConnection;
import io.smppgateway.http.live.LiveConnections;
import io.smppgateway.http.live.LiveControl;
import io.smppgateway.http.live.LiveInstance;
import io.smppgateway.http.live.MetricsSnapshot;
import io.smppgateway.http.live.MetricsSource;
import io.smppgateway.http.live.PeerTraffic;
import io.smppgateway.http.live.ProbeResult;
import io.smppgateway.http.live.CountSeries;
import io.smppgateway.http.live.TrafficFamily;
import io.smppgateway.http.live.TrafficHistory;
import io.smppgateway.http.live.TrafficWindow;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.session.SessionState;
import io.smppgateway.store.gateway.GatewayStore;
import java.util.ArrayList;
import java.util.concurrent.ConcurrentSkipListMap;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.client.ClientStore;
import io.smppgateway.store.gateway.Gateway;
import io.smppgateway.smpp.server.BoundEsme;
import io.smppgateway.smpp.server.EsmeAccount;
import io.smppgateway.smpp.server.EsmeAccounts;
import io.smppgateway.smpp.server.SmppServer;
import io.smppgateway.smpp.session.SmppSession;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The test's stand-in for the runner on the ESME side: a real {@link SmppServer} whose accounts are
 * the clients in the store, whose binds are the dashboard's ESME connections, and which unbinds a
 * client's ESMEs when the panel disables or deletes it. Its submits are kept per 10 s step as the
 * runner's traffic history keeps them. On the SMSC side, every enabled gateway's binds are down,
 * refused as an SMSC refuses a wrong password.
 */
final class EsmeServerLive implements LiveConnections, LiveControl, HealthProbes, MetricsSource, EsmeAccounts,
        TrafficHistory {

    /** The one instance, as the panel shows it. */
    static final LiveInstance SELF = new LiveInstance("5e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b", "panel-host");
    static final String REFUSED = "bind refused: ESME_RINVPASWD";
    private static final int STEP_MILLIS = RESOLUTION_SECONDS * 1000;
    private final ClientStore clients;
    private final GatewayStore gateways;
    private final Map<Long, AtomicLong> submitsByClient = new ConcurrentHashMap<>();
    /** Submits per 10 s step and username. */
    private final Map<Long, Map<String, AtomicLong>> submitsByStep = new ConcurrentSkipListMap<>();
    volatile SmppServer server;

    EsmeServerLive(ClientStore clients, GatewayStore gateways) {
        this.clients = clients;
        this.gateways = gateways;
    }

    void countSubmit(long clientId, String username) {
        submitsByClient.computeIfAbsent(clientId, id -> new AtomicLong()).incrementAndGet();
        submitsByStep.computeIfAbsent(System.currentTimeMillis() / STEP_MILLIS, step -> new ConcurrentHashMap<>())
                .computeIfAbsent(username, name -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public TrafficHistory history() {
        return this;
    }

    @Override
    public TrafficWindow since(long sinceMillis, int stepSeconds) {
        int width = stepSeconds / RESOLUTION_SECONDS;
        long newest = System.currentTimeMillis() / STEP_MILLIS;
        long first = Math.max(sinceMillis / STEP_MILLIS, newest - KEPT_SECONDS / RESOLUTION_SECONDS + 1) / width * width;
        int points = (int) ((newest - first) / width + 1);
        long[] in = new long[points];
        Map<String, long[]> byUsername = new java.util.TreeMap<>();
        submitsByStep.forEach((step, counts) -> {
            if (step >= first && step <= newest) {
                int point = (int) ((step - first) / width);
                counts.forEach((username, count) -> {
                    in[point] += count.get();
                    byUsername.computeIfAbsent(username, name -> new long[points])[point] += count.get();
                });
            }
        });
        List<CountSeries> series = new ArrayList<>(List.of(new CountSeries(TrafficFamily.MESSAGES_IN, "", false, in),
                new CountSeries(TrafficFamily.MESSAGES_OUT, "", false, new long[points])));
        byUsername.forEach((username, counts) -> {
            series.add(new CountSeries(TrafficFamily.ESME_SUBMITTED, username, false, counts));
            series.add(new CountSeries(TrafficFamily.ESME_DELIVERED, username, false, new long[points]));
        });
        return new TrafficWindow(first * STEP_MILLIS, stepSeconds, points, series, List.of());
    }

    @Override
    public CompletableFuture<Optional<EsmeAccount>> findBySystemId(String systemId) {
        return CompletableFuture.supplyAsync(() -> clients.findByUsername(systemId).map(client -> new EsmeAccount(
                client.id(), client.username(), client.password(), client.enabled(), client.allowedAddresses(),
                client.binds(), client.throughput())));
    }

    /** Each enabled gateway's binds, down: the SMSC refuses the password, the next try in 30 s. */
    @Override
    public List<LiveConnection> ofGateways() {
        long now = System.currentTimeMillis() / 1000;
        List<LiveConnection> connections = new ArrayList<>();
        for (Gateway gateway : gateways.list()) {
            if (!gateway.enabled()) {
                continue;
            }
            for (int i = 0; i < gateway.txBinds() + gateway.rxBinds() + gateway.trxBinds(); i++) {
                BindType type = i < gateway.txBinds() ? BindType.TRANSMITTER
                        : i < gateway.txBinds() + gateway.rxBinds() ? BindType.RECEIVER : BindType.TRANSCEIVER;
                connections.add(new LiveConnection(gateway.id(), type, SessionState.CLOSED,
                        "attempt-" + gateway.id() + "-" + i, "", "", 0, 0, now - 5, "", REFUSED, now + 30));
            }
        }
        return connections;
    }

    @Override
    public List<LiveConnection> ofClients() {
        return server.sessions().all().stream().map(EsmeServerLive::connection).toList();
    }

    @Override
    public List<HeldConnection> ofGatewaysOnEveryInstance() {
        return ofGateways().stream().map(connection -> new HeldConnection(SELF, connection)).toList();
    }

    @Override
    public LiveInstance instance() {
        return SELF;
    }

    @Override
    public List<GatewayInstance> instances() {
        long now = System.currentTimeMillis() / 1000;
        return List.of(new GatewayInstance(SELF, now, now));
    }

    /** One instance, this one. */
    @Override
    public List<HeldConnection> ofClientsOnEveryInstance() {
        return ofClients().stream().map(connection -> new HeldConnection(SELF, connection)).toList();
    }

    private static LiveConnection connection(BoundEsme bound) {
        SmppSession session = bound.session();
        return new LiveConnection(bound.account().id(), session.bindType(), session.state(), session.id(),
                address(session.localAddress()), address(session.remoteAddress()), session.inflightCount(),
                session.queueCount(), session.stateChangedAt(), session.systemType());
    }

    private static String address(InetSocketAddress address) {
        return address == null ? "" : address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    @Override
    public long gatewayQueueCount(long gatewayId) {
        return 0;
    }

    @Override
    public CompletableFuture<LiveChange> gatewaySaved(Gateway gateway) {
        return CompletableFuture.completedFuture(LiveChange.none("no SMPP client in this test"));
    }

    @Override
    public CompletableFuture<LiveChange> gatewayDeleted(Gateway gateway) {
        return CompletableFuture.completedFuture(LiveChange.none("no SMPP client in this test"));
    }

    @Override
    public CompletableFuture<LiveChange> clientSaved(Client client) {
        int bound = server.sessions().ofAccount(client.id()).size();
        if (bound == 0) {
            return CompletableFuture.completedFuture(LiveChange.none("no ESME bound"));
        }
        LiveChange.Action action = client.enabled() ? LiveChange.Action.REBIND : LiveChange.Action.UNBIND;
        return server.unbindAccount(client.id()).thenApply(done -> new LiveChange(action, bound,
                bound + (client.enabled() ? " ESME binds closed to rebind with the new settings" : " ESME binds unbound")));
    }

    @Override
    public CompletableFuture<LiveChange> clientDeleted(Client client) {
        int bound = server.sessions().ofAccount(client.id()).size();
        return server.unbindAccount(client.id())
                .thenApply(done -> new LiveChange(LiveChange.Action.UNBIND, bound, bound + " ESME binds unbound"));
    }

    @Override
    public CompletableFuture<List<ProbeResult>> probe() {
        List<ProbeResult> probes = new ArrayList<>(List.of(new ProbeResult("database", true, true, "embedded"),
                new ProbeResult("message bus", true, true, "nsqd 127.0.0.1:4150: every topic connected")));
        for (Gateway gateway : gateways.list()) {
            if (gateway.enabled()) {
                int binds = gateway.txBinds() + gateway.rxBinds() + gateway.trxBinds();
                probes.add(new ProbeResult("gateway " + gateway.smscId(), false, false,
                        "0 of " + binds + " binds bound; " + REFUSED));
            }
        }
        return CompletableFuture.completedFuture(probes);
    }

    @Override
    public MetricsSnapshot snapshot() {
        List<PeerTraffic> traffic = submitsByClient.entrySet().stream()
                .map(entry -> new PeerTraffic(entry.getKey(), "#" + entry.getKey(), entry.getValue().get(), 0))
                .toList();
        return new MetricsSnapshot(List.of(), traffic, List.of(), List.of(), List.of());
    }

    @Override
    public String buildVersion() {
        return "0.0.0-test";
    }
}
