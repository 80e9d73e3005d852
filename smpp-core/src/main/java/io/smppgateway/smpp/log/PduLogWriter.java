package io.smppgateway.smpp.log;

import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.session.PduDirection;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SmppSession;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the PDU logs: one file per day per SMSC and per ESME, each PDU as {@link PduLogFormat}
 * renders it, without ever slowing SMPP traffic down. The sessions' event loops only put the PDU's
 * octets on a bounded queue; one writer thread renders and appends. When the queue is full (a disk
 * slower than the traffic), entries are dropped, counted, and a warning line says how many: the log
 * loses lines, the SMSC and ESME sessions lose nothing.
 *
 * <p>The queue is bounded twice, by entries and by the octets they hold, so its memory stays
 * below {@code maxQueuedBytes} plus the entries' small overhead. Files are kept open while in use
 * (at most {@link #MAX_OPEN_FILES}) and flushed whenever the queue runs empty, so a line reaches
 * the file within about a second. A new day starts new files by itself: the day is part of the path.
 *
 * <p>A disk that refuses the entries (full, read-only, gone) does not stop the traffic either: the
 * entries are dropped and counted ({@link #failed()}), one warning says so when it starts, and the
 * files are opened again with the next entries; the first entries written again bring one line
 * saying how many were dropped meanwhile. The bytes go through a {@link PduLogOutput}.
 *
 * <p>An ESME's bind arrives before it is known who it is: its entries wait (a few per session)
 * until the bind succeeds, then go to the ESME's file in order; a connection that never binds is
 * not logged.
 *
 * <p>A {@code GatewayEngine} started with PDU log folders creates one and attaches it to the ESME
 * server and every SMSC session. Its warnings name the daemon's metric ({@code pdu_log_dropped})
 * and setting ({@code SMPP_PDU_LOG_MAX_FILE_MB}), where the operators of the daemon look; a host
 * that embeds the engine reads the same counters from {@link #dropped()}, {@link #failed()} and
 * {@link #overLimit()}.
 */
public final class PduLogWriter implements AutoCloseable {

    public static final int MAX_OPEN_FILES = 128;
    /** The default most bytes one peer's log file may hold in a day. */
    public static final long DEFAULT_MAX_FILE_BYTES = 1L << 30;
    /** Full files remembered, so that each is warned about once. */
    private static final int FULL_FILES_KEPT = 10_000;

    private static final Logger log = LoggerFactory.getLogger(PduLogWriter.class);
    private static final long IDLE_FILE_MILLIS = 60_000;
    private static final long UNRESOLVED_MILLIS = 60_000;
    private static final int UNRESOLVED_PER_SESSION = 16;
    private static final int UNRESOLVED_SESSIONS = 1_000;
    private static final long DROP_WARNING_MILLIS = 10_000;
    private static final int TEXT_CAPACITY = 8_192;
    /**
     * After writing fewer entries than this at once, the writer lets the next ones gather for
     * {@link #GATHER_MILLIS} (the queue takes them without waking it): at a few thousand PDUs a
     * second it then wakes and writes to the files about 50 times a second instead of once per PDU.
     * Busier, it writes as fast as entries come; 20 ms of entries is far below the queue's capacity.
     */
    private static final int SMALL_DRAIN = 64;
    private static final long GATHER_MILLIS = 20;

    private final DayFiles files;
    private final PduLogOutput output;
    private final Clock clock;
    private final ZoneId zone;
    private final long maxQueuedBytes;
    private final BlockingQueue<Entry> queue;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong overLimit = new AtomicLong();
    private final long maxFileBytes;
    private final java.util.Set<Path> fullFiles = java.util.Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, Boolean> eldest) {
            return size() > FULL_FILES_KEPT;
        }
    });
    private final Thread thread;
    private volatile boolean closing;

    // owned by the writer thread
    private final LinkedHashMap<Path, OpenFile> open = new LinkedHashMap<>(16, 0.75f, true);
    private final Map<String, String> knownPeers = new HashMap<>();
    private final Map<String, List<Entry>> unresolved = new LinkedHashMap<>();
    private final Map<String, SmppSession> sessionsSeen = new HashMap<>();
    /** The entry being rendered, reused: most entries fit in its first capacity. */
    private StringBuilder text = new StringBuilder(TEXT_CAPACITY);
    private char[] chars = new char[TEXT_CAPACITY];
    private long droppedReported;
    /** Since when the disk refuses entries (0: it takes them), and the refused count at that moment. */
    private long refusingSince;
    private long failedBeforeRefusal;
    private long lastDropWarning;
    private long lastSweep;

    /**
     * @param capacity       most entries waiting to be written
     * @param maxQueuedBytes most PDU octets waiting to be written
     */
    public PduLogWriter(LogFiles files, int capacity, long maxQueuedBytes, Clock clock, ZoneId zone) {
        this(files, PduLogOutput.files(), capacity, maxQueuedBytes, clock, zone);
    }

    /**
     * @param output         where the files' bytes go
     * @param capacity       most entries waiting to be written
     * @param maxQueuedBytes most PDU octets waiting to be written
     */
    public PduLogWriter(LogFiles files, PduLogOutput output, int capacity, long maxQueuedBytes, Clock clock,
                        ZoneId zone) {
        this(files, output, capacity, maxQueuedBytes, DEFAULT_MAX_FILE_BYTES, clock, zone);
    }

    /**
     * @param output         where the files' bytes go
     * @param capacity       most entries waiting to be written
     * @param maxQueuedBytes most PDU octets waiting to be written
     * @param maxFileBytes   most bytes one peer's file may hold in a day: a bound ESME cannot fill the
     *                       disk with its own traffic; what goes beyond is dropped and counted
     */
    public PduLogWriter(LogFiles files, PduLogOutput output, int capacity, long maxQueuedBytes, long maxFileBytes,
                        Clock clock, ZoneId zone) {
        if (capacity < 1 || maxQueuedBytes < 1 || maxFileBytes < 1) {
            throw new IllegalArgumentException("capacity, maxQueuedBytes and maxFileBytes must be positive");
        }
        this.maxFileBytes = maxFileBytes;
        this.files = new DayFiles(files);
        this.output = output;
        this.clock = clock;
        this.zone = zone;
        this.maxQueuedBytes = maxQueuedBytes;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = new Thread(this::run, "pdu-log-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** 20,000 entries, 32 MiB of octets, the system clock and zone. */
    public static PduLogWriter withDefaults(LogFiles files) {
        return withDefaults(files, DEFAULT_MAX_FILE_BYTES);
    }

    /** 20,000 entries, 32 MiB of octets, the system clock and zone, at most {@code maxFileBytes} per file and day. */
    public static PduLogWriter withDefaults(LogFiles files, long maxFileBytes) {
        return new PduLogWriter(files, PduLogOutput.files(), 20_000, 32L << 20, maxFileBytes, Clock.systemDefaultZone(),
                ZoneId.systemDefault());
    }

    /**
     * The listener to give the SMPP server or one gateway's sessions: their PDUs go to
     * {@code <root>/<day>/<peer>.log}.
     */
    public PduListener listener(Path root, PeerResolver peers, PduLogFormat format) {
        return (session, direction, pdu, octets) -> offer(new Entry(root, session, peers.peerOf(session), peers,
                format, clock.millis(), direction, pdu, octets));
    }

    private void offer(Entry entry) {
        if (closing) {
            dropped.incrementAndGet();
            return;
        }
        long bytes = queuedBytes.addAndGet(entry.octets.length);
        if (bytes > maxQueuedBytes || !queue.offer(entry)) {
            queuedBytes.addAndGet(-entry.octets.length);
            dropped.incrementAndGet();
        }
    }

    /** Entries dropped because the queue was full (or the writer closing). */
    public long dropped() {
        return dropped.get();
    }

    public long written() {
        return written.get();
    }

    /** Entries dropped because their peer's file reached its size limit for the day. */
    public long overLimit() {
        return overLimit.get();
    }

    /** Entries that could not be written (the disk refused them) and were dropped. */
    public long failed() {
        return failed.get();
    }

    /** Entries waiting to be written. */
    public int queued() {
        return queue.size();
    }

    /** Most entries that may wait. */
    public int capacity() {
        return queue.size() + queue.remainingCapacity();
    }

    private void run() {
        while (!closing || !queue.isEmpty()) {
            Entry entry;
            try {
                entry = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                break;
            }
            int drained = 0;
            for (; entry != null; entry = queue.poll()) {
                queuedBytes.addAndGet(-entry.octets.length);
                handle(entry);
                drained++;
            }
            flushAll();
            housekeeping();
            if (drained > 0 && drained < SMALL_DRAIN && !closing) {
                try {
                    Thread.sleep(GATHER_MILLIS);
                } catch (InterruptedException e) {
                    break;
                }
            }
        }
        flushAll();
        for (OpenFile file : open.values()) {
            file.closeQuietly();
        }
        open.clear();
        reportDrops(true);
    }

    private void handle(Entry entry) {
        String sessionId = entry.session.id();
        String peer = entry.peer != null ? entry.peer : knownPeers.get(sessionId);
        if (peer == null) {
            peer = entry.peers.peerOf(entry.session);
        }
        if (peer == null) {
            holdUnresolved(sessionId, entry);
            return;
        }
        if (knownPeers.put(sessionId, peer) == null) {
            sessionsSeen.put(sessionId, entry.session);
        }
        List<Entry> waiting = unresolved.remove(sessionId);
        if (waiting != null) {
            for (Entry earlier : waiting) {
                write(earlier, peer);
            }
        }
        write(entry, peer);
    }

    private void holdUnresolved(String sessionId, Entry entry) {
        List<Entry> waiting = unresolved.get(sessionId);
        if (waiting == null) {
            if (unresolved.size() >= UNRESOLVED_SESSIONS) {
                dropped.incrementAndGet();
                return;
            }
            waiting = new ArrayList<>();
            unresolved.put(sessionId, waiting);
            sessionsSeen.put(sessionId, entry.session);
        }
        if (waiting.size() >= UNRESOLVED_PER_SESSION) {
            dropped.incrementAndGet();
            return;
        }
        waiting.add(entry);
    }

    private void write(Entry entry, String peer) {
        LocalDateTime time = LocalDateTime.ofInstant(Instant.ofEpochMilli(entry.millis), zone);
        text.setLength(0);
        if (entry.pdu != null) {
            entry.format.appendEntry(text, time, entry.session.id(), entry.direction, entry.octets, entry.pdu);
        } else {
            entry.format.appendEntry(text, time, entry.session.id(), entry.direction, entry.octets);
        }
        Path path = files.file(entry.root, time.toLocalDate(), peer);
        if (fullFiles.contains(path)) {
            overLimit.incrementAndGet();
            return;
        }
        OpenFile file = open.get(path);
        try {
            if (file == null) {
                file = openFile(path);
            }
        } catch (IOException | RuntimeException e) {
            // the refusal first: it takes the count before this entry as what was lost before it
            refused(path, e, 0);
            failed.incrementAndGet();
            file = null;
        }
        if (file != null && file.size + text.length() > maxFileBytes) {
            overLimit.incrementAndGet();
            fullFiles.add(path);
            log.warn("PDU log: {} reached {} MB, the most one peer's log may hold in a day: this peer's PDUs are not"
                    + " logged until tomorrow (counted in pdu_log_dropped, reason file_full); raise"
                    + " SMPP_PDU_LOG_MAX_FILE_MB if the disk can take more", path, maxFileBytes >> 20);
            file = null;
        }
        if (file != null) {
            try {
                file.size += text.length();
                file.unflushed++;
                written.incrementAndGet();
                file.lastUsed = System.nanoTime();
                file.dirty = true;
                writeText(file.writer);
            } catch (IOException | RuntimeException e) {
                open.remove(path);
                refused(path, e, file.unflushed);
                file.closeQuietly();
            }
        }
        if (text.capacity() > 16 * TEXT_CAPACITY) {
            // one very large PDU should not keep its buffers for good
            text = new StringBuilder(TEXT_CAPACITY);
            chars = new char[TEXT_CAPACITY];
        }
    }

    /** Writes {@link #text} through the reused char array: no String per entry. */
    private void writeText(BufferedWriter writer) throws IOException {
        int length = text.length();
        if (chars.length < length) {
            chars = new char[Math.max(length, 2 * chars.length)];
        }
        text.getChars(0, length, chars, 0);
        writer.write(chars, 0, length);
    }

    private OpenFile openFile(Path path) throws IOException {
        if (open.size() >= MAX_OPEN_FILES) {
            Iterator<OpenFile> eldest = open.values().iterator();
            OpenFile evicted = eldest.next();
            eldest.remove();
            flushThenClose(evicted);
        }
        OpenFile file = new OpenFile(path, new BufferedWriter(new OutputStreamWriter(output.openAppending(path),
                StandardCharsets.UTF_8)));
        try {
            file.size = Files.size(path);
        } catch (IOException | UnsupportedOperationException e) {
            file.size = 0;
        }
        open.put(path, file);
        return file;
    }

    private void flushAll() {
        for (Iterator<OpenFile> files = open.values().iterator(); files.hasNext(); ) {
            OpenFile file = files.next();
            if (!file.dirty) {
                continue;
            }
            try {
                file.writer.flush();
                file.dirty = false;
                file.unflushed = 0;
                resumed();
            } catch (IOException | RuntimeException e) {
                files.remove();
                refused(file.path, e, file.unflushed);
                file.closeQuietly();
            }
        }
    }

    private void flushThenClose(OpenFile file) {
        try {
            file.writer.flush();
            file.unflushed = 0;
        } catch (IOException | RuntimeException e) {
            refused(file.path, e, file.unflushed);
        }
        file.closeQuietly();
    }

    /**
     * The disk refused {@code entries} that were counted as written (buffered, not yet on the disk):
     * they are dropped; the first refusal of a run says so.
     */
    private void refused(Path path, Exception e, int entries) {
        failed.addAndGet(entries);
        written.addAndGet(-entries);
        if (refusingSince == 0) {
            refusingSince = System.currentTimeMillis();
            failedBeforeRefusal = failed.get() - entries;
            log.warn("PDU log: cannot write {} ({}): PDU log entries are dropped and counted (pdu_log_dropped in"
                    + " /metrics) until the disk takes them again; SMPP traffic goes on. Free space on the log"
                    + " disk", path, e.toString());
        }
    }

    /** Entries reached the disk again after a refusal: one line says how many were lost meanwhile. */
    private void resumed() {
        if (refusingSince != 0) {
            log.info("PDU log: writing again; {} entries were dropped in the {} s the disk refused them",
                    failed.get() - failedBeforeRefusal, (System.currentTimeMillis() - refusingSince) / 1000);
            refusingSince = 0;
        }
    }

    /** Closes idle files, forgets closed sessions, gives up on ESMEs that never bound, reports drops. */
    private void housekeeping() {
        long now = System.nanoTime();
        if (now - lastSweep < TimeUnit.SECONDS.toNanos(1)) {
            reportDrops(false);
            return;
        }
        lastSweep = now;
        open.values().removeIf(file -> {
            boolean idle = now - file.lastUsed > TimeUnit.MILLISECONDS.toNanos(IDLE_FILE_MILLIS);
            if (idle) {
                file.closeQuietly();
            }
            return idle;
        });
        long nowMillis = clock.millis();
        for (Iterator<Map.Entry<String, SmppSession>> sessions = sessionsSeen.entrySet().iterator();
             sessions.hasNext(); ) {
            Map.Entry<String, SmppSession> seen = sessions.next();
            List<Entry> waiting = unresolved.get(seen.getKey());
            boolean closed = seen.getValue().closeFuture().isDone();
            if (waiting != null && (closed || nowMillis - waiting.get(0).millis > UNRESOLVED_MILLIS)) {
                // a connection that never bound (wrong password, port scan): not any peer's log
                unresolved.remove(seen.getKey());
            }
            if (closed && !unresolved.containsKey(seen.getKey())) {
                knownPeers.remove(seen.getKey());
                sessions.remove();
            }
        }
        reportDrops(false);
    }

    private void reportDrops(boolean now) {
        long total = dropped.get();
        long millis = System.currentTimeMillis();
        if (total > droppedReported && (now || millis - lastDropWarning >= DROP_WARNING_MILLIS)) {
            log.warn("PDU log: {} entries dropped because the log queue was full (the disk is slower than the"
                    + " traffic); {} dropped since start", total - droppedReported, total);
            droppedReported = total;
            lastDropWarning = millis;
        }
    }

    /** Writes what is queued (waiting a bounded time), then closes the files. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            thread.interrupt();
            log.warn("PDU log: {} entries not written at shutdown", queue.size());
        }
    }

    private record Entry(Path root, SmppSession session, String peer, PeerResolver peers, PduLogFormat format,
                         long millis, PduDirection direction, Pdu pdu, byte[] octets) {
    }

    private static final class OpenFile {
        final Path path;
        final BufferedWriter writer;
        long lastUsed = System.nanoTime();
        boolean dirty;
        /** Entries written to the buffer and not yet flushed to the disk. */
        int unflushed;
        /** The file's length with what was written to the buffer (characters; entries are ASCII). */
        long size;

        OpenFile(Path path, BufferedWriter writer) {
            this.path = path;
            this.writer = writer;
        }

        void closeQuietly() {
            try {
                writer.close();
            } catch (IOException e) {
                // what it still held is counted by the caller; the refusal was said once already
                log.debug("cannot close the PDU log {}: {}", path, e.toString());
            }
        }
    }
}
