package io.smppgateway.persistence.retention;

import io.smppgateway.persistence.batch.QueryRunner;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link Retention} by batches: each batch reads up to {@code batchSize} old keys (outbound
 * segments from the head of the primary key, inbound messages through their time index) and
 * deletes them by primary key in its own short transaction, so locks are held for one
 * small batch at a time and writers interleave between batches. Obtain it from
 * {@code Database.retention()}.
 */
public final class JdbiRetention implements Retention {

    private final Jdbi jdbi;
    private final QueryRunner queries;
    private final Clock clock;
    private final Duration retention;
    private final int batchSize;

    public JdbiRetention(Jdbi jdbi, QueryRunner queries, Clock clock, Duration retention, int batchSize) {
        this.jdbi = jdbi;
        this.queries = queries;
        this.clock = clock;
        this.retention = retention;
        this.batchSize = batchSize;
    }

    @Override
    public CompletableFuture<PurgeReport> purge() {
        return purgeOlderThan(clock.millis() - retention.toMillis());
    }

    @Override
    public CompletableFuture<PurgeReport> purgeOlderThan(long cutoffMillis) {
        return queries.supply(() -> purgeNow(cutoffMillis));
    }

    private PurgeReport purgeNow(long cutoffMillis) {
        long outbound = 0;
        long inbound = 0;
        int transactions = 0;
        while (true) {
            int deleted = jdbi.inTransaction(handle -> deleteOutbound(handle, cutoffMillis));
            transactions++;
            outbound += deleted;
            if (deleted < batchSize) {
                break;
            }
        }
        while (true) {
            int deleted = jdbi.inTransaction(handle -> deleteInbound(handle, cutoffMillis));
            transactions++;
            inbound += deleted;
            if (deleted < batchSize) {
                break;
            }
        }
        return new PurgeReport(outbound, inbound, transactions);
    }

    /**
     * Segments are recorded in the order they are sent, so the old ones are at the head of the
     * primary key: the batch is the head's rows up to the first one that is not old enough. A row
     * recorded out of order (a slow submit_sm_resp) goes once the rows before it have gone.
     */
    private int deleteOutbound(Handle handle, long cutoffMillis) {
        List<Long> ids = new ArrayList<>();
        for (long[] row : handle.createQuery("SELECT id, acpt_time FROM outbound_segments ORDER BY id LIMIT "
                + batchSize).map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).list()) {
            if (row[1] >= cutoffMillis) {
                break;
            }
            ids.add(row[0]);
        }
        if (ids.isEmpty()) {
            return 0;
        }
        return handle.createUpdate("DELETE FROM outbound_segments WHERE id IN (<ids>)").bindList("ids", ids).execute();
    }

    private int deleteInbound(Handle handle, long cutoffMillis) {
        List<String> ids = handle.createQuery("SELECT msg_id FROM inbound_messages WHERE submit_time < :cutoff"
                        + " ORDER BY submit_time LIMIT " + batchSize)
                .bind("cutoff", cutoffMillis).mapTo(String.class).list();
        if (ids.isEmpty()) {
            return 0;
        }
        return handle.createUpdate("DELETE FROM inbound_messages WHERE msg_id IN (<ids>)").bindList("ids", ids).execute();
    }
}
