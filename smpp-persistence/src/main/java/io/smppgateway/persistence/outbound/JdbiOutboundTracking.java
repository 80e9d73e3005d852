package io.smppgateway.persistence.outbound;

import io.smppgateway.store.outbound.OutboundTracking;
import io.smppgateway.store.outbound.TrackedSegment;
import io.smppgateway.store.FieldErrors;
import io.smppgateway.store.MessageStatus;
import io.smppgateway.store.PersistenceException;
import io.smppgateway.store.ValidationException;
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
 * {@link OutboundTracking} on the {@code outbound_segments} table. Records, segment reads, receipt
 * lookups and final marks go through the {@link GroupCommitQueue}, routed by message id so that the
 * steps of one message stay in order; the expiry scan goes through the {@link QueryRunner}. Obtain it
 * from {@code Database.outbound()}.
 */
public final class JdbiOutboundTracking implements OutboundTracking {

    static final String COLUMNS = "id, msg_id, part_number, total_parts, reference, smsc_id, data_coding, status,"
            + " err_code, gateway_msg_id, gateway_key, acpt_time, sent_time, smsc_time, dlr_time";
    /** Lookups per query: each has up to three candidate keys, and a list takes at most 512. */
    private static final int LOOKUP_CHUNK = Placeholders.MAX_LIST / 3;
    private static final long FIRST_RETRY_MILLIS = 10;
    private static final long MAX_RETRY_MILLIS = 500;
    /** Rows the expiry scan reads per query. */
    private static final int EXPIRY_SCAN_CHUNK = 1_000;

    private final GroupCommitQueue writes;
    private final QueryRunner queries;
    private final RecordKind record;
    private final FindKind find;
    private final LookupKind lookup;
    private final MarkFinalKind markFinal;
    private final ScheduledExecutorService scheduler;
    private final long lookupWindowNanos;
    private final RecentSegments recent;

    public JdbiOutboundTracking(GroupCommitQueue writes, QueryRunner queries, ScheduledExecutorService scheduler,
                                Duration receiptLookupWindow, int recentSegments, SqlDialect dialect) {
        this.writes = writes;
        this.record = new RecordKind(dialect);
        this.find = new FindKind(dialect);
        this.lookup = new LookupKind(dialect);
        this.markFinal = new MarkFinalKind(dialect);
        this.queries = queries;
        this.scheduler = scheduler;
        this.lookupWindowNanos = receiptLookupWindow.toNanos();
        this.recent = new RecentSegments(recentSegments);
    }

    @Override
    public CompletableFuture<Boolean> record(TrackedSegment segment) {
        return recordAll(java.util.Collections.singletonList(segment)).thenApply(results -> results.get(0));
    }

    @Override
    public CompletableFuture<List<Boolean>> recordAll(List<TrackedSegment> segments) {
        if (segments == null || segments.isEmpty() || segments.stream().anyMatch(java.util.Objects::isNull)) {
            return failed(new FieldErrors().add("segments", "at least one segment, none null"), "outbound segments");
        }
        List<TrackedSegment> rows = new ArrayList<>(segments.size());
        for (TrackedSegment segment : segments) {
            FieldErrors errors = recordErrors(segment);
            if (!errors.isEmpty()) {
                return failed(errors, "outbound segment");
            }
            rows.add(segment.gatewayMsgId() == null ? segment : segment.withGatewayMsgId(segment.gatewayMsgId().strip()));
        }
        CompletableFuture<List<Boolean>> stored = writes.submit(rows.get(0).msgId(), new RecordWork(record, rows));
        if (!recent.isOff()) {
            keepRecent(rows, stored);
        }
        return stored;
    }

    /**
     * Notes the rows' records as pending, and keeps the rows that were stored once they are: a
     * receipt lookup waiting for one of them then finds it here when it resumes.
     */
    private void keepRecent(List<TrackedSegment> rows, CompletableFuture<List<Boolean>> stored) {
        List<String> keys = new ArrayList<>(rows.size());
        for (TrackedSegment row : rows) {
            keys.add(row.gatewayMsgId() == null ? null
                    : RecentSegments.lookupKey(row.smscId(), GatewayMessageId.normalise(row.gatewayMsgId())));
        }
        CompletableFuture<Void> settled = stored.handle((results, failure) -> {
            for (int i = 0; failure == null && i < rows.size(); i++) {
                if (keys.get(i) != null && results.get(i)) {
                    recent.recorded(keys.get(i), rows.get(i));
                }
            }
            return null;
        });
        for (String key : keys) {
            if (key != null) {
                recent.recording(key, settled);
            }
        }
    }

    /** The manual's limits, and what a row with an outcome needs: checked before any SQL, never truncated. */
    private static FieldErrors recordErrors(TrackedSegment segment) {
        FieldErrors errors = new FieldErrors()
                .requiredText("msg_id", segment.msgId(), TrackedSegment.MAX_MSG_ID)
                .requiredText("smsc_id", segment.smscId(), TrackedSegment.MAX_SMSC_ID)
                .range("part_number", segment.partNumber(), 1, 255)
                .range("total_parts", segment.totalParts(), 1, 255)
                .range("reference", segment.reference(), 0, 65535)
                .range("data_coding", segment.dataCoding(), 0, 255)
                .range("err_code", segment.errCode(), 0, Integer.MAX_VALUE)
                .range("acpt_time", segment.acptTime(), 0, Long.MAX_VALUE)
                .range("sent_time", segment.sentTime(), 0, Long.MAX_VALUE)
                .range("smsc_time", segment.smscTime(), 0, Long.MAX_VALUE)
                .range("dlr_time", segment.dlrTime(), 0, Long.MAX_VALUE);
        if (!errors.has("part_number") && !errors.has("total_parts") && segment.partNumber() > segment.totalParts()) {
            errors.add("part_number", "must not exceed total_parts (" + segment.partNumber() + " > "
                    + segment.totalParts() + ")");
        }
        MessageStatus status = segment.status();
        if (status == null) {
            errors.add("status", "required");
        } else if (status != MessageStatus.SENT && !status.isFinal()) {
            errors.add("status", "must be sent or a final status, not '" + status.wireName() + "'");
        }
        if (status == MessageStatus.SENT) {
            errors.requiredText("gateway_msg_id", segment.gatewayMsgId(), TrackingLimits.MAX_GATEWAY_MSG_ID);
        } else {
            errors.optionalText("gateway_msg_id", segment.gatewayMsgId(), TrackingLimits.MAX_GATEWAY_MSG_ID);
        }
        return errors;
    }

    @Override
    public CompletableFuture<Optional<TrackedSegment>> findByGatewayId(String smscId, String gatewayMsgId) {
        FieldErrors errors = new FieldErrors()
                .requiredText("smsc_id", smscId, TrackedSegment.MAX_SMSC_ID)
                .requiredText("gateway_msg_id", gatewayMsgId, TrackingLimits.MAX_GATEWAY_MSG_ID);
        if (!errors.isEmpty()) {
            return failed(errors, "receipt lookup");
        }
        LookupWork probe = new LookupWork(lookup, smscId, GatewayMessageId.candidates(gatewayMsgId));
        long deadline = System.nanoTime() + lookupWindowNanos;
        CompletableFuture<Optional<TrackedSegment>> result = new CompletableFuture<>();
        if (recent.isOff()) {
            lookUp(probe, deadline, FIRST_RETRY_MILLIS, result);
            return result;
        }
        // Only the receipt's own form is taken from memory: a row stored under it is the one the
        // database would give too, whereas a conversion found here could hide an exact row stored
        // before this process's memory begins.
        String key = RecentSegments.lookupKey(smscId, probe.candidates.get(0));
        TrackedSegment kept = recent.get(key);
        if (kept != null) {
            return CompletableFuture.completedFuture(Optional.of(kept));
        }
        CompletableFuture<Void> pending = recent.pending(key);
        if (pending == null) {
            lookUp(probe, deadline, FIRST_RETRY_MILLIS, result);
        } else {
            pending.whenComplete((settled, ignored) -> {
                TrackedSegment recorded = recent.get(key);
                if (recorded != null) {
                    result.complete(Optional.of(recorded));
                } else {
                    lookUp(probe, deadline, FIRST_RETRY_MILLIS, result);
                }
            });
        }
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
        CompletableFuture<Boolean> marked = writes.submit(msgId,
                new MarkFinalWork(markFinal, msgId, partNumber, status, errCode, dlrTime));
        if (recent.isOff()) {
            return marked;
        }
        return marked.thenApply(won -> {
            if (won) {
                recent.finalised(msgId, partNumber, status, errCode, dlrTime);
            }
            return won;
        });
    }

    @Override
    public CompletableFuture<Optional<TrackedSegment>> find(String msgId, int partNumber) {
        FieldErrors errors = segmentKeyErrors(msgId, partNumber);
        if (!errors.isEmpty()) {
            return failed(errors, "segment lookup");
        }
        return writes.submit(msgId, new FindWork(find, msgId, partNumber));
    }

    @Override
    public CompletableFuture<List<TrackedSegment>> segments(String msgId) {
        FieldErrors errors = new FieldErrors().requiredText("msg_id", msgId, TrackedSegment.MAX_MSG_ID);
        if (!errors.isEmpty()) {
            return failed(errors, "message lookup");
        }
        return queries.withHandle(handle -> handle.createQuery("SELECT " + COLUMNS + " FROM outbound_segments"
                        + " WHERE msg_id = :msgId ORDER BY part_number")
                .bind("msgId", msgId).map((rs, ctx) -> map(rs)).list());
    }

    @Override
    public CompletableFuture<Optional<TrackedSegment>> findStoredByGatewayId(String smscId, String gatewayMsgId) {
        FieldErrors errors = new FieldErrors()
                .requiredText("smsc_id", smscId, TrackedSegment.MAX_SMSC_ID)
                .requiredText("gateway_msg_id", gatewayMsgId, TrackingLimits.MAX_GATEWAY_MSG_ID);
        if (!errors.isEmpty()) {
            return failed(errors, "gateway id lookup");
        }
        List<String> candidates = GatewayMessageId.candidates(gatewayMsgId);
        return queries.withHandle(handle -> {
            Map<String, List<StoredSegment>> byKey = new HashMap<>();
            handle.createQuery("SELECT " + COLUMNS + " FROM outbound_segments"
                            + " WHERE smsc_id = :smscId AND gateway_key IN (<keys>)")
                    .bind("smscId", smscId).bindList("keys", candidates)
                    .map((rs, ctx) -> {
                        byKey.computeIfAbsent(rs.getString("gateway_key"), k -> new ArrayList<>(1))
                                .add(new StoredSegment(rs.getLong("id"), map(rs)));
                        return Boolean.TRUE;
                    })
                    .list();
            return pick(candidates, byKey);
        });
    }

    @Override
    public CompletableFuture<List<TrackedSegment>> findUnfinishedSentBefore(long cutoffMillis, int limit) {
        if (limit < 1 || limit > 100_000) {
            return failed(new FieldErrors().range("limit", limit, 1, 100_000), "expiry scan");
        }
        return queries.inTransaction(handle -> scanForExpiry(handle, cutoffMillis, limit));
    }

    private static List<TrackedSegment> scanForExpiry(Handle handle, long cutoffMillis, int limit) {
        long from = handle.createQuery("SELECT last_id FROM outbound_expiry_scan WHERE id = 1 FOR UPDATE")
                .mapTo(Long.class).one();
        long passed = from;
        List<TrackedSegment> due = new ArrayList<>();
        scan:
        while (true) {
            List<StoredSegment> stored = handle.createQuery("SELECT " + COLUMNS + " FROM outbound_segments"
                            + " WHERE id > :from ORDER BY id LIMIT " + EXPIRY_SCAN_CHUNK)
                    .bind("from", from).map((rs, ctx) -> new StoredSegment(rs.getLong("id"), map(rs))).list();
            for (StoredSegment each : stored) {
                TrackedSegment row = each.segment();
                if (row.sentTime() >= cutoffMillis) {
                    break scan;
                }
                if (row.status() == MessageStatus.SENT) {
                    due.add(row);
                    if (due.size() == limit) {
                        break scan;
                    }
                } else if (due.isEmpty()) {
                    passed = each.id();
                }
            }
            if (stored.size() < EXPIRY_SCAN_CHUNK) {
                break;
            }
            from = stored.get(stored.size() - 1).id();
        }
        handle.createUpdate("UPDATE outbound_expiry_scan SET last_id = :passed WHERE id = 1 AND last_id < :passed")
                .bind("passed", passed).execute();
        return due;
    }

    private static FieldErrors segmentKeyErrors(String msgId, int partNumber) {
        return new FieldErrors()
                .requiredText("msg_id", msgId, TrackedSegment.MAX_MSG_ID)
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

    /** A segment read with its primary key, where the order of rows matters. */
    private record StoredSegment(long id, TrackedSegment segment) {
    }

    /** A row read with {@link #COLUMNS}, by column name. */
    static TrackedSegment map(ResultSet rs) throws SQLException {
        return TrackedSegment.accepted(rs.getString("msg_id"), rs.getString("smsc_id"))
                .part(rs.getInt("part_number"), rs.getInt("total_parts"), rs.getInt("reference"))
                .dataCoding(rs.getInt("data_coding"))
                .status(MessageStatus.of(rs.getString("status")), rs.getInt("err_code"))
                .gatewayMsgId(rs.getString("gateway_msg_id"))
                .acceptedAt(rs.getLong("acpt_time"))
                .sentAt(rs.getLong("sent_time"), rs.getLong("smsc_time"))
                .settledAt(rs.getLong("dlr_time"))
                .build();
    }

    static String segmentKey(String msgId, int partNumber) {
        return partNumber + ":" + msgId;
    }

    // ---- the message-path work, executed in batches by the group-commit writer ----

    private static final class RecordWork extends QueuedWork<List<Boolean>> {
        final WorkKind<RecordWork> kind;
        final List<TrackedSegment> segments;

        RecordWork(WorkKind<RecordWork> kind, List<TrackedSegment> segments) {
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
     * The batch's new rows go in as multi-row inserts. A segment recorded twice is rare (a copy of
     * an SMS_OUT submitted again after its session was lost, or by another process), so the unique
     * index is not read first: only an insert that fails on it (the failed statement is rolled
     * back, the transaction goes on) reads which of its segments are already tracked, and inserts
     * the others.
     */
    private static final class RecordKind implements WorkKind<RecordWork> {
        private static final String INSERT = "INSERT INTO outbound_segments (msg_id, part_number, total_parts,"
                + " reference, smsc_id, data_coding, status, err_code, gateway_msg_id, gateway_key, acpt_time,"
                + " sent_time, smsc_time, dlr_time) VALUES ";
        private static final int INSERT_COLUMNS = 14;
        private final SegmentsByMsgId tracked;

        RecordKind(SqlDialect dialect) {
            this.tracked = new SegmentsByMsgId("SELECT msg_id, part_number FROM outbound_segments "
                    + dialect.forceIndex("uq_outbound_msg") + " WHERE msg_id IN (", ")");
        }

        @Override
        public int phase() {
            return PHASE_INSERT;
        }

        @Override
        public void apply(Handle handle, List<RecordWork> works) throws SQLException {
            Connection connection = handle.getConnection();
            Set<String> inBatch = new HashSet<>();
            List<TrackedSegment> fresh = new ArrayList<>();
            for (RecordWork work : works) {
                for (TrackedSegment s : work.segments) {
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
            for (RecordWork work : works) {
                List<Boolean> results = new ArrayList<>(work.segments.size());
                for (TrackedSegment s : work.segments) {
                    // the first copy in the batch took the key out of the set; later copies are duplicates
                    results.add(inserted.remove(segmentKey(s.msgId(), s.partNumber())));
                }
                work.setResult(List.copyOf(results));
            }
        }

        /** Inserts the segments that are not tracked yet and adds their keys to {@code inserted}. */
        private void insertNew(Connection connection, List<TrackedSegment> segments, Set<String> inserted)
                throws SQLException {
            try {
                insert(connection, segments);
            } catch (SQLException e) {
                if (!SqlErrors.isDuplicateKey(e)) {
                    throw e;
                }
                Set<String> tracked = trackedOf(connection, segments);
                List<TrackedSegment> untracked = segments.stream()
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
        private Set<String> trackedOf(Connection connection, List<TrackedSegment> segments) throws SQLException {
            Set<String> keys = new HashSet<>();
            tracked.read(connection, segments.stream().map(TrackedSegment::msgId).toList(),
                    row -> keys.add(segmentKey(row.getString(1), row.getInt(2))));
            return keys;
        }

        private static void insert(Connection connection, List<TrackedSegment> segments) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(
                    INSERT + Placeholders.rows(segments.size(), INSERT_COLUMNS))) {
                int i = 1;
                for (TrackedSegment s : segments) {
                    statement.setString(i++, s.msgId());
                    statement.setInt(i++, s.partNumber());
                    statement.setInt(i++, s.totalParts());
                    statement.setInt(i++, s.reference());
                    statement.setString(i++, s.smscId());
                    statement.setInt(i++, s.dataCoding());
                    statement.setString(i++, s.status().wireName());
                    statement.setInt(i++, s.errCode());
                    statement.setString(i++, s.gatewayMsgId());
                    statement.setString(i++, s.gatewayMsgId() == null ? null : GatewayMessageId.normalise(s.gatewayMsgId()));
                    statement.setLong(i++, s.acptTime());
                    statement.setLong(i++, s.sentTime());
                    statement.setLong(i++, s.smscTime());
                    statement.setLong(i++, s.dlrTime());
                }
                statement.executeUpdate();
            }
        }
    }

    private static final class FindWork extends QueuedWork<Optional<TrackedSegment>> {
        final FindKind kind;
        final String msgId;
        final int partNumber;

        FindWork(FindKind kind, String msgId, int partNumber) {
            this.kind = kind;
            this.msgId = msgId;
            this.partNumber = partNumber;
        }

        @Override
        protected WorkKind<?> kind() {
            return kind;
        }
    }

    /** The batch's segment reads in {@code IN} queries of the unique {@code (msg_id, part_number)} index. */
    private static final class FindKind implements WorkKind<FindWork> {
        private final SegmentsByMsgId segments;

        FindKind(SqlDialect dialect) {
            this.segments = new SegmentsByMsgId("SELECT " + COLUMNS + " FROM outbound_segments "
                    + dialect.forceIndex("uq_outbound_msg") + " WHERE msg_id IN (", ")");
        }

        @Override
        public int phase() {
            return PHASE_LOOKUP;
        }

        @Override
        public void apply(Handle handle, List<FindWork> works) throws SQLException {
            Connection connection = handle.getConnection();
            Map<String, TrackedSegment> rows = new HashMap<>(works.size() * 2);
            segments.read(connection, works.stream().map(w -> w.msgId).toList(), rs -> {
                TrackedSegment row = map(rs);
                rows.put(segmentKey(row.msgId(), row.partNumber()), row);
            });
            for (FindWork work : works) {
                work.setResult(Optional.ofNullable(rows.get(segmentKey(work.msgId, work.partNumber))));
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

        /** The SMSC holds a receipt slot until it is answered. */
        @Override
        public boolean urgent() {
            return true;
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
                    Map<String, List<StoredSegment>> byKey = new HashMap<>();
                    try (PreparedStatement statement = connection.prepareStatement(
                            select + Placeholders.list(size) + ")")) {
                        statement.setString(1, entry.getKey());
                        Placeholders.bindPadded(statement, 2, new ArrayList<>(keys), size);
                        try (ResultSet rs = statement.executeQuery()) {
                            while (rs.next()) {
                                byKey.computeIfAbsent(rs.getString("gateway_key"), k -> new ArrayList<>(1))
                                        .add(new StoredSegment(rs.getLong("id"), map(rs)));
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

    private static Optional<TrackedSegment> pick(List<String> candidates, Map<String, List<StoredSegment>> byKey) {
        for (String candidate : candidates) {
            List<StoredSegment> rows = byKey.get(candidate);
            if (rows != null && !rows.isEmpty()) {
                return rows.stream().max(Comparator.comparingLong(StoredSegment::id)).map(StoredSegment::segment);
            }
        }
        return Optional.empty();
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
     * Only a segment without a final status changes: the first final status wins. The batch's
     * segments are read and locked with one {@code IN} query of the unique index, so the decision
     * cannot race with another writer, even one in another process; a second final mark of the
     * same segment in the batch sees the first.
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

        /** The SMSC holds a receipt slot until it is answered. */
        @Override
        public boolean urgent() {
            return true;
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
