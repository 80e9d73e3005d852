package io.smppgateway.bridge.engine;

import io.smppgateway.bridge.flow.PoolSmscGateways;
import io.smppgateway.smpp.server.SmppServer;
import io.smppgateway.store.GatewayStores;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.gateway.Gateway;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this instance's sessions in step with the stored configuration, which the REST API of any
 * instance sharing the database may change: at every tick it reads the stored configuration's
 * version, and when another instance changed the gateways or clients (or a while has passed, see
 * {@link ConfigReadSchedule}) it reads both tables and applies what differs from what this instance
 * last applied. A gateway added or edited is bound
 * or rebound, one disabled or deleted is unbound; an ESME client edited, disabled or deleted has its
 * binds on this instance closed (it binds again under the new settings when it may). A change made
 * through this instance's own API is applied at once and recorded here, so it is not applied twice.
 */
final class ConfigSync implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConfigSync.class);

    private final GatewayStores stores;
    private final PoolSmscGateways gateways;
    private final SmppServer server;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "config-sync");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, Gateway> appliedGateways = new HashMap<>();
    private final Map<Long, Client> appliedClients = new HashMap<>();
    /** Counts changes applied through this instance, so that a read older than one of them is not applied over it. */
    private long localChanges;
    private boolean failing;
    private ConfigReadSchedule schedule;

    ConfigSync(GatewayStores stores, PoolSmscGateways gateways, SmppServer server) {
        this.stores = stores;
        this.gateways = gateways;
        this.server = server;
    }

    /**
     * Starts every enabled stored gateway now, then looks for changes every {@code interval}, and
     * reads the tables in full at least every {@code fullReadInterval}.
     */
    void start(Duration interval, Duration fullReadInterval) {
        int enabled = 0;
        synchronized (this) {
            schedule = new ConfigReadSchedule(fullReadInterval);
            schedule.applied(stores.configVersion().current(), System.nanoTime());
            for (Gateway gateway : stores.gateways().list()) {
                gatewaySaved(gateway);
                enabled += gateway.enabled() ? 1 : 0;
            }
            for (Client client : stores.clients().list()) {
                appliedClients.put(client.id(), client);
            }
        }
        log.info("SMPP client: {} enabled gateway(s) binding", enabled);
        long every = interval.toMillis();
        timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
    }

    /** A gateway saved through this instance: run it as saved, and remember it as applied. */
    synchronized CompletableFuture<Void> gatewaySaved(Gateway gateway) {
        localChanges++;
        appliedGateways.put(gateway.id(), gateway);
        return gateways.saved(gateway);
    }

    synchronized CompletableFuture<Void> gatewayDeleted(Gateway gateway) {
        localChanges++;
        appliedGateways.remove(gateway.id());
        return gateways.deleted(gateway.smscId());
    }

    /** A client saved or deleted through this instance: its binds here close, and the change is remembered. */
    synchronized CompletableFuture<Void> clientChanged(Client client, boolean deleted) {
        localChanges++;
        if (deleted) {
            appliedClients.remove(client.id());
        } else {
            appliedClients.put(client.id(), client);
        }
        return server.unbindAccount(client.id());
    }

    private void tick() {
        try {
            long version = stores.configVersion().current();
            long now = System.nanoTime();
            if (schedule.readTables(version, now)) {
                long changesBefore;
                synchronized (this) {
                    changesBefore = localChanges;
                }
                if (apply(changesBefore, stores.gateways().list(), stores.clients().list())) {
                    schedule.applied(version, now);
                }
            }
            if (failing) {
                failing = false;
                log.info("configuration sync: the database answers again; changes made elsewhere apply here again");
            }
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                log.warn("configuration sync: cannot read the gateways and clients ({}); changes made through other"
                        + " instances wait until the database answers", e.toString());
            }
        }
    }

    /** @return false when the read is older than a change made here, which the next read includes */
    private synchronized boolean apply(long changesBefore, List<Gateway> storedGateways, List<Client> storedClients) {
        if (localChanges != changesBefore) {
            return false;
        }
        Set<Long> present = new HashSet<>();
        for (Gateway gateway : storedGateways) {
            present.add(gateway.id());
            if (!gateway.equals(appliedGateways.get(gateway.id()))) {
                log.info("configuration sync: gateway {} {}", gateway.smscId(),
                        appliedGateways.containsKey(gateway.id()) ? "changed" : "added");
                appliedGateways.put(gateway.id(), gateway);
                gateways.saved(gateway);
            }
        }
        for (Gateway gone : List.copyOf(appliedGateways.values())) {
            if (!present.contains(gone.id())) {
                log.info("configuration sync: gateway {} deleted", gone.smscId());
                appliedGateways.remove(gone.id());
                gateways.deleted(gone.smscId());
            }
        }
        present.clear();
        for (Client client : storedClients) {
            present.add(client.id());
            Client applied = appliedClients.get(client.id());
            if (applied != null && !applied.equals(client)) {
                unbindHere(client.id(), client.username(), client.enabled() ? "changed" : "disabled");
            } else if (applied == null && !client.enabled()) {
                // created and disabled between two reads, with an ESME bound here in between
                unbindHere(client.id(), client.username(), "disabled");
            }
            appliedClients.put(client.id(), client);
        }
        for (Client gone : List.copyOf(appliedClients.values())) {
            if (!present.contains(gone.id())) {
                appliedClients.remove(gone.id());
                unbindHere(gone.id(), gone.username(), "deleted");
            }
        }
        return true;
    }

    private void unbindHere(long clientId, String username, String what) {
        int bound = server.sessions().ofAccount(clientId).size();
        if (bound > 0) {
            log.info("configuration sync: client {} {}: unbinding its {} bind(s) here", username, what, bound);
            server.unbindAccount(clientId);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
