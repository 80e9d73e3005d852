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
import io.smppgateway.http.live.OutgoingSms;
import io.smppgateway.http.live.ApiSubmission;
import io.smppgateway.http.live.DaemonLog;
import io.smppgateway.http.live.InvalidSmsOutException;
import io.smppgateway.http.live.ProbeResult;
import io.smppgateway.http.live.TrafficHistory;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.gateway.Gateway;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * In-memory stand-ins for what the runner wires into the HTTP server: connections the test sets
 * (this instance's, {@link #SELF}, and other instances'),
 * a control that records every call and answers as the runtime would, fixed health probes and
 * settable metrics, and an SMS_OUT publisher that keeps what it was given (or refuses it as the test
 * says).
 */
final class TestLive implements LiveConnections, LiveControl, HealthProbes, MetricsSource, OutgoingSms,
        DaemonLog {

    final List<LiveConnection> gatewayConnections = new CopyOnWriteArrayList<>();
    final List<LiveConnection> clientConnections = new CopyOnWriteArrayList<>();
    final List<HeldConnection> otherInstancesGatewayConnections = new CopyOnWriteArrayList<>();
    final List<HeldConnection> otherInstancesClientConnections = new CopyOnWriteArrayList<>();
    static final LiveInstance SELF = new LiveInstance("4f3c2b1a-0000-4000-8000-00000000000a", "gw-host-a");
    static final List<GatewayInstance> ONLY_SELF = List.of(new GatewayInstance(SELF, 1_721_935_100L, 1_721_935_169L));
    final List<GatewayInstance> instances = new CopyOnWriteArrayList<>(ONLY_SELF);
    final Map<Long, Long> gatewayQueues = new ConcurrentHashMap<>();
    final List<String> controlCalls = new CopyOnWriteArrayList<>();
    static final List<ProbeResult> DEFAULT_PROBES = List.of(new ProbeResult("database", true, true, "embedded"),
            new ProbeResult("nsq", true, true, "in-process bus"));

    volatile List<ProbeResult> probes = DEFAULT_PROBES;
    volatile MetricsSnapshot metrics = MetricsSnapshot.empty();
    volatile TrafficHistory history = TrafficHistory.NONE;
    volatile Supplier<CompletableFuture<LiveChange>> controlAnswer;
    final List<String> published = new CopyOnWriteArrayList<>();
    final Map<String, ApiSubmission> submissions = new ConcurrentHashMap<>();
    volatile Map<String, String> smsOutRefusal;
    volatile RuntimeException busFailure;
    final List<String> daemonLines = new CopyOnWriteArrayList<>();

    @Override
    public LiveInstance instance() {
        return SELF;
    }

    @Override
    public List<GatewayInstance> instances() {
        return List.copyOf(instances);
    }

    @Override
    public List<LiveConnection> ofGateways() {
        return List.copyOf(gatewayConnections);
    }

    @Override
    public List<LiveConnection> ofClients() {
        return List.copyOf(clientConnections);
    }

    @Override
    public List<HeldConnection> ofGatewaysOnEveryInstance() {
        return Stream.concat(gatewayConnections.stream().map(connection -> new HeldConnection(SELF, connection)),
                otherInstancesGatewayConnections.stream()).toList();
    }

    @Override
    public List<HeldConnection> ofClientsOnEveryInstance() {
        return Stream.concat(clientConnections.stream().map(connection -> new HeldConnection(SELF, connection)),
                otherInstancesClientConnections.stream()).toList();
    }

    @Override
    public long gatewayQueueCount(long gatewayId) {
        return gatewayQueues.getOrDefault(gatewayId, 0L);
    }

    @Override
    public CompletableFuture<LiveChange> gatewaySaved(Gateway gateway) {
        controlCalls.add("gatewaySaved " + gateway.smscId() + " enabled=" + gateway.enabled());
        return answer(gateway.enabled() ? new LiveChange(LiveChange.Action.REBIND, gateway.txBinds()
                + gateway.rxBinds() + gateway.trxBinds(), "binds reopening with the new settings")
                : new LiveChange(LiveChange.Action.UNBIND, 0, "disabled: unbound"));
    }

    @Override
    public CompletableFuture<LiveChange> gatewayDeleted(Gateway gateway) {
        controlCalls.add("gatewayDeleted " + gateway.smscId());
        return answer(new LiveChange(LiveChange.Action.UNBIND, 0, "deleted: unbound"));
    }

    @Override
    public CompletableFuture<LiveChange> clientSaved(Client client) {
        controlCalls.add("clientSaved " + client.username() + " enabled=" + client.enabled());
        return answer(client.enabled() ? LiveChange.none("no ESME bound")
                : new LiveChange(LiveChange.Action.UNBIND, 0, "disabled: unbound"));
    }

    @Override
    public CompletableFuture<LiveChange> clientDeleted(Client client) {
        controlCalls.add("clientDeleted " + client.username());
        return answer(new LiveChange(LiveChange.Action.UNBIND, 0, "deleted: unbound"));
    }

    private CompletableFuture<LiveChange> answer(LiveChange usual) {
        Supplier<CompletableFuture<LiveChange>> override = controlAnswer;
        return override != null ? override.get() : CompletableFuture.completedFuture(usual);
    }

    @Override
    public CompletableFuture<List<ProbeResult>> probe() {
        return CompletableFuture.completedFuture(probes);
    }

    @Override
    public MetricsSnapshot snapshot() {
        return metrics;
    }

    @Override
    public TrafficHistory history() {
        return history;
    }

    @Override
    public String buildVersion() {
        return "0.0.0-test";
    }

    @Override
    public CompletableFuture<Void> publish(String smsOutBody) {
        Map<String, String> refusal = smsOutRefusal;
        if (refusal != null) {
            return CompletableFuture.failedFuture(new InvalidSmsOutException("refused", refusal));
        }
        RuntimeException failure = busFailure;
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        published.add(smsOutBody);
        String msgId = com.google.gson.JsonParser.parseString(smsOutBody).getAsJsonObject().get("msg_id").getAsString();
        submissions.put(msgId, new ApiSubmission(System.currentTimeMillis(), List.of()));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public java.util.Optional<ApiSubmission> submission(String msgId) {
        return java.util.Optional.ofNullable(submissions.get(msgId));
    }

    @Override
    public List<String> recentLines(int max) {
        List<String> all = List.copyOf(daemonLines);
        return all.subList(Math.max(0, all.size() - max), all.size());
    }
}
