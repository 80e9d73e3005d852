package io.smppgateway.persistence.inbound;

import io.smppgateway.persistence.DuplicateException;
import io.smppgateway.persistence.batch.GroupCommitQueue;
import io.smppgateway.persistence.batch.QueryRunner;
import io.smppgateway.persistence.batch.QueuedWork;
import io.smppgateway.persistence.batch.SqlErrors;
import io.smppgateway.persistence.batch.WorkKind;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.PreparedBatch;

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
                .map((rs, ctx) -> new IssuedMessage(rs.getString("msg_id"), rs.getLong("client_id"),
                        rs.getLong("submit_time"), rs.getString("source_addr"), rs.getInt("source_ton"),
                        rs.getInt("source_npi"), rs.getString("dest_addr"), rs.getInt("dest_ton"),
                        rs.getInt("dest_npi"), rs.getInt("registered_delivery"), rs.getInt("data_coding"),
                        rs.getInt("sub"), rs.getString("text_start")))
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

    /** One JDBC batch insert; a duplicate id fails the batch, which is then retried work by work. */
    private static final WorkKind<RecordWork> RECORD = new WorkKind<>() {
        @Override
        public int phase() {
            return PHASE_INSERT;
        }

        @Override
        public void apply(Handle handle, List<RecordWork> works) {
            PreparedBatch insert = handle.prepareBatch("INSERT INTO inbound_messages (" + COLUMNS + ") VALUES ("
                    + ":msg_id, :client_id, :submit_time, :source_addr, :source_ton, :source_npi, :dest_addr,"
                    + " :dest_ton, :dest_npi, :registered_delivery, :data_coding, :sub, :text_start)");
            for (RecordWork work : works) {
                IssuedMessage m = work.message;
                insert.bind("msg_id", m.msgId()).bind("client_id", m.clientId()).bind("submit_time", m.submitTime())
                        .bind("source_addr", m.sourceAddr()).bind("source_ton", m.sourceTon())
                        .bind("source_npi", m.sourceNpi()).bind("dest_addr", m.destAddr())
                        .bind("dest_ton", m.destTon()).bind("dest_npi", m.destNpi())
                        .bind("registered_delivery", m.registeredDelivery()).bind("data_coding", m.dataCoding())
                        .bind("sub", m.sub()).bind("text_start", m.textStart()).add();
                work.setResult(null);
            }
            try {
                insert.execute();
            } catch (JdbiException e) {
                if (works.size() == 1 && SqlErrors.isDuplicateKey(e)) {
                    throw new DuplicateException("msg_id", works.get(0).message.msgId());
                }
                throw e;
            }
        }
    };
}
