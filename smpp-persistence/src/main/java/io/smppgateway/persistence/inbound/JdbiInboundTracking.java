package io.smppgateway.persistence.inbound;

import io.smppgateway.store.inbound.InboundTracking;
import io.smppgateway.store.inbound.IssuedMessage;
import io.smppgateway.store.DuplicateException;
import io.smppgateway.persistence.batch.GroupCommitQueue;
import io.smppgateway.persistence.batch.Placeholders;
import io.smppgateway.persistence.batch.QueryRunner;
import io.smppgateway.persistence.batch.QueuedWork;
import io.smppgateway.persistence.batch.SqlErrors;
import io.smppgateway.persistence.batch.WorkKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;

/** {@link InboundTracking} on the {@code inbound_messages} table. Obtain it from {@code Database.inbound()}. */
public final class JdbiInboundTracking implements InboundTracking {

    private static final String COLUMNS = "msg_id, client_id, submit_time, source_addr, source_ton, source_npi,"
            + " dest_addr, dest_ton, dest_npi, registered_delivery, data_coding, sub, text_start";

    private final GroupCommitQueue writes;
    private final QueryRunner queries;

    public JdbiInboundTracking(GroupCommitQueue writes, QueryRunner queries) {
        this.writes = writes;
        this.queries = queries;
    }

    @Override
    public CompletableFuture<Void> record(IssuedMessage message) {
        if (message == null) {
            return CompletableFuture.failedFuture(new NullPointerException("message"));
        }
        return writes.submit(message.msgId(), new RecordWork(message));
    }

    @Override
    public CompletableFuture<Optional<IssuedMessage>> find(String msgId) {
        if (msgId == null || msgId.isBlank() || msgId.length() > IssuedMessage.MAX_MSG_ID) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return queries.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM inbound_messages WHERE msg_id = :msg_id")
                .bind("msg_id", msgId)
                .map((rs, ctx) -> IssuedMessage.issued(rs.getString("msg_id"), rs.getLong("client_id"))
                        .submittedAt(rs.getLong("submit_time"))
                        .source(rs.getString("source_addr"), rs.getInt("source_ton"), rs.getInt("source_npi"))
                        .destination(rs.getString("dest_addr"), rs.getInt("dest_ton"), rs.getInt("dest_npi"))
                        .registeredDelivery(rs.getInt("registered_delivery")).dataCoding(rs.getInt("data_coding"))
                        .sub(rs.getInt("sub")).textStart(rs.getString("text_start")).build())
                .findOne());
    }

    private static final class RecordWork extends QueuedWork<Void> {
        final IssuedMessage message;

        RecordWork(IssuedMessage message) {
            this.message = message;
        }

        @Override
        protected WorkKind<?> kind() {
            return RECORD;
        }
    }

    /**
     * Multi-row inserts in the repeating shapes of {@link Placeholders}, bound by position on the
     * driver's statement (named binding cost as much client CPU as the rest of the write). A
     * duplicate id fails the batch, which is then retried work by work: the single work that still
     * fails on the unique key is answered {@link DuplicateException}.
     */
    private static final WorkKind<RecordWork> RECORD = new WorkKind<>() {
        private static final int COLUMN_COUNT = 13;

        @Override
        public int phase() {
            return PHASE_INSERT;
        }

        @Override
        public void apply(Handle handle, List<RecordWork> works) throws SQLException {
            Connection connection = handle.getConnection();
            try {
                for (int from = 0, size; from < works.size(); from += size) {
                    size = Placeholders.rowChunk(works.size() - from);
                    insert(connection, works.subList(from, from + size));
                }
            } catch (SQLException e) {
                if (works.size() == 1 && SqlErrors.isDuplicateKey(e)) {
                    throw new DuplicateException("msg_id", works.get(0).message.msgId());
                }
                throw e;
            }
            works.forEach(work -> work.setResult(null));
        }

        private void insert(Connection connection, List<RecordWork> works) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO inbound_messages (" + COLUMNS
                    + ") VALUES " + Placeholders.rows(works.size(), COLUMN_COUNT))) {
                int i = 1;
                for (RecordWork work : works) {
                    IssuedMessage m = work.message;
                    statement.setString(i++, m.msgId());
                    statement.setLong(i++, m.clientId());
                    statement.setLong(i++, m.submitTime());
                    statement.setString(i++, m.sourceAddr());
                    statement.setInt(i++, m.sourceTon());
                    statement.setInt(i++, m.sourceNpi());
                    statement.setString(i++, m.destAddr());
                    statement.setInt(i++, m.destTon());
                    statement.setInt(i++, m.destNpi());
                    statement.setInt(i++, m.registeredDelivery());
                    statement.setInt(i++, m.dataCoding());
                    statement.setInt(i++, m.sub());
                    statement.setString(i++, m.textStart());
                }
                statement.executeUpdate();
            }
        }
    };
}
