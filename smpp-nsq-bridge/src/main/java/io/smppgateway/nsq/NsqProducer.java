package io.smppgateway.nsq;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Publishes to nsqd with PUB, MPUB and DPUB. Every publish returns a future that completes when
 * nsqd has answered {@code OK}, and fails with an {@link NsqException} whose type says whether the
 * message may have been stored (see {@link NsqException}).
 *
 * <p>Concurrent {@link #publish} calls to the same topic are grouped into MPUB commands: a batch
 * is sent when it reaches {@code maxBatchMessages} or {@code maxBatchBytes}, or when it has waited
 * {@code linger}, and only while fewer than {@code maxInFlightCommands} commands await their
 * answer, so that under load batches grow instead of commands queueing up. An MPUB is stored
 * whole or not at all, so every message of a batch shares its outcome.
 *
 * <p>One connection is used at a time; when it fails the producer reconnects, trying the same
 * nsqd first and then the next ones, backing off after each round. Messages not yet written wait
 * (bounded by {@code maxPendingMessages}, at most {@code sendTimeout}); messages written and not
 * answered when a connection drops fail with {@link NsqOutcomeUnknownException}.
 *
 * <p>All state lives on one event loop; the public methods are thread-safe and never block,
 * except {@link #close()}.
 */
public final class NsqProducer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NsqProducer.class);
    private static final long TICK_MILLIS = 100;

    /** One publish call: a single message, an explicit batch, or a deferred message. */
    private record PublishRequest(String topic, byte[] body, List<byte[]> bodies, long deferMillis,
                                  CompletableFuture<Void> future, long enqueuedNanos) {
        boolean batchable() {
            return bodies == null && deferMillis < 0;
        }

        int messageCount() {
            return bodies == null ? 1 : bodies.size();
        }
    }

    /** A command ready to write, and the publishes its answer settles. */
    private record Unit(NsqCommand command, List<PublishRequest> requests, int messages, long enqueuedNanos) {
    }

    /** Single publishes to one topic gathering into the next MPUB. */
    private static final class OpenBatch {
        final String topic;
        final List<PublishRequest> requests = new ArrayList<>();
        int bytes;

        OpenBatch(String topic) {
            this.topic = topic;
        }

        long firstEnqueuedNanos() {
            return requests.get(0).enqueuedNanos();
        }
    }

    private final NsqProducerConfig config;
    private final NsqTransport transport;
    private final Executor callbacks;
    private final ExecutorService ownCallbacks;
    private final Queue<PublishRequest> submitted = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private final LongAdder confirmed = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder commandsWritten = new LongAdder();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private volatile boolean closing;
    private volatile boolean terminated;
    private volatile int inFlightSnapshot;
    private volatile long connects;

    // Event loop only:
    private final Map<String, OpenBatch> open = new LinkedHashMap<>();
    private final ArrayDeque<Unit> retry = new ArrayDeque<>();
    private final ArrayDeque<Unit> ready = new ArrayDeque<>();
    private volatile NsqConnection connection;
    private boolean connecting;
    private int addressIndex;
    private int failedAttempts;
    private int inFlight;
    private ScheduledFuture<?> lingerTimer;
    private ScheduledFuture<?> reconnectTimer;
    private ScheduledFuture<?> ticker;
    private long closeDeadlineNanos;

    private NsqProducer(NsqProducerConfig config) {
        this.config = config;
        this.transport = new NsqTransport(config.eventLoopGroup(), "nsq-producer", config.connectTimeout());
        if (config.callbackExecutor() != null) {
            this.callbacks = config.callbackExecutor();
            this.ownCallbacks = null;
        } else {
            this.ownCallbacks = Executors.newSingleThreadExecutor(new DefaultThreadFactory("nsq-producer-callbacks", true));
            this.callbacks = ownCallbacks;
        }
    }

    /** Creates a producer and starts connecting; publishes made before the connection is up wait for it. */
    public static NsqProducer start(NsqProducerConfig config) {
        NsqProducer producer = new NsqProducer(Objects.requireNonNull(config, "config"));
        producer.transport.loop().execute(() -> {
            producer.ticker = producer.transport.loop().scheduleAtFixedRate(producer::tick, TICK_MILLIS, TICK_MILLIS,
                    TimeUnit.MILLISECONDS);
            producer.connect();
        });
        return producer;
    }

    /** Publishes one message; concurrent publishes to the same topic may share an MPUB. */
    public CompletableFuture<Void> publish(String topic, byte[] body) {
        NsqCommand.requireName(topic, "topic");
        Objects.requireNonNull(body, "body");
        return submit(new PublishRequest(topic, body.clone(), null, -1, new CompletableFuture<>(), System.nanoTime()));
    }

    /** Publishes one message that nsqd hands to consumers only after {@code delay} (DPUB). */
    public CompletableFuture<Void> publishDeferred(String topic, byte[] body, Duration delay) {
        NsqCommand.requireName(topic, "topic");
        Objects.requireNonNull(body, "body");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("negative delay: " + delay);
        }
        return submit(new PublishRequest(topic, body.clone(), null, delay.toMillis(), new CompletableFuture<>(),
                System.nanoTime()));
    }

    /** Publishes these messages as one MPUB: nsqd stores all of them or none. */
    public CompletableFuture<Void> publishBatch(String topic, List<byte[]> bodies) {
        NsqCommand.requireName(topic, "topic");
        if (bodies.isEmpty()) {
            throw new IllegalArgumentException("empty batch");
        }
        List<byte[]> copies = new ArrayList<>(bodies.size());
        for (byte[] b : bodies) {
            copies.add(b.clone());
        }
        return submit(new PublishRequest(topic, null, List.copyOf(copies), -1, new CompletableFuture<>(),
                System.nanoTime()));
    }

    private CompletableFuture<Void> submit(PublishRequest request) {
        if (closing) {
            failed.add(request.messageCount());
            return CompletableFuture.failedFuture(new NsqNotSentException("nsq producer is closed"));
        }
        int count = request.messageCount();
        if (pending.addAndGet(count) > config.maxPendingMessages()) {
            pending.addAndGet(-count);
            failed.add(count);
            return CompletableFuture.failedFuture(new NsqQueueFullException(config.maxPendingMessages()));
        }
        submitted.add(request);
        if (terminated) {
            failSubmitted();
        } else if (drainScheduled.compareAndSet(false, true)) {
            try {
                transport.loop().execute(this::drain);
            } catch (RejectedExecutionException e) {
                failSubmitted();
            }
        }
        return request.future();
    }

    /** Counters for monitoring. */
    public NsqProducerStats stats() {
        NsqConnection c = connection;
        return new NsqProducerStats(pending.get(), inFlightSnapshot, confirmed.sum(), failed.sum(), commandsWritten.sum(), connects,
                c == null ? null : c.address());
    }

    // ---- event loop ----

    private void drain() {
        drainScheduled.set(false);
        takeSubmitted();
        writeReady();
    }

    private void takeSubmitted() {
        PublishRequest r;
        while ((r = submitted.poll()) != null) {
            if (r.batchable()) {
                addToBatch(r);
            } else {
                // Keep per-topic order: what is already gathering for this topic goes first.
                OpenBatch batch = open.remove(r.topic());
                if (batch != null) {
                    ready.addLast(seal(batch));
                }
                NsqCommand command = r.bodies() != null ? new NsqCommand.Mpub(r.topic(), r.bodies())
                        : new NsqCommand.Dpub(r.topic(), r.deferMillis(), r.body());
                ready.addLast(new Unit(command, List.of(r), r.messageCount(), r.enqueuedNanos()));
            }
        }
    }

    private void addToBatch(PublishRequest r) {
        OpenBatch batch = open.get(r.topic());
        int size = 4 + r.body().length;
        if (batch != null && (batch.requests.size() >= config.maxBatchMessages()
                || batch.bytes + size > config.maxBatchBytes())) {
            open.remove(r.topic());
            ready.addLast(seal(batch));
            batch = null;
        }
        if (batch == null) {
            batch = new OpenBatch(r.topic());
            open.put(r.topic(), batch);
        }
        batch.requests.add(r);
        batch.bytes += size;
        if (batch.requests.size() >= config.maxBatchMessages()) {
            open.remove(r.topic());
            ready.addLast(seal(batch));
        }
    }

    private static Unit seal(OpenBatch batch) {
        List<PublishRequest> requests = batch.requests;
        NsqCommand command;
        if (requests.size() == 1) {
            command = new NsqCommand.Pub(batch.topic, requests.get(0).body());
        } else {
            List<byte[]> bodies = new ArrayList<>(requests.size());
            for (PublishRequest r : requests) {
                bodies.add(r.body());
            }
            command = new NsqCommand.Mpub(batch.topic, bodies);
        }
        return new Unit(command, requests, requests.size(), batch.firstEnqueuedNanos());
    }

    private void writeReady() {
        NsqConnection c = connection;
        if (c == null) {
            return;
        }
        long lingerNanos = closing ? 0 : config.linger().toNanos();
        while (inFlight < config.maxInFlightCommands() && c.isActive()) {
            Unit unit = retry.pollFirst();
            if (unit == null) {
                unit = ready.pollFirst();
            }
            if (unit == null) {
                unit = sealDueBatch(lingerNanos);
            }
            if (unit == null) {
                break;
            }
            write(c, unit);
        }
        inFlightSnapshot = inFlight;
        if (!open.isEmpty() && inFlight < config.maxInFlightCommands() && lingerTimer == null) {
            long wait = open.values().iterator().next().firstEnqueuedNanos() + lingerNanos - System.nanoTime();
            lingerTimer = transport.loop().schedule(() -> {
                lingerTimer = null;
                writeReady();
            }, Math.max(wait, 0), TimeUnit.NANOSECONDS);
        }
    }

    private Unit sealDueBatch(long lingerNanos) {
        Iterator<OpenBatch> it = open.values().iterator();
        long now = System.nanoTime();
        while (it.hasNext()) {
            OpenBatch batch = it.next();
            if (now - batch.firstEnqueuedNanos() >= lingerNanos) {
                it.remove();
                return seal(batch);
            }
        }
        return null;
    }

    private void write(NsqConnection c, Unit unit) {
        inFlight++;
        commandsWritten.increment();
        pending.addAndGet(-unit.messages());
        c.request(unit.command()).whenComplete((response, error) -> onAnswer(unit, response, error));
    }

    private void onAnswer(Unit unit, NsqFrame.Response response, Throwable error) {
        inFlight--;
        inFlightSnapshot = inFlight;
        if (error instanceof NsqNotSentException && !closing) {
            // nsqd closed after a fatal error on an earlier command and never read this one: send it again.
            pending.addAndGet(unit.messages());
            retry.addLast(unit);
        } else if (error != null) {
            settle(unit.requests(), error);
        } else if (response.text().equals("OK")) {
            settle(unit.requests(), null);
        } else {
            settle(unit.requests(), new NsqProtocolException("unexpected answer to " + commandName(unit) + ": " + response));
        }
        writeReady();
        checkClosed();
    }

    private static String commandName(Unit unit) {
        return unit.command().getClass().getSimpleName().toUpperCase();
    }

    private void settle(List<PublishRequest> requests, Throwable error) {
        int messages = 0;
        for (PublishRequest r : requests) {
            messages += r.messageCount();
        }
        (error == null ? confirmed : failed).add(messages);
        try {
            callbacks.execute(() -> {
                for (PublishRequest r : requests) {
                    if (error == null) {
                        r.future().complete(null);
                    } else {
                        r.future().completeExceptionally(error);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            for (PublishRequest r : requests) {
                if (error == null) {
                    r.future().complete(null);
                } else {
                    r.future().completeExceptionally(error);
                }
            }
        }
    }

    private void connect() {
        reconnectTimer = null;
        if (terminated || connecting || connection != null) {
            return;
        }
        connecting = true;
        List<NsqAddress> addresses = config.nsqdAddresses();
        NsqAddress address = addresses.get(addressIndex % addresses.size());
        NsqConnection.open(transport.bootstrap(), transport.loop(), address, config.identify(), config.maxFrameSize(),
                config.connectTimeout(), new NsqConnection.Listener() {
                    @Override
                    public void onMessage(NsqConnection c, NsqMessage message) {
                        log.warn("nsqd {} sent a message to a producer connection; ignored", c.address());
                    }

                    @Override
                    public void onClosed(NsqConnection c, Throwable cause) {
                        onConnectionClosed(c, cause);
                    }
                }).whenComplete((c, error) -> {
                    connecting = false;
                    if (error != null) {
                        failedAttempts++;
                        addressIndex++;
                        // Try every address once at once, then back off before the next round.
                        long delay = failedAttempts % addresses.size() == 0
                                ? config.reconnectBackoff().delayMillis(failedAttempts / addresses.size() - 1) : 0;
                        log.debug("nsq producer cannot connect to {} ({}); next attempt in {} ms", address,
                                error.toString(), delay);
                        scheduleConnect(delay);
                        return;
                    }
                    if (terminated) {
                        c.close();
                        return;
                    }
                    connection = c;
                    failedAttempts = 0;
                    connects++;
                    log.info("nsq producer connected to {}", address);
                    writeReady();
                });
    }

    private void scheduleConnect(long delayMillis) {
        if (terminated || reconnectTimer != null) {
            return;
        }
        reconnectTimer = transport.loop().schedule(this::connect, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void onConnectionClosed(NsqConnection c, Throwable cause) {
        if (connection != c) {
            return;
        }
        connection = null;
        if (!terminated) {
            log.warn("nsq producer lost nsqd {}: {}", c.address(), cause.getMessage());
            scheduleConnect(config.reconnectBackoff().delayMillis(0));
        }
        checkClosed();
    }

    private void tick() {
        NsqConnection c = connection;
        if (c != null && c.oldestAwaitingNanos() > config.responseTimeout().toNanos()) {
            log.warn("nsqd {} has not answered for {}; dropping the connection", c.address(), config.responseTimeout());
            c.close();
        }
        if (c == null) {
            takeSubmitted();
            failUnsentOlderThan(System.nanoTime() - config.sendTimeout().toNanos(),
                    "no connection to nsqd within " + config.sendTimeout());
        }
        checkClosed();
    }

    private void failUnsentOlderThan(long limitNanos, String reason) {
        NsqNotSentException error = new NsqNotSentException(reason);
        for (ArrayDeque<Unit> queue : List.of(retry, ready)) {
            Iterator<Unit> it = queue.iterator();
            while (it.hasNext()) {
                Unit unit = it.next();
                if (unit.enqueuedNanos() - limitNanos <= 0) {
                    it.remove();
                    pending.addAndGet(-unit.messages());
                    settle(unit.requests(), error);
                }
            }
        }
        Iterator<OpenBatch> it = open.values().iterator();
        while (it.hasNext()) {
            OpenBatch batch = it.next();
            List<PublishRequest> expired = new ArrayList<>();
            batch.requests.removeIf(r -> {
                if (r.enqueuedNanos() - limitNanos <= 0) {
                    expired.add(r);
                    batch.bytes -= 4 + r.body().length;
                    return true;
                }
                return false;
            });
            if (!expired.isEmpty()) {
                pending.addAndGet(-expired.size());
                settle(expired, error);
            }
            if (batch.requests.isEmpty()) {
                it.remove();
            }
        }
    }

    // ---- closing ----

    /**
     * Stops accepting publishes, sends what is queued and waits up to {@code closeTimeout} for
     * the answers; what is still unsent then fails with {@link NsqNotSentException} and what is
     * unanswered with {@link NsqOutcomeUnknownException}.
     */
    public CompletableFuture<Void> closeAsync() {
        if (!closing) {
            closing = true;
            try {
                transport.loop().execute(() -> {
                    closeDeadlineNanos = System.nanoTime() + config.closeTimeout().toNanos();
                    takeSubmitted();
                    writeReady();
                    checkClosed();
                });
            } catch (RejectedExecutionException e) {
                closed.complete(null);
            }
        }
        return closed;
    }

    private void checkClosed() {
        if (!closing || terminated || closeDeadlineNanos == 0) {
            return;
        }
        takeSubmitted();
        boolean idle = inFlight == 0 && retry.isEmpty() && ready.isEmpty() && open.isEmpty();
        boolean canProgress = connection != null || connecting || reconnectTimer != null;
        if (!idle && canProgress && System.nanoTime() - closeDeadlineNanos < 0) {
            writeReady();
            return;
        }
        terminated = true;
        failUnsentOlderThan(Long.MAX_VALUE, "nsq producer closed before this message could be sent");
        failSubmitted();
        for (ScheduledFuture<?> f : new ScheduledFuture<?>[] {ticker, lingerTimer, reconnectTimer}) {
            if (f != null) {
                f.cancel(false);
            }
        }
        NsqConnection c = connection;
        connection = null;
        CompletableFuture<Void> connectionClosed = c == null ? CompletableFuture.completedFuture(null) : c.close();
        connectionClosed.whenComplete((v, e) -> {
            if (ownCallbacks != null) {
                ownCallbacks.shutdown();
            }
            transport.shutdown().whenComplete((v2, e2) -> closed.complete(null));
        });
    }

    private void failSubmitted() {
        PublishRequest r;
        NsqNotSentException error = new NsqNotSentException("nsq producer is closed");
        while ((r = submitted.poll()) != null) {
            pending.addAndGet(-r.messageCount());
            failed.add(r.messageCount());
            r.future().completeExceptionally(error);
        }
    }

    /** {@link #closeAsync()} and wait for it. */
    @Override
    public void close() {
        try {
            closeAsync().get(config.closeTimeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("nsq producer did not close cleanly", e);
        }
    }
}
