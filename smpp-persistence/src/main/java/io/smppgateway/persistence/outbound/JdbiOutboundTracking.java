package io.smppgateway.persistence.outbound;

import io.smppgateway.persistence.FieldErrors;
import io.smppgateway.persistence.MessageStatus;
import io.smppgateway.persistence.PersistenceException;
import io.smppgateway.persistence.ValidationException;
import io.smppgateway.persistence.batch.GroupCommitQueue;
import io.smppgateway.persistence.batch.QueryRunner;
import io.smppgateway.persistence.batch.QueuedWork;
import io.smppgateway.persistence.batch.SqlDialect;
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
    private final AcceptKind accept;
    private final LookupKind lookup;
    private final MarkSentKind markSent;
    private final MarkFinalKind markFinal;
    private final ScheduledExecutorService scheduler;
    private final long lookupWindowNanos;

    public JdbiOutboundTracking(GroupCommitQueue writes, QueryRunner queries, ScheduledExecutorService scheduler,
                                Duration receiptLookupWindow, SqlDialect dialect) {
        this.writes = writes;
        this.accept = new AcceptKind(dialect);
        this.lookup = new LookupKind(dialect);
        this.markSent = new MarkSentKind(dialect);
        this.markFinal = new MarkFinalKind(dialect);
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
        return writes.submit(segments.get(0).msgId(), new AcceptWork(accept, List.copyOf(segments)));
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
        return writes.submit(msgId, new MarkSentWork(markSent, msgId, partNumber, gatewayMsgId.strip(),
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
        LookupWork probe = new LookupWork(lookup, smscId, GatewayMessageId.candidates(gatewayMsgId));
        CompletableFuture<Optional<TrackedSegment>> result = new CompletableFuture<>();
        lookUp(probe, System.nanoTime() + lookupWindowNanos, FIRST_RETRY_MILLIS, result);
        return result;
    }

    private void lookUp(LookupWork template, long deadline, long delayMillis,
                        CompletableFuture<Optional<TrackedSegment>> result) {
        LookupWork work = new LookupWork(lookup, template.smscId, template.candidates);
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
        return writes.submit(msgId, new MarkFinalWork(markFinal, msgId, partNumber, status, errCode, dlrTime));
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

    static String segmentKey(String msgId, int partNumber) {
        return partNumber + ":" + msgId;
    }

    // ---- the message-path work, executed in batches by the group-commit writer ----

    private static final class AcceptWork extends QueuedWork<List<AcceptResult>> {
        final WorkKind<AcceptWork> kind;
        final List<OutboundSegment> segments;

        AcceptWork(WorkKind<AcceptWork> kind, List<OutboundSegment> segments) {
            this.kind = kind;
            this.segments = segments;
        }

        @Override
        protected WorkKind<?> kind() {
            return kind;
        }

        @Override
        protected int size() {
            return segments.size();
        }
    }

    /** Duplicates are found with one read of the unique index, then the new segments go in as one JDBC batch. */
    private static final class AcceptKind implements WorkKind<AcceptWork> {
        private final String select;

        AcceptKind(SqlDialect dialect) {
            this.select = "SELECT msg_id, part_number FROM outbound_segments " + dialect.forceIndex("uq_outbound_msg")
                    + " WHERE msg_id IN (<ids>)";
        }

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
                handle.createQuery(select)
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
    }

    private static final class LookupWork extends QueuedWork<Optional<TrackedSegment>> {
        final LookupKind kind;
        final String smscId;
        final List<String> candidates;

        LookupWork(LookupKind kind, String smscId, List<String> candidates) {
            this.kind = kind;
            this.smscId = smscId;
            this.candidates = candidates;
        }

        @Override
        protected WorkKind<?> kind() {
            return kind;
        }
    }

    /**
     * All receipt lookups of the batch for one SMSC in one read of the (gateway_key, smsc_id) index;
     * each lookup then takes the row stored under its own form first, else the newest conversion.
     */
    private static final class LookupKind implements WorkKind<LookupWork> {
        private final String select;

        LookupKind(SqlDialect dialect) {
            this.select = "SELECT " + COLUMNS + " FROM outbound_segments " + dialect.forceIndex("ix_outbound_key_smsc")
                    + " WHERE gateway_key IN (<keys>) AND smsc_id = :smsc_id";
        }

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
                    handle.createQuery(select)
                            .bind("smsc_id", entry.getKey()).bindList("keys", new ArrayList<>(keys))
                            .map((rs, ctx) -> Map.entry(rs.getString("gateway_key"), map(rs, ctx)))
                            .forEach(row -> byKey.computeIfAbsent(row.getKey(), k -> new ArrayList<>()).add(row.getValue()));
                    for (LookupWork work : chunk) {
                        work.setResult(pick(work.candidates, byKey));
                    }
                }
            }
        }
    }

    private static Optional<TrackedSegment> pick(List<String> candidates, Map<String, List<TrackedSegment>> byKey) {
        for (String candidate : candidates) {
            List<TrackedSegment> rows = byKey.get(candidate);
            if (rows != null && !rows.isEmpty()) {
                return rows.stream().max(Comparator.comparingLong(TrackedSegment::id));
            }
        }
        return Optional.empty();
    }

    private static final class MarkSentWork extends QueuedWork<Boolean> {
        final WorkKind<MarkSentWork> kind;
        final String msgId;
        final int partNumber;
        final String gatewayMsgId;
        final String gatewayKey;
        final long sentTime;
        final long smscTime;

        MarkSentWork(WorkKind<MarkSentWork> kind, String msgId, int partNumber, String gatewayMsgId, String gatewayKey,
                     long sentTime, long smscTime) {
            this.kind = kind;
            this.msgId = msgId;
            this.partNumber = partNumber;
            this.gatewayMsgId = gatewayMsgId;
            this.gatewayKey = gatewayKey;
            this.sentTime = sentTime;
            this.smscTime = smscTime;
        }

        @Override
        protected WorkKind<?> kind() {
            return kind;
        }
    }

    /**
     * The batch's segments are read and locked with one {@code IN} query of the unique index, the
     * outcome of each sent mark is decided on what was read (in submission order, so a later mark
     * of the same segment sees an earlier one), and the rows that change are written by primary key
     * as one statement.
     */
    private static final class MarkSentKind implements WorkKind<MarkSentWork> {
        private final SegmentLocks locks;
        private final String update;

        MarkSentKind(SqlDialect dialect) {
            this.locks = new SegmentLocks(dialect);
            this.update = dialect.updateById("outbound_segments", SegmentLocks.REQUIRED_COLUMNS,
                    List.of("status", "gateway_msg_id", "gateway_key", "sent_time", "smsc_time"));
        }

        @Override
        public int phase() {
            return PHASE_UPDATE;
        }

        @Override
        public void apply(Handle handle, List<MarkSentWork> works) {
            Map<String, LockedSegment> rows = locks.lock(handle, works.stream().map(w -> w.msgId).toList());
            Map<Long, MarkSentWork> changes = new LinkedHashMap<>();
            for (MarkSentWork w : works) {
                LockedSegment row = rows.get(segmentKey(w.msgId, w.partNumber));
                boolean open = row != null && !row.status().isFinal();
                w.setResult(open);
                if (open) {
                    changes.put(row.id(), w);
                }
            }
            if (changes.isEmpty()) {
                return;
            }
            PreparedBatch batch = handle.prepareBatch(update);
            for (Map.Entry<Long, MarkSentWork> change : changes.entrySet()) {
                MarkSentWork w = change.getValue();
                rows.get(segmentKey(w.msgId, w.partNumber)).bindRequired(batch)
                        .bind("status", MessageStatus.SENT.wireName())
                        .bind("gateway_msg_id", w.gatewayMsgId).bind("gateway_key", w.gatewayKey)
                        .bind("sent_time", w.sentTime).bind("smsc_time", w.smscTime).add();
            }
            batch.execute();
        }
    }

    private static final class MarkFinalWork extends QueuedWork<Boolean> {
        final WorkKind<MarkFinalWork> kind;
        final String msgId;
        final int partNumber;
        final MessageStatus status;
        final int errCode;
        final long dlrTime;

        MarkFinalWork(WorkKind<MarkFinalWork> kind, String msgId, int partNumber, MessageStatus status, int errCode,
                      long dlrTime) {
            this.kind = kind;
            this.msgId = msgId;
            this.partNumber = partNumber;
            this.status = status;
            this.errCode = errCode;
            this.dlrTime = dlrTime;
        }

        @Override
        protected WorkKind<?> kind() {
            return kind;
        }
    }

    /**
     * Only a segment without a final status changes: the first final status wins. The segments are
     * read and locked as for sent marks, so the decision cannot race with another writer, even one
     * in another process; a second final mark of the same segment in the batch sees the first.
     */
    private static final class MarkFinalKind implements WorkKind<MarkFinalWork> {
        private final SegmentLocks locks;
        private final String update;

        MarkFinalKind(SqlDialect dialect) {
            this.locks = new SegmentLocks(dialect);
            this.update = dialect.updateById("outbound_segments", SegmentLocks.REQUIRED_COLUMNS,
                    List.of("status", "err_code", "dlr_time"));
        }

        @Override
        public int phase() {
            return PHASE_FINAL_UPDATE;
        }

        @Override
        public void apply(Handle handle, List<MarkFinalWork> works) {
            Map<String, LockedSegment> rows = locks.lock(handle, works.stream().map(w -> w.msgId).toList());
            Set<Long> finalised = new HashSet<>();
            List<MarkFinalWork> changes = new ArrayList<>();
            for (MarkFinalWork w : works) {
                LockedSegment row = rows.get(segmentKey(w.msgId, w.partNumber));
                boolean wins = row != null && !row.status().isFinal() && finalised.add(row.id());
                w.setResult(wins);
                if (wins) {
                    changes.add(w);
                }
            }
            if (changes.isEmpty()) {
                return;
            }
            PreparedBatch batch = handle.prepareBatch(update);
            for (MarkFinalWork w : changes) {
                rows.get(segmentKey(w.msgId, w.partNumber)).bindRequired(batch)
                        .bind("status", w.status.wireName()).bind("err_code", w.errCode)
                        .bind("dlr_time", w.dlrTime).add();
            }
            batch.execute();
        }
    }
}
