package io.smppgateway.persistence.gateway;

import io.smppgateway.store.gateway.Gateway;
import io.smppgateway.store.gateway.GatewayStore;
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

/** {@link GatewayStore} on the {@code gateways} table. Obtain it from {@code Database.gateways()}. */
public final class JdbiGatewayStore implements GatewayStore {

    private static final String COLUMNS = "id, smsc_id, host, port, username, password, system_type, enq_interval,"
            + " src_autodetect, source_ton, source_npi, dst_autodetect, dest_ton, dest_npi, tx_binds, rx_binds,"
            + " trx_binds, window_size, smpp_version, is_gsm7, is_secure, enabled, created, updated";
    private static final String VALUES = ":smsc_id, :host, :port, :username, :password, :system_type, :enq_interval,"
            + " :src_autodetect, :source_ton, :source_npi, :dst_autodetect, :dest_ton, :dest_npi, :tx_binds, :rx_binds,"
            + " :trx_binds, :window_size, :smpp_version, :is_gsm7, :is_secure, :enabled, :created, :updated";

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiGatewayStore(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    @Override
    public Gateway create(Gateway gateway) {
        long now = clock.instant().getEpochSecond();
        try {
            long id = jdbi.inTransaction(handle -> JdbiConfigVersion.raisedWith(handle, bindAll(handle.createUpdate(
                            "INSERT INTO gateways (" + COLUMNS.substring("id, ".length()) + ") VALUES (" + VALUES + ")"),
                            gateway, now, now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one()));
            return gateway.stored(id, now, now);
        } catch (JdbiException e) {
            throw duplicateOr(e, gateway);
        }
    }

    @Override
    public Gateway update(Gateway gateway) {
        long now = clock.instant().getEpochSecond();
        try {
            return jdbi.inTransaction(handle -> {
                Optional<Long> created = handle.createQuery("SELECT created FROM gateways WHERE id = :id FOR UPDATE")
                        .bind("id", gateway.id()).mapTo(Long.class).findOne();
                if (created.isEmpty()) {
                    throw new NotFoundException("gateway", gateway.id());
                }
                bindAll(handle.createUpdate("UPDATE gateways SET smsc_id = :smsc_id, host = :host, port = :port,"
                        + " username = :username, password = :password, system_type = :system_type,"
                        + " enq_interval = :enq_interval, src_autodetect = :src_autodetect, source_ton = :source_ton,"
                        + " source_npi = :source_npi, dst_autodetect = :dst_autodetect, dest_ton = :dest_ton,"
                        + " dest_npi = :dest_npi, tx_binds = :tx_binds, rx_binds = :rx_binds, trx_binds = :trx_binds,"
                        + " window_size = :window_size, smpp_version = :smpp_version, is_gsm7 = :is_gsm7,"
                        + " is_secure = :is_secure, enabled = :enabled, updated = :updated WHERE id = :id"),
                        gateway, created.get(), now)
                        .bind("id", gateway.id())
                        .execute();
                JdbiConfigVersion.raise(handle);
                return gateway.stored(gateway.id(), created.get(), now);
            });
        } catch (JdbiException e) {
            throw duplicateOr(e, gateway);
        }
    }

    @Override
    public void delete(long id) {
        int rows = jdbi.inTransaction(handle -> {
            int deleted = handle.createUpdate("DELETE FROM gateways WHERE id = :id").bind("id", id).execute();
            if (deleted > 0) {
                JdbiConfigVersion.raise(handle);
            }
            return deleted;
        });
        if (rows == 0) {
            throw new NotFoundException("gateway", id);
        }
    }

    @Override
    public Optional<Gateway> find(long id) {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM gateways WHERE id = :id")
                .bind("id", id).map(JdbiGatewayStore::map).findOne());
    }

    @Override
    public Optional<Gateway> findBySmscId(String smscId) {
        if (smscId == null || smscId.length() > Gateway.MAX_SMSC_ID) {
            return Optional.empty();
        }
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM gateways WHERE smsc_id = :smsc_id")
                .bind("smsc_id", smscId).map(JdbiGatewayStore::map).findOne());
    }

    @Override
    public List<Gateway> list() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM gateways ORDER BY id")
                .map(JdbiGatewayStore::map).list());
    }

    private static <S extends SqlStatement<S>> S bindAll(S statement, Gateway g, long created, long updated) {
        return statement.bind("smsc_id", g.smscId()).bind("host", g.host()).bind("port", g.port())
                .bind("username", g.username()).bind("password", g.password()).bind("system_type", g.systemType())
                .bind("enq_interval", g.enqInterval()).bind("src_autodetect", g.srcAutodetect())
                .bind("source_ton", g.sourceTon()).bind("source_npi", g.sourceNpi())
                .bind("dst_autodetect", g.dstAutodetect()).bind("dest_ton", g.destTon()).bind("dest_npi", g.destNpi())
                .bind("tx_binds", g.txBinds()).bind("rx_binds", g.rxBinds()).bind("trx_binds", g.trxBinds())
                .bind("window_size", g.windowSize()).bind("smpp_version", g.smppVersion())
                .bind("is_gsm7", g.gsm7()).bind("is_secure", g.secure()).bind("enabled", g.enabled())
                .bind("created", created).bind("updated", updated);
    }

    private static Gateway map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Gateway(rs.getLong("id"), rs.getString("smsc_id"), rs.getString("host"), rs.getInt("port"),
                rs.getString("username"), rs.getString("password"), rs.getString("system_type"),
                rs.getInt("enq_interval"), rs.getBoolean("src_autodetect"), rs.getInt("source_ton"),
                rs.getInt("source_npi"), rs.getBoolean("dst_autodetect"), rs.getInt("dest_ton"),
                rs.getInt("dest_npi"), rs.getInt("tx_binds"), rs.getInt("rx_binds"), rs.getInt("trx_binds"),
                rs.getInt("window_size"), rs.getString("smpp_version"), rs.getBoolean("is_gsm7"),
                rs.getBoolean("is_secure"), rs.getBoolean("enabled"), rs.getLong("created"), rs.getLong("updated"));
    }

    private static RuntimeException duplicateOr(JdbiException e, Gateway gateway) {
        if (SqlErrors.isDuplicateKey(e)) {
            return new DuplicateException("smsc_id", gateway.smscId());
        }
        return new PersistenceException("gateway store: " + e.getMessage(), e);
    }
}
