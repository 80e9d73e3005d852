package io.smppgateway.persistence.client;

import io.smppgateway.store.client.Client;
import io.smppgateway.store.client.ClientStore;
import io.smppgateway.store.DuplicateException;
import io.smppgateway.store.NotFoundException;
import io.smppgateway.store.PersistenceException;
import io.smppgateway.persistence.batch.SqlErrors;
import io.smppgateway.persistence.config.JdbiConfigVersion;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/** {@link ClientStore} on the {@code clients} table. Obtain it from {@code Database.clients()}. */
public final class JdbiClientStore implements ClientStore {

    private static final String COLUMNS = "id, username, password, allow_ip, throughput, binds, enabled, created, updated";

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiClientStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Client create(Client client) {
        long now = clock.instant().getEpochSecond();
        try {
            long id = jdbi.inTransaction(handle -> JdbiConfigVersion.raisedWith(handle, bindAll(handle.createUpdate(
                            "INSERT INTO clients (username, password, allow_ip, throughput, binds, enabled, created, updated)"
                                    + " VALUES (:username, :password, :allow_ip, :throughput, :binds, :enabled, :created, :updated)"),
                            client, now, now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
            return client.stored(id, now, now);
        } catch (JdbiException e) {
            throw duplicateOr(e, client);
        }
    }

    @Override
    public Client update(Client client) {
        long now = clock.instant().getEpochSecond();
        try {
            return jdbi.inTransaction(handle -> {
                Optional<Long> created = handle.createQuery("SELECT created FROM clients WHERE id = :id FOR UPDATE")
                        .bind("id", client.id()).mapTo(Long.class).findOne();
                if (created.isEmpty()) {
                    throw new NotFoundException("client", client.id());
                }
                bindAll(handle.createUpdate("UPDATE clients SET username = :username, password = :password,"
                        + " allow_ip = :allow_ip, throughput = :throughput, binds = :binds, enabled = :enabled,"
                        + " updated = :updated WHERE id = :id"), client, created.get(), now)
                        .bind("id", client.id())
                        .execute();
                JdbiConfigVersion.raise(handle);
                return client.stored(client.id(), created.get(), now);
            });
        } catch (JdbiException e) {
            throw duplicateOr(e, client);
        }
    }

    @Override
    public void delete(long id) {
        int rows = jdbi.inTransaction(handle -> {
            int deleted = handle.createUpdate("DELETE FROM clients WHERE id = :id").bind("id", id).execute();
            if (deleted > 0) {
                JdbiConfigVersion.raise(handle);
            }
            return deleted;
        });
        if (rows == 0) {
            throw new NotFoundException("client", id);
        }
    }

    @Override
    public Optional<Client> find(long id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM clients WHERE id = :id")
                .bind("id", id).map(JdbiClientStore::map).findOne());
    }

    @Override
    public Optional<Client> findByUsername(String username) {
        if (username == null || username.length() > Client.MAX_USERNAME) {
            return Optional.empty();
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM clients WHERE username = :username")
                .bind("username", username).map(JdbiClientStore::map).findOne());
    }

    @Override
    public List<Client> list() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM clients ORDER BY id")
                .map(JdbiClientStore::map).list());
    }

    private static <S extends SqlStatement<S>> S bindAll(S statement, Client c, long created, long updated) {
        return statement.bind("username", c.username()).bind("password", c.password()).bind("allow_ip", c.allowIp())
                .bind("throughput", c.throughput()).bind("binds", c.binds()).bind("enabled", c.enabled())
                .bind("created", created).bind("updated", updated);
    }

    private static Client map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Client(rs.getLong("id"), rs.getString("username"), rs.getString("password"),
                rs.getString("allow_ip"), rs.getInt("throughput"), rs.getInt("binds"), rs.getBoolean("enabled"),
                rs.getLong("created"), rs.getLong("updated"));
    }

    private static RuntimeException duplicateOr(JdbiException e, Client client) {
        if (SqlErrors.isDuplicateKey(e)) {
            return new DuplicateException("username", client.username());
        }
        return new PersistenceException("client store: " + e.getMessage(), e);
    }
}
