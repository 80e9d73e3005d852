package io.smppgateway.persistence.outbound;

import io.smppgateway.persistence.FieldErrors;
import io.smppgateway.persistence.MessageStatus;
import io.smppgateway.persistence.PersistenceException;
import io.smppgateway.persistence.ValidationException;
import io.smppgateway.persistence.batch.GroupCommitQueue;
import io.smppgateway.persistence.batch.QueryRunner;
import io.smppgateway.persistence.batch.QueuedWork;
import io.smppgateway.persistence.batch.SqlDialect;
import io.smppgateway.persistence.batch.SqlErrors;
import io.smppgateway.persistence.batch.WorkKind;
import io.smppgateway.persistence.batch.Placeholders;
import io.smppgateway.persistence.batch.UpdateById;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;

/**
 * {@link OutboundTracking} on the {@code outbound_segments} table. Accepts, sent marks, receipt
 * lookups and final marks go through the {@link GroupCommitQueue}, routed by message id so that the
 * steps of one message stay in order; other reads go through the {@link QueryRunner}. Obtain it
 * from {@code Database.outbound()}.
 */
public final class JdbiOutboundTracking implements OutboundTracking {

    static final String COLUMNS = "id, msg_id, part_number, total_parts, reference, smsc_id, data_coding, status,"
            + " err_code, gateway_msg_id, gateway_key, acpt_time, sent_time, smsc_time, dlr_time";
    /** Lookups per query: each has up to three candidate keys, and a list takes at most 512. */
    private static final int LOOKUP_CHUNK = Placeholders.MAX_LIST / 3;
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
                .map((rs, ctx) -> map(rs)).findOne());
    }

    @Override
    public CompletableFuture<List<TrackedSegment>> findUnfinishedSentBefore(long cutoffMillis, int limit) {
        if (limit < 1 || limit > 100_000) {
            return failed(new FieldErrors().range("limit", limit, 1, 100_000), "expiry scan");
        }
        return queries.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM outbound_segments"
                        + " WHERE status = :status AND sent_time < :cutoff ORDER BY sent_time LIMIT " + limit)
                .bind("status", MessageStatus.SENT.wireName()).bind("cutoff", cutoffMillis)
                .map((rs, ctx) -> map(rs)).list());
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

    /** A row read with {@link #COLUMNS}, by position. */
    static TrackedSegment map(ResultSet rs) throws SQLException {
        return new TrackedSegment(rs.getLong(1), rs.getString(2), rs.getString(6), rs.getInt(3), rs.getInt(4),
                rs.getInt(5), rs.getInt(7), MessageStatus.of(rs.getString(8)), rs.getInt(9), rs.getString(10),
                rs.getLong(12), rs.getLong(13), rs.getLong(14), rs.getLong(15));
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

    /**
     * The batch's new segments go in as multi-row inserts. A redelivered segment is rare, so the
     * unique index is not read first: only an insert that fails on it (the failed statement is
     * rolled back, the transaction goes on) reads which of its segments are already tracked, and
     * inserts the others. A copy inserted by another process at the same time is found the same
     * way, once that process commits.
     */
    private static final class AcceptKind implements WorkKind<AcceptWork> {
        private static final int INSERT_COLUMNS = 8;
        private final String select;

        AcceptKind(SqlDialect dialect) {
            this.select = "SELECT msg_id, part_number FROM outbound_segments " + dialect.forceIndex("uq_outbound_msg")
                    + " WHERE msg_id IN (";
        }

        @Override
        public int phase() {
            return PHASE_INSERT;
        }

        @Override
        public void apply(Handle handle, List<AcceptWork> works) throws SQLException {
            Connection connection = handle.getConnection();
            Set<String> inBatch = new HashSet<>();
            List<OutboundSegment> fresh = new ArrayList<>();
            for (AcceptWork work : works) {
                for (OutboundSegment s : work.segments) {
                    if (inBatch.add(segmentKey(s.msgId(), s.partNumber()))) {
                        fresh.add(s);
                    }
                }
            }
            Set<String> inserted = new HashSet<>();
            for (int from = 0, size; from < fresh.size(); from += size) {
                size = Placeholders.rowChunk(fresh.size() - from);
                insertNew(connection, fresh.subList(from, from + size), inserted);
            }
            for (AcceptWork work : works) {
                List<AcceptResult> results = new ArrayList<>(work.segments.size());
                for (OutboundSegment s : work.segments) {
                    // the first copy in the batch took the key out of the set; later copies are duplicates
                    results.add(inserted.remove(segmentKey(s.msgId(), s.partNumber()))
                            ? AcceptResult.ACCEPTED : AcceptResult.DUPLICATE);
                }
                work.setResult(List.copyOf(results));
            }
        }

        /** Inserts the segments that are not tracked yet and adds their keys to {@code inserted}. */
        private void insertNew(Connection connection, List<OutboundSegment> segments, Set<String> inserted)
                throws SQLException {
            try {
                insert(connection, segments);
            } catch (SQLException e) {
                if (!SqlErrors.isDuplicateKey(e)) {
                    throw e;
                }
                Set<String> tracked = trackedOf(connection, segments);
                List<OutboundSegment> untracked = segments.stream()
                        .filter(s -> !tracked.contains(segmentKey(s.msgId(), s.partNumber()))).toList();
                for (int from = 0, size; from < untracked.size(); from += size) {
                    size = Placeholders.rowChunk(untracked.size() - from);
                    insert(connection, untracked.subList(from, from + size));
                }
                untracked.forEach(s -> inserted.add(segmentKey(s.msgId(), s.partNumber())));
                return;
            }
            segments.forEach(s -> inserted.add(segmentKey(s.msgId(), s.partNumber())));
        }

        /** The keys of these segments' messages that are already stored, read through the unique index. */
        private Set<String> trackedOf(Connection connection, List<OutboundSegment> segments) throws SQLException {
            List<String> ids = segments.stream().map(OutboundSegment::msgId).distinct().toList();
            Set<String> tracked = new HashSet<>();
            for (int from = 0; from < ids.size(); from += Placeholders.MAX_LIST) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + Placeholders.MAX_LIST));
                int size = Placeholders.listSize(chunk.size());
                try (PreparedStatement statement = connection.prepareStatement(
                        select + Placeholders.list(size) + ")")) {
                    Placeholders.bindPadded(statement, 1, chunk, size);
                    try (ResultSet rs = statement.executeQuery()) {
                        while (rs.next()) {
                            tracked.add(segmentKey(rs.getString(1), rs.getInt(2)));
                        }
                    }
                }
            }
            return tracked;
        }

        private static void insert(Connection connection, List<OutboundSegment> segments) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement("INSERT INTO outbound_segments (msg_id,"
                    + " part_number, total_parts, reference, smsc_id, data_coding, status, acpt_time) VALUES "
                    + Placeholders.rows(segments.size(), INSERT_COLUMNS))) {
                int i = 1;
                for (OutboundSegment s : segments) {
                    statement.setString(i++, s.msgId());
                    statement.setInt(i++, s.partNumber());
                    statement.setInt(i++, s.totalParts());
                    statement.setInt(i++, s.reference());
                    statement.setString(i++, s.smscId());
                    statement.setInt(i++, s.dataCoding());
                    statement.setString(i++, MessageStatus.ACCEPTED.wireName());
                    statement.setLong(i++, s.acptTime());
                }
                statement.executeUpdate();
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
                    + " WHERE smsc_id = ? AND gateway_key IN (";
        }

        @Override
        public int phase() {
            return PHASE_LOOKUP;
        }

        @Override
        public void apply(Handle handle, List<LookupWork> works) throws SQLException {
            Connection connection = handle.getConnection();
            Map<String, List<LookupWork>> bySmsc = new LinkedHashMap<>();
            for (LookupWork work : works) {
                bySmsc.computeIfAbsent(work.smscId, s -> new ArrayList<>()).add(work);
            }
            for (Map.Entry<String, List<LookupWork>> entry : bySmsc.entrySet()) {
                List<LookupWork> group = entry.getValue();
                for (int from = 0; from < group.size(); from += LOOKUP_CHUNK) {
                    List<LookupWork> chunk = group.subList(from, Math.min(group.size(), from + LOOKUP_CHUNK));
                    Set<String> keys = new LinkedHashSet<>();
                    chunk.forEach(w -> keys.addAll(w.candidates));
                    int size = Placeholders.listSize(keys.size());
                    Map<String, List<TrackedSegment>> byKey = new HashMap<>();
                    try (PreparedStatement statement = connection.prepareStatement(
                            select + Placeholders.list(size) + ")")) {
                        statement.setString(1, entry.getKey());
                        Placeholders.bindPadded(statement, 2, new ArrayList<>(keys), size);
                        try (ResultSet rs = statement.executeQuery()) {
                            while (rs.next()) {
                                byKey.computeIfAbsent(rs.getString(11), k -> new ArrayList<>(1)).add(map(rs));
                            }
                        }
                    }
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
        private final UpdateById update;

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
        public void apply(Handle handle, List<MarkSentWork> works) throws SQLException {
            Connection connection = handle.getConnection();
            Map<String, LockedSegment> rows = locks.lock(connection, works.stream().map(w -> w.msgId).toList());
            Map<Long, SentChange> changes = new LinkedHashMap<>();
            for (MarkSentWork w : works) {
                LockedSegment row = rows.get(segmentKey(w.msgId, w.partNumber));
                boolean open = row != null && !row.status().isFinal();
                w.setResult(open);
                if (open) {
                    changes.put(row.id(), new SentChange(row, w));
                }
            }
            update.execute(connection, new ArrayList<>(changes.values()));
        }
    }

    /** A sent mark that changes its row: status, both forms of the gateway id, the two times. */
    private record SentChange(LockedSegment row, MarkSentWork mark) implements UpdateById.Row {
        @Override
        public long id() {
            return row.id();
        }

        @Override
        public int bindRequired(PreparedStatement statement, int first) throws SQLException {
            return row.bindRequired(statement, first);
        }

        @Override
        public int bindChanged(PreparedStatement statement, int first) throws SQLException {
            statement.setString(first, MessageStatus.SENT.wireName());
            statement.setString(first + 1, mark.gatewayMsgId);
            statement.setString(first + 2, mark.gatewayKey);
            statement.setLong(first + 3, mark.sentTime);
            statement.setLong(first + 4, mark.smscTime);
            return first + 5;
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
        private final UpdateById update;

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
        public void apply(Handle handle, List<MarkFinalWork> works) throws SQLException {
            Connection connection = handle.getConnection();
            Map<String, LockedSegment> rows = locks.lock(connection, works.stream().map(w -> w.msgId).toList());
            Set<Long> finalised = new HashSet<>();
            List<FinalChange> changes = new ArrayList<>();
            for (MarkFinalWork w : works) {
                LockedSegment row = rows.get(segmentKey(w.msgId, w.partNumber));
                boolean wins = row != null && !row.status().isFinal() && finalised.add(row.id());
                w.setResult(wins);
                if (wins) {
                    changes.add(new FinalChange(row, w));
                }
            }
            update.execute(connection, changes);
        }
    }

    /** A final mark that wins: status, error code, receipt time. */
    private record FinalChange(LockedSegment row, MarkFinalWork mark) implements UpdateById.Row {
        @Override
        public long id() {
            return row.id();
        }

        @Override
        public int bindRequired(PreparedStatement statement, int first) throws SQLException {
            return row.bindRequired(statement, first);
        }

        @Override
        public int bindChanged(PreparedStatement statement, int first) throws SQLException {
            statement.setString(first, mark.status.wireName());
            statement.setInt(first + 1, mark.errCode);
            statement.setLong(first + 2, mark.dlrTime);
            return first + 3;
        }
    }
}
