package io.smppgateway.persistence.outbound;

import io.smppgateway.persistence.FieldErrors;
import io.smppgateway.persistence.MessageStatus;
import io.smppgateway.persistence.PersistenceException;
import io.smppgateway.persistence.ValidationException;
import io.smppgateway.persistence.batch.GroupCommitQueue;
import io.smppgateway.persistence.batch.QueryRunner;
import io.smppgateway.persistence.batch.QueuedWork;
import io.smppgateway.persistence.batch.WorkKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * {@link OutboundTracking} on the {@code outbound_segments} table. Accepts, sent marks, receipt
 * lookups and final marks go through the {@link GroupCommitQueue}, routed by message id so that the
 * steps of one message stay in order; other reads go through the {@link QueryRunner}. Obtain it
 * from {@code Database.outbound()}.
 */
public final class JdbiOutboundTracking implements OutboundTracking {

    static final String COLUMNS = "id, msg_id, part_number, total_parts, reference, smsc_id, data_coding, status,"
            + " err_code, gateway_msg_id, gateway_key, acpt_time, sent_time, smsc_time, dlr_time";
    private static final int IN_LIST_CHUNK = 500;
    private static final long FIRST_RETRY_MILLIS = 10;
    private static final long MAX_RETRY_MILLIS = 500;

    private final GroupCommitQueue writes;
    private final QueryRunner queries;
    private final ScheduledExecutorService scheduler;
    private final long lookupWindowNanos;

    public JdbiOutboundTracking(GroupCommitQueue writes, QueryRunner queries, ScheduledExecutorService scheduler,
                                Duration receiptLookupWindow) {
        this.writes = writes;
        this.queries = queries;
        this.scheduler = scheduler;
        this.lookupWindowNanos = receiptLookupWindow.toNanos();
    }

    @Override
    public CompletableFuture<AcceptResult> accept(OutboundSegment segment) {
        return acceptAll(java.util.Collections.singletonList(segment)).thenApply(results -> results.get(0));
    }

    @Override
    public CompletableFuture<List<AcceptResult>> acceptAll(List<OutboundSegment> segments) {
        if (segments == null || segments.isEmpty() || segments.stream().anyMatch(java.util.Objects::isNull)) {
            return CompletableFuture.failedFuture(new ValidationException("outbound segments",
                    Map.of("segments", "at least one segment, none null")));
        }
        return writes.submit(segments.get(0).msgId(), new AcceptWork(List.copyOf(segments)));
    }

    @Override
    public CompletableFuture<Boolean> markSent(String msgId, int partNumber, String gatewayMsgId, long sentTime,
                                               long smscTime) {
        FieldErrors errors = segmentKeyErrors(msgId, partNumber)
                .requiredText("gateway_msg_id", gatewayMsgId, TrackingLimits.MAX_GATEWAY_MSG_ID)
                .range("sent_time", sentTime, 0, Long.MAX_VALUE)
                .range("smsc_time", smscTime, 0, Long.MAX_VALUE);
        if (!errors.isEmpty()) {
            return failed(errors, "sent mark");
        }
        return writes.submit(msgId, new MarkSentWork(msgId, partNumber, gatewayMsgId.strip(),
                GatewayMessageId.normalise(gatewayMsgId), sentTime, smscTime));
    }

    @Override
    public CompletableFuture<Optional<TrackedSegment>> findByGatewayId(String smscId, String gatewayMsgId) {
        FieldErrors errors = new FieldErrors()
                .requiredText("smsc_id", smscId, OutboundSegment.MAX_SMSC_ID)
                .requiredText("gateway_msg_id", gatewayMsgId, TrackingLimits.MAX_GATEWAY_MSG_ID);
        if (!errors.isEmpty()) {
            return failed(errors, "receipt lookup");
        }
        LookupWork probe = new LookupWork(smscId, GatewayMessageId.candidates(gatewayMsgId));
        CompletableFuture<Optional<TrackedSegment>> result = new CompletableFuture<>();
        lookUp(probe, System.nanoTime() + lookupWindowNanos, FIRST_RETRY_MILLIS, result);
        return result;
    }

    private void lookUp(LookupWork template, long deadline, long delayMillis,
                        CompletableFuture<Optional<TrackedSegment>> result) {
        LookupWork work = new LookupWork(template.smscId, template.candidates);
        writes.submit(work.candidates.get(0), work).whenComplete((found, error) -> {
            if (error != null) {
                result.completeExceptionally(error);
            } else if (found.isPresent() || System.nanoTime() - deadline >= 0) {
                result.complete(found);
            } else {
                try {
                    scheduler.schedule(() -> lookUp(template, deadline, Math.min(delayMillis * 2, MAX_RETRY_MILLIS), result),
                            delayMillis, TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException closed) {
                    result.completeExceptionally(new PersistenceException("outbound tracking is closed"));
                }
            }
        });
    }

    @Override
    public CompletableFuture<Boolean> markFinal(String msgId, int partNumber, MessageStatus status, int errCode,
                                                long dlrTime) {
        FieldErrors errors = segmentKeyErrors(msgId, partNumber)
                .range("err_code", errCode, 0, Integer.MAX_VALUE)
                .range("dlr_time", dlrTime, 0, Long.MAX_VALUE);
        if (status == null) {
            errors.add("status", "required");
        } else if (!status.isFinal()) {
            errors.add("status", "must be a final status, not '" + status.wireName() + "'");
        }
        if (!errors.isEmpty()) {
            return failed(errors, "final mark");
        }
        return writes.submit(msgId, new MarkFinalWork(msgId, partNumber, status, errCode, dlrTime));
    }

    @Override
    public CompletableFuture<Optional<TrackedSegment>> find(String msgId, int partNumber) {
        FieldErrors errors = segmentKeyErrors(msgId, partNumber);
        if (!errors.isEmpty()) {
            return failed(errors, "segment lookup");
        }
        return queries.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS
                        + " FROM outbound_segments WHERE msg_id = :msg_id AND part_number = :part_number")
                .bind("msg_id", msgId).bind("part_number", partNumber)
                .map(JdbiOutboundTracking::map).findOne());
    }

    @Override
    public CompletableFuture<List<TrackedSegment>> findUnfinishedSentBefore(long cutoffMillis, int limit) {
        if (limit < 1 || limit > 100_000) {
            return failed(new FieldErrors().range("limit", limit, 1, 100_000), "expiry scan");
        }
        return queries.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM outbound_segments"
                        + " WHERE status = :status AND sent_time < :cutoff ORDER BY sent_time LIMIT " + limit)
                .bind("status", MessageStatus.SENT.wireName()).bind("cutoff", cutoffMillis)
                .map(JdbiOutboundTracking::map).list());
    }

    private static FieldErrors segmentKeyErrors(String msgId, int partNumber) {
        return new FieldErrors()
                .requiredText("msg_id", msgId, OutboundSegment.MAX_MSG_ID)
                .range("part_number", partNumber, 1, 255);
    }

    private static <T> CompletableFuture<T> failed(FieldErrors errors, String what) {
        try {
            errors.throwIfAny(what);
        } catch (ValidationException e) {
            return CompletableFuture.failedFuture(e);
        }
        throw new IllegalStateException("no errors to report");
    }

    static TrackedSegment map(ResultSet rs, StatementContext ctx) throws SQLException {
        return new TrackedSegment(rs.getLong("id"), rs.getString("msg_id"), rs.getString("smsc_id"),
                rs.getInt("part_number"), rs.getInt("total_parts"), rs.getInt("reference"), rs.getInt("data_coding"),
                MessageStatus.of(rs.getString("status")), rs.getInt("err_code"), rs.getString("gateway_msg_id"),
                rs.getLong("acpt_time"), rs.getLong("sent_time"), rs.getLong("smsc_time"), rs.getLong("dlr_time"));
    }

    private static String segmentKey(String msgId, int partNumber) {
        return partNumber + ":" + msgId;
    }

    private static boolean updated(int count) {
        // a driver that cannot tell per statement reports SUCCESS_NO_INFO (-2): the statement ran
        return count > 0 || count == java.sql.Statement.SUCCESS_NO_INFO;
    }

    // ---- the message-path work, executed in batches by the group-commit writer ----

    private static final class AcceptWork extends QueuedWork<List<AcceptResult>> {
        final List<OutboundSegment> segments;

        AcceptWork(List<OutboundSegment> segments) {
            this.segments = segments;
        }

        @Override
        protected WorkKind<?> kind() {
            return ACCEPT;
        }

        @Override
        protected int size() {
            return segments.size();
        }
    }

    /** Duplicates are found with one read of the unique index, then the new segments go in as one JDBC batch. */
    private static final WorkKind<AcceptWork> ACCEPT = new WorkKind<>() {
        @Override
        public int phase() {
            return PHASE_INSERT;
        }

        @Override
        public void apply(Handle handle, List<AcceptWork> works) {
            Set<String> msgIds = new HashSet<>();
            for (AcceptWork work : works) {
                for (OutboundSegment segment : work.segments) {
                    msgIds.add(segment.msgId());
                }
            }
            Set<String> tracked = new HashSet<>();
            List<String> ids = new ArrayList<>(msgIds);
            for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK));
                handle.createQuery("SELECT msg_id, part_number FROM outbound_segments WHERE msg_id IN (<ids>)")
                        .bindList("ids", chunk)
                        .map((rs, ctx) -> segmentKey(rs.getString("msg_id"), rs.getInt("part_number")))
                        .forEach(tracked::add);
            }
            PreparedBatch insert = handle.prepareBatch("INSERT INTO outbound_segments (msg_id, part_number,"
                    + " total_parts, reference, smsc_id, data_coding, status, err_code, acpt_time) VALUES (:msg_id,"
                    + " :part_number, :total_parts, :reference, :smsc_id, :data_coding, :status, 0, :acpt_time)");
            int rows = 0;
            for (AcceptWork work : works) {
                List<AcceptResult> results = new ArrayList<>(work.segments.size());
                for (OutboundSegment s : work.segments) {
                    if (!tracked.add(segmentKey(s.msgId(), s.partNumber()))) {
                        results.add(AcceptResult.DUPLICATE);
                        continue;
                    }
                    results.add(AcceptResult.ACCEPTED);
                    insert.bind("msg_id", s.msgId()).bind("part_number", s.partNumber())
                            .bind("total_parts", s.totalParts()).bind("reference", s.reference())
                            .bind("smsc_id", s.smscId()).bind("data_coding", s.dataCoding())
                            .bind("status", MessageStatus.ACCEPTED.wireName()).bind("acpt_time", s.acptTime())
                            .add();
                    rows++;
                }
                work.setResult(List.copyOf(results));
            }
            if (rows > 0) {
                insert.execute();
            }
        }
    };

    private static final class MarkSentWork extends QueuedWork<Boolean> {
        final String msgId;
        final int partNumber;
        final String gatewayMsgId;
        final String gatewayKey;
        final long sentTime;
        final long smscTime;

        MarkSentWork(String msgId, int partNumber, String gatewayMsgId, String gatewayKey, long sentTime, long smscTime) {
            this.msgId = msgId;
            this.partNumber = partNumber;
            this.gatewayMsgId = gatewayMsgId;
            this.gatewayKey = gatewayKey;
            this.sentTime = sentTime;
            this.smscTime = smscTime;
        }

        @Override
        protected WorkKind<?> kind() {
            return MARK_SENT;
        }
    }

    private static final Comparator<MarkSentWork> SENT_ORDER =
            Comparator.comparing((MarkSentWork w) -> w.msgId).thenComparingInt(w -> w.partNumber);

    /** One JDBC batch of updates by the unique key, in key order so that concurrent lanes lock rows alike. */
    private static final WorkKind<MarkSentWork> MARK_SENT = new WorkKind<>() {
        @Override
        public int phase() {
            return PHASE_UPDATE;
        }

        @Override
        public void apply(Handle handle, List<MarkSentWork> works) {
            List<MarkSentWork> sorted = new ArrayList<>(works);
            sorted.sort(SENT_ORDER);
            PreparedBatch update = handle.prepareBatch("UPDATE outbound_segments SET status = 'sent',"
                    + " gateway_msg_id = :gateway_msg_id, gateway_key = :gateway_key, sent_time = :sent_time,"
                    + " smsc_time = :smsc_time WHERE msg_id = :msg_id AND part_number = :part_number"
                    + " AND status IN ('accepted', 'sent')");
            for (MarkSentWork w : sorted) {
                update.bind("gateway_msg_id", w.gatewayMsgId).bind("gateway_key", w.gatewayKey)
                        .bind("sent_time", w.sentTime).bind("smsc_time", w.smscTime)
                        .bind("msg_id", w.msgId).bind("part_number", w.partNumber).add();
            }
            int[] counts = update.execute();
            for (int i = 0; i < sorted.size(); i++) {
                sorted.get(i).setResult(updated(counts[i]));
            }
        }
    };

    private static final class LookupWork extends QueuedWork<Optional<TrackedSegment>> {
        final String smscId;
        final List<String> candidates;

        LookupWork(String smscId, List<String> candidates) {
            this.smscId = smscId;
            this.candidates = candidates;
        }

        @Override
        protected WorkKind<?> kind() {
            return LOOKUP;
        }
    }

    /**
     * All receipt lookups of the batch for one SMSC in one read of the (gateway_key, smsc_id) index;
     * each lookup then takes the row stored under its own form first, else the newest conversion.
     */
    private static final WorkKind<LookupWork> LOOKUP = new WorkKind<>() {
        @Override
        public int phase() {
            return PHASE_LOOKUP;
        }

        @Override
        public void apply(Handle handle, List<LookupWork> works) {
            Map<String, List<LookupWork>> bySmsc = new LinkedHashMap<>();
            for (LookupWork work : works) {
                bySmsc.computeIfAbsent(work.smscId, s -> new ArrayList<>()).add(work);
            }
            for (Map.Entry<String, List<LookupWork>> entry : bySmsc.entrySet()) {
                List<LookupWork> group = entry.getValue();
                for (int from = 0; from < group.size(); from += IN_LIST_CHUNK / 3) {
                    List<LookupWork> chunk = group.subList(from, Math.min(group.size(), from + IN_LIST_CHUNK / 3));
                    Set<String> keys = new HashSet<>();
                    chunk.forEach(w -> keys.addAll(w.candidates));
                    Map<String, List<TrackedSegment>> byKey = new HashMap<>();
                    handle.createQuery("SELECT " + COLUMNS + " FROM outbound_segments"
                                    + " WHERE gateway_key IN (<keys>) AND smsc_id = :smsc_id")
                            .bind("smsc_id", entry.getKey()).bindList("keys", new ArrayList<>(keys))
                            .map((rs, ctx) -> Map.entry(rs.getString("gateway_key"), map(rs, ctx)))
                            .forEach(row -> byKey.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue()));
                    for (LookupWork work : chunk) {
                        work.setResult(pick(work.candidates, byKey));
                    }
                }
            }
        }
    };

    private static Optional<TrackedSegment> pick(List<String> candidates, Map<String, List<TrackedSegment>> byKey) {
        for (String candidate : candidates) {
            List<TrackedSegment> rows = byKey.get(candidate);
            if (rows != null && !rows.isEmpty()) {
                return rows.stream().max(Comparator.comparingLong(TrackedSegment::id));
            }
        }
        return Optional.empty();
    }

    private static final class MarkFinalWork extends QueuedWork<Boolean> {
        final String msgId;
        final int partNumber;
        final MessageStatus status;
        final int errCode;
        final long dlrTime;

        MarkFinalWork(String msgId, int partNumber, MessageStatus status, int errCode, long dlrTime) {
            this.msgId = msgId;
            this.partNumber = partNumber;
            this.status = status;
            this.errCode = errCode;
            this.dlrTime = dlrTime;
        }

        @Override
        protected WorkKind<?> kind() {
            return MARK_FINAL;
        }
    }

    private static final Comparator<MarkFinalWork> FINAL_ORDER =
            Comparator.comparing((MarkFinalWork w) -> w.msgId).thenComparingInt(w -> w.partNumber);

    /** Only a segment without a final status changes: the first final status wins. */
    private static final WorkKind<MarkFinalWork> MARK_FINAL = new WorkKind<>() {
        @Override
        public int phase() {
            return PHASE_FINAL_UPDATE;
        }

        @Override
        public void apply(Handle handle, List<MarkFinalWork> works) {
            List<MarkFinalWork> sorted = new ArrayList<>(works);
            sorted.sort(FINAL_ORDER);
            PreparedBatch update = handle.prepareBatch("UPDATE outbound_segments SET status = :status,"
                    + " err_code = :err_code, dlr_time = :dlr_time WHERE msg_id = :msg_id"
                    + " AND part_number = :part_number AND status IN ('accepted', 'sent')");
            for (MarkFinalWork w : sorted) {
                update.bind("status", w.status.wireName()).bind("err_code", w.errCode).bind("dlr_time", w.dlrTime)
                        .bind("msg_id", w.msgId).bind("part_number", w.partNumber).add();
            }
            int[] counts = update.execute();
            for (int i = 0; i < sorted.size(); i++) {
                sorted.get(i).setResult(updated(counts[i]));
            }
        }
    };
}
