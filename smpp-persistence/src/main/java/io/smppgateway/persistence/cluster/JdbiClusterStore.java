package io.smppgateway.persistence.cluster;

import io.smppgateway.store.cluster.ClusterStore;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ClusterStore} on the {@code gateway_instances} and {@code esme_binds} tables. A bind is
 * reserved in a transaction that first locks the client's row, so that reservations for one
 * client from any number of instances run one after another and the count they see is exact.
 */
public final class JdbiClusterStore implements ClusterStore {

    private final Jdbi jdbi;

    public JdbiClusterStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void heartbeat(String instanceId, String host, long now) {
        jdbi.useTransaction(handle -> {
            int updated = handle.createUpdate("UPDATE gateway_instances SET heartbeat = :now WHERE id = :id")
                    .bind("now", now).bind("id", instanceId).execute();
            if (updated == 0) {
                handle.createUpdate("INSERT INTO gateway_instances (id, host, started, heartbeat)"
                                + " VALUES (:id, :host, :now, :now)")
                        .bind("id", instanceId).bind("host", host).bind("now", now).execute();
            }
        });
    }

    @Override
    public List<String> removeDead(long deadBefore) {
        return jdbi.inTransaction(handle -> {
            List<String> dead = handle.createQuery("SELECT id FROM gateway_instances WHERE heartbeat < :before"
                            + " FOR UPDATE")
                    .bind("before", deadBefore).mapTo(String.class).list();
            for (String id : dead) {
                handle.createUpdate("DELETE FROM esme_binds WHERE instance_id = :id").bind("id", id).execute();
                handle.createUpdate("DELETE FROM gateway_instances WHERE id = :id").bind("id", id).execute();
            }
            return dead;
        });
    }

    @Override
    public List<String> live(long aliveSince) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id FROM gateway_instances"
                        + " WHERE heartbeat >= :since ORDER BY started, id")
                .bind("since", aliveSince).mapTo(String.class).list());
    }

    @Override
    public boolean reserveBind(long clientId, int cap, String sessionId, String instanceId, long now) {
        return jdbi.inTransaction(handle -> {
            // the client's row is the lock every reservation for this client takes first
            boolean exists = handle.createQuery("SELECT id FROM clients WHERE id = :id FOR UPDATE")
                    .bind("id", clientId).mapTo(Long.class).findOne().isPresent();
            if (!exists) {
                return false;
            }
            int held = handle.createQuery("SELECT COUNT(*) FROM esme_binds WHERE client_id = :id")
                    .bind("id", clientId).mapTo(Integer.class).one();
            if (held >= cap) {
                return false;
            }
            handle.createUpdate("INSERT INTO esme_binds (session_id, client_id, instance_id, bound)"
                            + " VALUES (:session, :client, :instance, :now)")
                    .bind("session", sessionId).bind("client", clientId).bind("instance", instanceId)
                    .bind("now", now).execute();
            return true;
        });
    }

    @Override
    public void releaseBind(String sessionId) {
        jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM esme_binds WHERE session_id = :session")
                .bind("session", sessionId).execute());
    }

    @Override
    public int bindsOf(long clientId) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM esme_binds WHERE client_id = :id")
                .bind("id", clientId).mapTo(Integer.class).one());
    }

    @Override
    public void leave(String instanceId) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM esme_binds WHERE instance_id = :id").bind("id", instanceId).execute();
            handle.createUpdate("DELETE FROM gateway_instances WHERE id = :id").bind("id", instanceId).execute();
        });
    }
}
