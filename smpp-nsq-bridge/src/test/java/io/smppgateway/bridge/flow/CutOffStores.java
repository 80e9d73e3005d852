package io.smppgateway.bridge.flow;

import io.smppgateway.store.GatewayStores;
import io.smppgateway.store.PersistenceException;
import io.smppgateway.store.WriteStats;
import io.smppgateway.store.client.ClientStore;
import io.smppgateway.store.ConfigVersion;
import io.smppgateway.store.cluster.ClusterStore;
import io.smppgateway.store.cluster.ConnectionSnapshot;
import io.smppgateway.store.cluster.Instance;
import io.smppgateway.store.cluster.InstanceConnection;
import io.smppgateway.store.gateway.GatewayStore;
import io.smppgateway.store.inbound.InboundTracking;
import io.smppgateway.store.outbound.OutboundTracking;
import io.smppgateway.store.receipt.PendingReceipts;
import java.util.List;

/**
 * Real stores whose cluster table can be cut off, as if this instance lost the database's
 * membership tables while the rest answered: a heartbeat that fails while the other instances
 * go on.
 */
final class CutOffStores implements GatewayStores {

    private final GatewayStores stores;
    private final CutOffCluster cluster;
    private volatile boolean cut;

    CutOffStores(GatewayStores stores) {
        this.stores = stores;
        this.cluster = new CutOffCluster(stores.cluster());
    }

    void cut(boolean value) {
        this.cut = value;
    }

    @Override
    public ClientStore clients() {
        return stores.clients();
    }

    @Override
    public GatewayStore gateways() {
        return stores.gateways();
    }

    @Override
    public InboundTracking inbound() {
        return stores.inbound();
    }

    @Override
    public OutboundTracking outbound() {
        return stores.outbound();
    }

    @Override
    public PendingReceipts pendingReceipts() {
        return stores.pendingReceipts();
    }

    @Override
    public ClusterStore cluster() {
        return cluster;
    }

    @Override
    public ConfigVersion configVersion() {
        return stores.configVersion();
    }

    @Override
    public String description() {
        return stores.description();
    }

    @Override
    public WriteStats writeStats() {
        return stores.writeStats();
    }

    private final class CutOffCluster implements ClusterStore {
        private final ClusterStore real;

        CutOffCluster(ClusterStore real) {
            this.real = real;
        }

        private void check() {
            if (cut) {
                throw new PersistenceException("the database does not answer (cut off by the test)");
            }
        }

        @Override
        public boolean heartbeat(String instanceId, String host, long now) {
            check();
            return real.heartbeat(instanceId, host, now);
        }

        @Override
        public List<String> removeDead(long deadBefore) {
            check();
            return real.removeDead(deadBefore);
        }

        @Override
        public List<String> live(long aliveSince) {
            check();
            return real.live(aliveSince);
        }

        @Override
        public List<Instance> liveInstances(long aliveSince) {
            check();
            return real.liveInstances(aliveSince);
        }

        @Override
        public boolean reserveBind(long clientId, int cap, String sessionId, String instanceId, long now) {
            check();
            return real.reserveBind(clientId, cap, sessionId, instanceId, now);
        }

        @Override
        public void releaseBind(String sessionId) {
            check();
            real.releaseBind(sessionId);
        }

        @Override
        public int bindsOf(long clientId) {
            check();
            return real.bindsOf(clientId);
        }

        @Override
        public void publishConnections(String instanceId, List<ConnectionSnapshot> connections) {
            check();
            real.publishConnections(instanceId, connections);
        }

        @Override
        public List<InstanceConnection> connectionsOfOthers(String instanceId, long aliveSince) {
            check();
            return real.connectionsOfOthers(instanceId, aliveSince);
        }

        @Override
        public void leave(String instanceId) {
            real.leave(instanceId);
        }
    }
}
