package io.smppgateway.runner.tools.soak;

import io.smppgateway.smpp.codec.PduEncoder;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.Pdu;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Phase (a): damaged PDUs ({@link FuzzedPdus}) over many connections, reconnecting whenever the
 * gateway closes one. Half the connections bind first as the soak's account and send only damage
 * that keeps the stream framed, so that the bound session's checks are what gets exercised for
 * long; the other half stay unbound and send every kind, framing errors and huge lengths
 * included, so that the pre-bind bounds and the framing close are exercised over and over. An
 * unbound connection sends {@value #UNBOUND_PDUS} PDUs (what the gateway reads before a bind),
 * reads what comes back until the gateway closes it or falls quiet, and starts again; the bind
 * throttle the damaged binds provoke slows these, as it should.
 *
 * <p>Each connection is one thread with one non-blocking socket, a send buffer of at most
 * {@value #BATCH} PDUs and a receive buffer whose contents are dropped once counted
 * ({@link AnswerFrames}): what the soak holds does not grow with the run. A connection keeps at
 * most {@value #UNANSWERED} PDUs unanswered, so that what counts as sent is what the gateway
 * works through, not what waits in socket buffers; and it reads all the time, so that the
 * gateway's back-pressure on a peer that does not read (phase b) is not what slows this one.
 */
final class FuzzPhase implements SoakPhase {

    static final int BATCH = 32;
    static final long QUIET_MILLIS = 500;
    /** What an unbound connection sends before it waits for the gateway to answer or close it. */
    static final int UNBOUND_PDUS = 16;
    /** PDUs a connection leaves unanswered at most before it waits: the gateway's pace, not the socket's. */
    static final int UNANSWERED = 256;

    private final SoakTarget target;
    private final int connections;
    private final long pdus;
    private final long seed;
    private final PrintStream progress;
    private final AtomicLong budget = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong boundConnects = new AtomicLong();
    private final AtomicLong refusedBinds = new AtomicLong();
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();

    /**
     * @param pdus     how many PDUs to send in all (the phase ends sooner at its deadline)
     * @param seed     the random seed; connection {@code i} uses {@code seed + i}
     * @param progress where a progress line goes every few seconds, or null
     */
    FuzzPhase(SoakTarget target, int connections, long pdus, long seed, PrintStream progress) {
        this.target = target;
        this.connections = connections;
        this.pdus = pdus;
        this.seed = seed;
        this.progress = progress;
    }

    @Override
    public PhaseResult run(long deadlineNanos, HealthyEsme esme) {
        budget.set(pdus);
        long started = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            boolean bound = i % 2 == 0 && target.systemId() != null;
            FuzzedPdus stream = new FuzzedPdus(seed + i, bound);
            Thread worker = new Thread(() -> fuzz(stream, bound, deadlineNanos), "soak-fuzz-" + i);
            worker.setDaemon(true);
            worker.start();
            workers.add(worker);
        }
        long lastReport = started;
        long lastSent = 0;
        for (Thread worker : workers) {
            while (worker.isAlive()) {
                try {
                    worker.join(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                }
                long now = System.nanoTime();
                if (progress != null && now - lastReport >= TimeUnit.SECONDS.toNanos(5)) {
                    long total = sent.get();
                    progress.printf(Locale.ROOT, "[%5ds] fuzz: %d PDUs sent (%.0f/s), %d answers, %d"
                                    + " connections, %d closed by the gateway, %d errors%n",
                            TimeUnit.NANOSECONDS.toSeconds(now - started), total,
                            (total - lastSent) / ((now - lastReport) / 1e9), answered.get(), connects.get(),
                            closed.get(), errors.get());
                    lastReport = now;
                    lastSent = total;
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        String detail = String.format(Locale.ROOT, "PDUs in %.1f s (%.0f/s) over %d connections (%d bound, %d"
                        + " binds refused), %d answers (%d octets) read and dropped", seconds, sent.get() / seconds,
                connects.get(), boundConnects.get(), refusedBinds.get(), answered.get(), received.get());
        return new PhaseResult("fuzzed PDUs", sent.get(), closed.get(), errors.get(), detail, esme.check());
    }

    private void fuzz(FuzzedPdus stream, boolean bound, long deadlineNanos) {
        ByteBuffer out = ByteBuffer.allocate(BATCH * 512);
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        while (budget.get() > 0 && System.nanoTime() < deadlineNanos) {
            try (SocketChannel channel = SocketChannel.open(); Selector selector = Selector.open()) {
                InetAddress from = bound ? target.boundPeerAddress() : target.peerAddress();
                if (from != null) {
                    channel.bind(new InetSocketAddress(from, 0));
                }
                channel.socket().connect(new InetSocketAddress(target.host(), target.port()), 5_000);
                connects.incrementAndGet();
                if (bound) {
                    if (bind(channel)) {
                        boundConnects.incrementAndGet();
                    } else {
                        refusedBinds.incrementAndGet();
                    }
                }
                channel.configureBlocking(false);
                SelectionKey key = channel.register(selector, SelectionKey.OP_READ);
                // the gateway reads 16 PDUs before a bind: more would only wait in the socket, unread
                long perConnection = bound ? Long.MAX_VALUE : UNBOUND_PDUS;
                if (!pump(channel, key, selector, stream, out, in, deadlineNanos, perConnection)) {
                    closed.incrementAndGet();
                }
            } catch (IOException e) {
                if (PeerSocket.isReset(e)) {
                    closed.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                    pause();
                }
            }
            out.clear().flip();
        }
    }

    /** A valid bind as the soak's account, answered before the damage starts; false if refused. */
    private boolean bind(SocketChannel channel) throws IOException {
        Pdu bind = (Pdu) BindRequest.of(BindType.TRANSCEIVER, 1, target.systemId(), target.password(), "",
                InterfaceVersion.SMPP_3_4, Address.EMPTY);
        channel.socket().setSoTimeout(15_000);
        channel.socket().getOutputStream().write(PduEncoder.WITH_TLVS.toBytes(bind));
        byte[] header = new byte[16];
        try {
            java.io.DataInputStream answer = new java.io.DataInputStream(channel.socket().getInputStream());
            answer.readFully(header);
            ByteBuffer fields = ByteBuffer.wrap(header);
            int length = fields.getInt();
            answer.skipNBytes(Math.max(0, Math.min(length, PeerSocket.MAX_ANSWER) - 16));
            fields.getInt();
            return fields.getInt() == 0;
        } catch (SocketTimeoutException | java.io.EOFException e) {
            return false;
        }
    }

    /**
     * Sends batches until the budget or the deadline runs out; false when the gateway closed the
     * connection first.
     */
    private boolean pump(SocketChannel channel, SelectionKey key, Selector selector, FuzzedPdus stream,
                         ByteBuffer out, ByteBuffer in, long deadlineNanos, long perConnection) throws IOException {
        out.clear().flip();
        AnswerFrames answers = new AnswerFrames();
        long connectionLeft = perConnection;
        long sentHere = 0;
        long givenUp = 0;
        long lastAnswer = System.nanoTime();
        int[] ends = new int[BATCH];
        int inBatch = 0;
        int written = 0;
        try {
            while (System.nanoTime() < deadlineNanos) {
                long unanswered = sentHere - answers.count() - givenUp;
                if (!out.hasRemaining() && unanswered >= UNANSWERED) {
                    // some damage earns no answer (a response, a merged frame): stop waiting for it
                    if (System.nanoTime() - lastAnswer > TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                        givenUp += unanswered;
                        lastAnswer = System.nanoTime();
                    }
                } else if (!out.hasRemaining()) {
                    long granted = take((int) Math.min(BATCH, connectionLeft));
                    connectionLeft -= granted;
                    if (granted == 0) {
                        return drain(channel, key, selector, in, answers, sentHere - givenUp, deadlineNanos);
                    }
                    out.clear();
                    inBatch = 0;
                    written = 0;
                    for (int i = 0; i < granted; i++) {
                        byte[] pdu = stream.next();
                        if (pdu.length > out.remaining()) {
                            break;
                        }
                        out.put(pdu);
                        ends[inBatch++] = out.position();
                    }
                    budget.addAndGet(granted - inBatch);
                    out.flip();
                }
                int wrote = out.hasRemaining() ? channel.write(out) : 0;
                // a PDU counts as sent once its last octet is with the gateway's socket
                int before = written;
                while (written < inBatch && ends[written] <= out.position()) {
                    written++;
                }
                sent.addAndGet(written - before);
                sentHere += written - before;
                in.clear();
                int read = channel.read(in);
                if (read < 0) {
                    return false;
                }
                if (read > 0) {
                    received.addAndGet(read);
                    long had = answers.count();
                    answers.consume(in.flip());
                    answered.addAndGet(answers.count() - had);
                    lastAnswer = System.nanoTime();
                }
                if (wrote == 0 && read == 0) {
                    key.interestOps(out.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE
                            : SelectionKey.OP_READ);
                    selector.select(20);
                    selector.selectedKeys().clear();
                }
            }
            return true;
        } finally {
            // what the closed connection did not take goes to the next one
            budget.addAndGet(inBatch - written);
        }
    }

    /**
     * Reads the answers to what was sent until {@code expected} came, the gateway closes the
     * connection or it has been quiet for {@value #QUIET_MILLIS} ms; false when it closed it.
     */
    private boolean drain(SocketChannel channel, SelectionKey key, Selector selector, ByteBuffer in,
                          AnswerFrames answers, long expected, long deadlineNanos) throws IOException {
        key.interestOps(SelectionKey.OP_READ);
        long quietSince = System.nanoTime();
        while (answers.count() < expected && System.nanoTime() < deadlineNanos
                && System.nanoTime() - quietSince < TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
            selector.select(QUIET_MILLIS / 5);
            selector.selectedKeys().clear();
            in.clear();
            int read = channel.read(in);
            if (read < 0) {
                return false;
            }
            if (read > 0) {
                received.addAndGet(read);
                long had = answers.count();
                answers.consume(in.flip());
                answered.addAndGet(answers.count() - had);
                quietSince = System.nanoTime();
            }
        }
        return true;
    }

    private long take(int wanted) {
        while (true) {
            long left = budget.get();
            if (left <= 0) {
                return 0;
            }
            long granted = Math.min(left, wanted);
            if (budget.compareAndSet(left, left - granted)) {
                return granted;
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(Duration.ofMillis(100).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
