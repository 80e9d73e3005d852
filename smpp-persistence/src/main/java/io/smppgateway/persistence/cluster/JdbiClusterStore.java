package io.smppgateway.persistence.cluster;

import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.session.SessionState;
import io.smppgateway.store.cluster.ClusterStore;
import io.smppgateway.store.cluster.ConnectionSide;
import io.smppgateway.store.cluster.ConnectionSnapshot;
import io.smppgateway.store.cluster.Instance;
import io.smppgateway.store.cluster.InstanceConnection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@link ClusterStore} on the {@code gateway_instances}, {@code esme_binds} and
 * {@code live_connections} tables. A bind is
 * reserved in a transaction that first locks the client's row, so that reservations for one
 * client from any number of instances run one after another and the count they see is exact.
 */
public final class JdbiClusterStore implements ClusterStore {

    private final Jdbi jdbi;

    public JdbiClusterStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean heartbeat(String instanceId, String host, long now) {
        boolean joined = jdbi.inTransaction(handle -> {
            int updated = handle.createUpdate("UPDATE gateway_instances SET heartbeat = :now WHERE id = :id")
                    .bind("now", now).bind("id", instanceId).execute();
            if (updated > 0) {
                return false;
            }
            handle.createUpdate("INSERT INTO gateway_instances (id, host, started, heartbeat)"
                            + " VALUES (:id, :host, :now, :now)")
                    .bind("id", instanceId).bind("host", host).bind("now", now).execute();
            return true;
        });
        if (joined) {
            // after the commit: instances joining at once then hold no lock the others' cleanup waits for
            jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM live_connections WHERE instance_id NOT IN"
                    + " (SELECT id FROM gateway_instances)").execute());
        }
        return joined;
    }

    @Override
    public List<String> removeDead(long deadBefore) {
        return jdbi.inTransaction(handle -> {
            List<String> dead = handle.createQuery("SELECT id FROM gateway_instances WHERE heartbeat < :before"
                            + " FOR UPDATE")
                    .bind("before", deadBefore).mapTo(String.class).list();
            for (String id : dead) {
                removeInstance(handle, id);
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
    public List<Instance> liveInstances(long aliveSince) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT id, host, started, heartbeat FROM gateway_instances"
                        + " WHERE heartbeat >= :since ORDER BY started, id")
                .bind("since", aliveSince)
                .map((rows, context) -> new Instance(rows.getString("id"), rows.getString("host"),
                        rows.getLong("started"), rows.getLong("heartbeat")))
                .list());
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
    public void publishConnections(String instanceId, List<ConnectionSnapshot> connections) {
        jdbi.useTransaction(handle -> {
            handle.createUpdate("DELETE FROM live_connections WHERE instance_id = :id").bind("id", instanceId)
                    .execute();
            if (connections.isEmpty()) {
                return;
            }
            PreparedBatch insert = handle.prepareBatch("INSERT INTO live_connections (instance_id, connection_id,"
                    + " side, owner_id, bind_type, status, local_addr, remote_addr, inflight_count, queue_count,"
                    + " connected, system_type, last_error, next_attempt) VALUES (:instance, :connection, :side, :owner,"
                    + " :bindType, :status, :localAddr, :remoteAddr, :inflight, :queue, :connected, :systemType,"
                    + " :lastError, :nextAttempt)");
            for (ConnectionSnapshot connection : connections) {
                insert.bind("instance", instanceId).bind("connection", connection.connectionId())
                        .bind("side", connection.side().column()).bind("owner", connection.ownerId())
                        .bind("bindType", connection.bindType().name()).bind("status", connection.status().name())
                        .bind("localAddr", connection.localAddr()).bind("remoteAddr", connection.remoteAddr())
                        .bind("inflight", connection.inflightCount()).bind("queue", connection.queueCount())
                        .bind("connected", connection.connected()).bind("systemType", connection.systemType())
                        .bind("lastError", column(connection.lastError(), LAST_ERROR_LENGTH))
                        .bind("nextAttempt", connection.nextAttempt())
                        .add();
            }
            insert.execute();
        });
    }

    /** The width of {@code live_connections.last_error}. */
    static final int LAST_ERROR_LENGTH = 255;

    /** A text cut to its column's width (a TLS failure's reason can be long). */
    private static String column(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 3) + "...";
    }

    @Override
    public List<InstanceConnection> connectionsOfOthers(String instanceId, long aliveSince) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT c.*, i.host FROM live_connections c"
                        + " JOIN gateway_instances i ON i.id = c.instance_id"
                        + " WHERE c.instance_id <> :self AND i.heartbeat >= :since")
                .bind("self", instanceId).bind("since", aliveSince)
                .map((rows, context) -> connection(rows)).list());
    }

    private static InstanceConnection connection(ResultSet rows) throws SQLException {
        ConnectionSnapshot connection = ConnectionSnapshot.builder(ConnectionSide.ofColumn(rows.getString("side")),
                        rows.getLong("owner_id"))
                .bindType(BindType.valueOf(rows.getString("bind_type")))
                .status(SessionState.valueOf(rows.getString("status")))
                .connectionId(rows.getString("connection_id"))
                .localAddr(rows.getString("local_addr"))
                .remoteAddr(rows.getString("remote_addr"))
                .inflightCount(rows.getInt("inflight_count"))
                .queueCount(rows.getInt("queue_count"))
                .connected(rows.getLong("connected"))
                .systemType(rows.getString("system_type"))
                .lastError(rows.getString("last_error"))
                .nextAttempt(rows.getLong("next_attempt"))
                .build();
        return new InstanceConnection(rows.getString("instance_id"), rows.getString("host"), connection);
    }

    @Override
    public void leave(String instanceId) {
        jdbi.useTransaction(handle -> removeInstance(handle, instanceId));
    }

    private static void removeInstance(Handle handle, String instanceId) {
        handle.createUpdate("DELETE FROM esme_binds WHERE instance_id = :id").bind("id", instanceId).execute();
        handle.createUpdate("DELETE FROM live_connections WHERE instance_id = :id").bind("id", instanceId).execute();
        handle.createUpdate("DELETE FROM gateway_instances WHERE id = :id").bind("id", instanceId).execute();
    }
}
