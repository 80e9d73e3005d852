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
 * client's ESMEs when the panel disables or deletes it.
 */
final class EsmeServerLive implements LiveConnections, LiveControl, HealthProbes, MetricsSource, EsmeAccounts {

    /** The one instance, as the panel shows it. */
    static final LiveInstance SELF = new LiveInstance("5e1f0a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b", "panel-host");
    private final ClientStore clients;
    private final Map<Long, AtomicLong> submitsByClient = new ConcurrentHashMap<>();
    volatile SmppServer server;

    EsmeServerLive(ClientStore clients) {
        this.clients = clients;
    }

    void countSubmit(long clientId) {
        submitsByClient.computeIfAbsent(clientId, id -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public CompletableFuture<Optional<EsmeAccount>> findBySystemId(String systemId) {
        return CompletableFuture.supplyAsync(() -> clients.findByUsername(systemId).map(client -> new EsmeAccount(
                client.id(), client.username(), client.password(), client.enabled(), client.allowedAddresses(),
                client.binds(), client.throughput())));
    }

    @Override
    public List<LiveConnection> ofGateways() {
        return List.of();
    }

    @Override
    public List<LiveConnection> ofClients() {
        return server.sessions().all().stream().map(EsmeServerLive::connection).toList();
    }

    @Override
    public List<HeldConnection> ofGatewaysOnEveryInstance() {
        return List.of();
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
        return CompletableFuture.completedFuture(List.of(new ProbeResult("database", true, true, "embedded")));
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
