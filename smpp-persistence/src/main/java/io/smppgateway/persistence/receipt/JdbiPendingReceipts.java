package io.smppgateway.persistence.receipt;

import io.smppgateway.store.receipt.PendingReceipt;
import io.smppgateway.store.receipt.PendingReceipts;
import io.smppgateway.store.receipt.PendingReceiptsFullException;
import io.smppgateway.store.receipt.QueuedReceipt;
import io.smppgateway.store.MessageStatus;
import io.smppgateway.store.ValidationException;
import io.smppgateway.persistence.batch.GroupCommitQueue;
import io.smppgateway.persistence.batch.QueryRunner;
import io.smppgateway.persistence.batch.QueuedWork;
import io.smppgateway.persistence.batch.WorkKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * {@link PendingReceipts} on {@code pending_receipts}, with the per-client count kept in
 * {@code pending_receipt_counts} in the same transactions. Appends and removals of one client go
 * through the same group-commit lane, so they never race each other. Obtain it from
 * {@code Database.pendingReceipts()}.
 */
public final class JdbiPendingReceipts implements PendingReceipts {

    private final GroupCommitQueue writes;
    private final QueryRunner queries;
    private final int boundPerClient;
    private final WorkKind<AppendWork> appendKind;

    public JdbiPendingReceipts(GroupCommitQueue writes, QueryRunner queries, int boundPerClient) {
        this.writes = writes;
        this.queries = queries;
        this.boundPerClient = boundPerClient;
        this.appendKind = new AppendKind();
    }

    @Override
    public CompletableFuture<Void> append(PendingReceipt receipt) {
        if (receipt == null) {
            return CompletableFuture.failedFuture(new NullPointerException("receipt"));
        }
        return writes.submit(receipt.clientId(), new AppendWork(receipt));
    }

    @Override
    public CompletableFuture<List<QueuedReceipt>> oldest(long clientId, int limit) {
        if (limit < 1 || limit > 100_000) {
            return CompletableFuture.failedFuture(new ValidationException("pending receipts read",
                    Map.of("limit", "must be between 1 and 100000 (got " + limit + ")")));
        }
        return queries.withHandle(handle -> handle.createQuery("SELECT id, client_id, msg_id, status, err_code,"
                        + " done_time FROM pending_receipts WHERE client_id = :client_id ORDER BY id LIMIT " + limit)
                .bind("client_id", clientId)
                .map((rs, ctx) -> new QueuedReceipt(rs.getLong("id"), new PendingReceipt(rs.getLong("client_id"),
                        rs.getString("msg_id"), MessageStatus.of(rs.getString("status")), rs.getInt("err_code"),
                        rs.getLong("done_time"))))
                .list());
    }

    @Override
    public CompletableFuture<Integer> remove(long clientId, List<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return CompletableFuture.completedFuture(0);
        }
        if (ids.size() > 10_000) {
            return CompletableFuture.failedFuture(new ValidationException("pending receipts removal",
                    Map.of("ids", "at most 10000 per call (got " + ids.size() + ")")));
        }
        return writes.submit(clientId, new RemoveWork(clientId, List.copyOf(ids)));
    }

    @Override
    public CompletableFuture<Integer> count(long clientId) {
        return queries.withHandle(handle -> handle.createQuery(
                        "SELECT waiting FROM pending_receipt_counts WHERE client_id = :client_id")
                .bind("client_id", clientId).mapTo(Integer.class).findOne().orElse(0));
    }

    @Override
    public CompletableFuture<Map<Long, Integer>> counts() {
        return queries.withHandle(handle -> {
            Map<Long, Integer> counts = new LinkedHashMap<>();
            handle.createQuery("SELECT client_id, waiting FROM pending_receipt_counts WHERE waiting > 0 ORDER BY client_id")
                    .map((rs, ctx) -> Map.entry(rs.getLong("client_id"), rs.getInt("waiting")))
                    .forEach(entry -> counts.put(entry.getKey(), entry.getValue()));
            return counts;
        });
    }

    @Override
    public CompletableFuture<Boolean> leaseDrain(long clientId, String drainer, long now, long until) {
        return queries.withHandle(handle -> handle.createUpdate("UPDATE pending_receipt_counts"
                        + " SET drainer = :drainer, drain_until = :until WHERE client_id = :client_id"
                        + " AND (drainer IS NULL OR drainer = :drainer OR drain_until < :now)")
                .bind("drainer", drainer).bind("until", until).bind("client_id", clientId).bind("now", now)
                .execute() == 1);
    }

    @Override
    public CompletableFuture<Void> releaseDrain(long clientId, String drainer) {
        return queries.withHandle(handle -> {
            handle.createUpdate("UPDATE pending_receipt_counts SET drainer = NULL, drain_until = 0"
                            + " WHERE client_id = :client_id AND drainer = :drainer")
                    .bind("client_id", clientId).bind("drainer", drainer).execute();
            return null;
        });
    }

    private final class AppendWork extends QueuedWork<Void> {
        final PendingReceipt receipt;

        AppendWork(PendingReceipt receipt) {
            this.receipt = receipt;
        }

        @Override
        protected WorkKind<?> kind() {
            return appendKind;
        }
    }

    /**
     * Per client in the batch: lock its count row, admit as many appends as the bound leaves room
     * for (in arrival order), refuse the rest, then insert the admitted ones as one JDBC batch.
     */
    private final class AppendKind implements WorkKind<AppendWork> {
        @Override
        public int phase() {
            return PHASE_COUNTED_INSERT;
        }

        @Override
        public void apply(Handle handle, List<AppendWork> works) {
            Map<Long, List<AppendWork>> byClient = new LinkedHashMap<>();
            for (AppendWork work : works) {
                byClient.computeIfAbsent(work.receipt.clientId(), c -> new ArrayList<>()).add(work);
            }
            PreparedBatch insert = handle.prepareBatch("INSERT INTO pending_receipts (client_id, msg_id, status,"
                    + " err_code, done_time) VALUES (:client_id, :msg_id, :status, :err_code, :done_time)");
            int rows = 0;
            for (Map.Entry<Long, List<AppendWork>> entry : byClient.entrySet()) {
                long clientId = entry.getKey();
                handle.createUpdate("INSERT IGNORE INTO pending_receipt_counts (client_id, waiting) VALUES (:client_id, 0)")
                        .bind("client_id", clientId).execute();
                int waiting = handle.createQuery("SELECT waiting FROM pending_receipt_counts WHERE client_id = :client_id FOR UPDATE")
                        .bind("client_id", clientId).mapTo(Integer.class).one();
                int room = Math.max(0, boundPerClient - waiting);
                int admitted = 0;
                for (AppendWork work : entry.getValue()) {
                    if (admitted >= room) {
                        work.setRefusal(new PendingReceiptsFullException(clientId, boundPerClient));
                        continue;
                    }
                    PendingReceipt r = work.receipt;
                    insert.bind("client_id", r.clientId()).bind("msg_id", r.msgId()).bind("status", r.status().wireName())
                            .bind("err_code", r.errCode()).bind("done_time", r.doneTime()).add();
                    work.setResult(null);
                    admitted++;
                    rows++;
                }
                if (admitted > 0) {
                    handle.createUpdate("UPDATE pending_receipt_counts SET waiting = waiting + :n WHERE client_id = :client_id")
                            .bind("n", admitted).bind("client_id", clientId).execute();
                }
            }
            if (rows > 0) {
                insert.execute();
            }
        }
    }

    private static final class RemoveWork extends QueuedWork<Integer> {
        final long clientId;
        final List<Long> ids;

        RemoveWork(long clientId, List<Long> ids) {
            this.clientId = clientId;
            this.ids = ids;
        }

        @Override
        protected WorkKind<?> kind() {
            return REMOVE;
        }

        @Override
        protected int size() {
            return ids.size();
        }
    }

    /** Deletes by id within the client and lowers its count by what was really deleted. */
    private static final WorkKind<RemoveWork> REMOVE = new WorkKind<>() {
        @Override
        public int phase() {
            return PHASE_UPDATE;
        }

        @Override
        public void apply(Handle handle, List<RemoveWork> works) {
            for (RemoveWork work : works) {
                handle.createQuery("SELECT waiting FROM pending_receipt_counts WHERE client_id = :client_id FOR UPDATE")
                        .bind("client_id", work.clientId).mapTo(Integer.class).findOne();
                int removed = handle.createUpdate("DELETE FROM pending_receipts WHERE client_id = :client_id AND id IN (<ids>)")
                        .bind("client_id", work.clientId).bindList("ids", work.ids).execute();
                if (removed > 0) {
                    handle.createUpdate("UPDATE pending_receipt_counts SET waiting = waiting - :n WHERE client_id = :client_id")
                            .bind("n", removed).bind("client_id", work.clientId).execute();
                }
                work.setResult(removed);
            }
        }
    };
}
