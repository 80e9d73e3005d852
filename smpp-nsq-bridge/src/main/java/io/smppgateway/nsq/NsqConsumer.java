package io.smppgateway.nsq;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * Subscribes to one topic/channel on every nsqd it is told of (directly, or found through
 * nsqlookupd's {@code /lookup}), and hands each message to a {@link NsqMessageHandler} on the
 * handler executor.
 *
 * <p>Flow control: nsqd's RDY is the number of messages it may have in flight to a connection.
 * The consumer splits {@code maxInFlight} across its connections (capped by each nsqd's
 * {@code max_rdy_count}). Decreases are sent first, and an increase is granted only from slots no
 * other connection still holds (a connection whose RDY was lowered counts with its unsettled
 * messages until they are settled), so unsettled messages never exceed {@code maxInFlight}. A
 * message nsqd wrote just before it read a lowered RDY would: it is requeued at once (REQ 0)
 * instead of handed over, so the handler never holds more than {@code maxInFlight}. With fewer slots than
 * connections, idle connections hand their slot on every {@code rdyRedistributeInterval}, as
 * go-nsq does.
 *
 * <p>Connections to direct addresses are always re-established after a loss, with jittered
 * exponential backoff; nsqd addresses found through nsqlookupd are re-established while lookupd
 * still lists them (nsqlookupd is asked every {@code lookupInterval}; one that does not answer
 * keeps its last list), and an nsqd no nsqlookupd lists any more is not reconnected after it is
 * lost. Messages unsettled on a lost connection are redelivered by nsqd after its msg_timeout:
 * set a short one in IDENTIFY, with {@code touchUnsettled} so that slow handlers do not hit it.
 *
 * <p>{@link #closeAsync()} sends CLS, waits for CLOSE_WAIT, gives handlers up to
 * {@code shutdownTimeout} to settle what they hold, requeues the rest (REQ 0, so the next consumer
 * gets them at once) and closes the connections.
 */
public final class NsqConsumer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NsqConsumer.class);

    private final NsqConsumerConfig config;
    private final NsqMessageHandler handler;
    private final NsqTransport transport;
    private final Executor executor;
    private final ThreadPoolExecutor ownExecutor;
    private final NsqLookupClient lookupClient;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final LongAdder received = new LongAdder();
    private final LongAdder finished = new LongAdder();
    private final LongAdder requeued = new LongAdder();
    private final LongAdder gaveUp = new LongAdder();
    private final LongAdder touched = new LongAdder();
    private volatile long connects;
    private volatile long heartbeatsOfClosedConnections;
    private volatile int inFlightSnapshot;
    private volatile int connectionCount;
    private volatile boolean stopping;
    private volatile List<ConsumerConnection> liveConnections = List.of();

    // Event loop only:
    private final Map<NsqAddress, ConsumerConnection> connections = new LinkedHashMap<>();
    private final Set<NsqAddress> connecting = new HashSet<>();
    private final Map<NsqAddress, ScheduledFuture<?>> reconnectTimers = new HashMap<>();
    private final Map<NsqAddress, Integer> failures = new HashMap<>();
    private final Map<NsqAddress, List<NsqAddress>> lookupResults = new HashMap<>();
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
    private int inFlight;
    private int rotation;
    private boolean rdyShort;
    /** Set once the stop's last step (shutting the transport) has begun, so that it runs once. */
    private boolean finishing;

    private NsqConsumer(NsqConsumerConfig config, NsqMessageHandler handler) {
        this.config = config;
        this.handler = handler;
        this.transport = new NsqTransport(config.eventLoopGroup(), "nsq-consumer", config.connectTimeout());
        if (config.handlerExecutor() != null) {
            this.executor = config.handlerExecutor();
            this.ownExecutor = null;
        } else {
            // Never more than maxInFlight messages are handed over (see onMessageReceived), so this
            // queue cannot overflow.
            this.ownExecutor = new ThreadPoolExecutor(config.handlerThreads(), config.handlerThreads(), 60,
                    TimeUnit.SECONDS, new ArrayBlockingQueue<>(config.maxInFlight() + 16),
                    new DefaultThreadFactory("nsq-handler-" + config.topic(), true));
            this.executor = ownExecutor;
        }
        this.lookupClient = config.lookupdAddresses().isEmpty() ? null : new NsqLookupClient(config.connectTimeout());
    }

    /** Starts connecting to the configured nsqd and nsqlookupd; messages flow to {@code handler}. */
    public static NsqConsumer start(NsqConsumerConfig config, NsqMessageHandler handler) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(handler, "handler");
        if (config.nsqdAddresses().isEmpty() && config.lookupdAddresses().isEmpty()) {
            throw new IllegalArgumentException("no nsqd and no nsqlookupd address to consume from");
        }
        NsqConsumer consumer = new NsqConsumer(config, handler);
        consumer.transport.loop().execute(consumer::begin);
        return consumer;
    }

    public NsqConsumerStats stats() {
        return new NsqConsumerStats(connectionCount, inFlightSnapshot, received.sum(), finished.sum(),
                requeued.sum(), gaveUp.sum(), connects, heartbeatsOfClosedConnections + liveHeartbeats(),
                touched.sum());
    }

    private long liveHeartbeats() {
        long sum = 0;
        for (ConsumerConnection cc : liveConnections) {
            sum += cc.connection.heartbeatsAnswered();
        }
        return sum;
    }

    private void connectionsChanged() {
        liveConnections = List.copyOf(connections.values());
        connectionCount = liveConnections.size();
    }

    // ---- event loop ----

    private void begin() {
        for (NsqAddress address : config.nsqdAddresses()) {
            connect(address);
        }
        if (lookupClient != null) {
            long interval = config.lookupInterval().toMillis();
            timers.add(transport.loop().scheduleWithFixedDelay(this::pollLookupd, 0, interval, TimeUnit.MILLISECONDS));
        }
        long redistribute = config.rdyRedistributeInterval().toMillis();
        timers.add(transport.loop().scheduleWithFixedDelay(this::redistributeRdy, redistribute, redistribute,
                TimeUnit.MILLISECONDS));
    }

    private void connect(NsqAddress address) {
        reconnectTimers.remove(address);
        if (stopping || connections.containsKey(address) || !connecting.add(address)) {
            return;
        }
        NsqConnection.Listener listener = new NsqConnection.Listener() {
            ConsumerConnection owner;

            @Override
            public void onMessage(NsqConnection c, NsqMessage message) {
                if (owner == null) {
                    owner = connections.get(c.address());
                }
                onMessageReceived(owner, message);
            }

            @Override
            public void onClosed(NsqConnection c, Throwable cause) {
                onConnectionClosed(c, cause);
            }
        };
        NsqConnection.open(transport.bootstrap(), transport.loop(), address, config.identify(), config.maxFrameSize(),
                config.connectTimeout(), listener)
                .thenCompose(c -> c.request(new NsqCommand.Sub(config.topic(), config.channel()))
                        .handle((response, error) -> {
                            if (error != null || !response.text().equals("OK")) {
                                c.close();
                                throw new IllegalStateException("SUB " + config.topic() + " " + config.channel()
                                        + " refused by " + address + ": " + (error != null ? error.getMessage() : response),
                                        error);
                            }
                            return c;
                        }))
                .whenComplete((c, error) -> {
                    connecting.remove(address);
                    if (error != null) {
                        int attempt = failures.merge(address, 1, Integer::sum);
                        log.warn("nsq consumer cannot subscribe at {} (attempt {}): {}", address, attempt,
                                rootMessage(error));
                        scheduleReconnect(address);
                        return;
                    }
                    if (stopping) {
                        c.close();
                        return;
                    }
                    failures.remove(address);
                    ConsumerConnection cc = new ConsumerConnection(this, c);
                    connections.put(address, cc);
                    if (config.touchUnsettled()) {
                        startTouching(cc);
                    }
                    connectionsChanged();
                    connects++;
                    log.info("nsq consumer subscribed to {}/{} at {}", config.topic(), config.channel(), address);
                    rebalanceRdy();
                });
    }

    /**
     * TOUCHes what the connection holds unsettled every half of its msg_timeout (as nsqd answered
     * IDENTIFY), so that nsqd times a message out only once this consumer is gone.
     */
    private void startTouching(ConsumerConnection cc) {
        long every = Math.max(100, cc.connection.identifyResponse().msgTimeout().toMillis() / 2);
        cc.toucher = transport.loop().scheduleWithFixedDelay(() -> {
            if (!cc.live) {
                return;
            }
            for (NsqDelivery d : cc.unsettled.values()) {
                if (!d.isSettled()) {
                    cc.connection.send(new NsqCommand.Touch(d.message().id()));
                    touched.increment();
                }
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == error ? String.valueOf(error.getMessage()) : error.getMessage() + " (" + t + ")";
    }

    private boolean wanted(NsqAddress address) {
        if (config.nsqdAddresses().contains(address)) {
            return true;
        }
        for (List<NsqAddress> found : lookupResults.values()) {
            if (found.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private void scheduleReconnect(NsqAddress address) {
        if (stopping || !wanted(address) || reconnectTimers.containsKey(address)) {
            return;
        }
        int attempt = failures.getOrDefault(address, 0);
        long delay = config.reconnectBackoff().delayMillis(Math.max(0, attempt - 1));
        reconnectTimers.put(address, transport.loop().schedule(() -> {
            if (wanted(address)) {
                connect(address);
            } else {
                reconnectTimers.remove(address);
                failures.remove(address);
            }
        }, delay, TimeUnit.MILLISECONDS));
    }

    private void onConnectionClosed(NsqConnection c, Throwable cause) {
        ConsumerConnection cc = connections.get(c.address());
        if (cc == null || cc.connection != c) {
            return;
        }
        connections.remove(c.address());
        heartbeatsOfClosedConnections += c.heartbeatsAnswered();
        connectionsChanged();
        cc.live = false;
        cc.stopTouching();
        for (NsqDelivery d : cc.unsettled.values()) {
            d.release();
        }
        inFlight -= cc.unsettled.size();
        inFlightSnapshot = inFlight;
        cc.unsettled.clear();
        cc.rdy = 0;
        if (!stopping) {
            log.warn("nsq consumer lost {}: {}", c.address(), cause.getMessage());
            failures.merge(c.address(), 1, Integer::sum);
            scheduleReconnect(c.address());
            rebalanceRdy();
        }
    }

    private void onMessageReceived(ConsumerConnection cc, NsqMessage message) {
        received.increment();
        if (cc == null || !cc.live) {
            return;
        }
        cc.lastMessageNanos = System.nanoTime();
        NsqDelivery delivery = new NsqDelivery(message, cc, config.requeueBackoff());
        cc.unsettled.put(message.id(), delivery);
        inFlight++;
        inFlightSnapshot = inFlight;
        if (stopping) {
            delivery.requeue(Duration.ZERO);
            return;
        }
        if (inFlight > config.maxInFlight()) {
            // nsqd wrote it before it read a lowered RDY; handing it over would exceed maxInFlight
            log.debug("nsq message {} beyond maxInFlight {} after a RDY change; requeued", message.id(),
                    config.maxInFlight());
            delivery.requeue(Duration.ZERO);
            return;
        }
        boolean givingUp = config.maxAttempts() > 0 && message.attempts() > config.maxAttempts();
        try {
            executor.execute(givingUp ? () -> giveUp(delivery) : () -> handle(delivery));
        } catch (RejectedExecutionException e) {
            log.warn("nsq handler executor refused message {}; requeued", message.id());
            delivery.requeue(Duration.ofSeconds(1));
        }
    }

    private void handle(NsqDelivery delivery) {
        try {
            handler.handle(delivery);
        } catch (Throwable t) {
            log.warn("nsq handler failed on message {} (attempt {}); requeued", delivery.message().id(),
                    delivery.message().attempts(), t);
            if (!delivery.isSettled()) {
                delivery.requeue();
            }
        }
    }

    private void giveUp(NsqDelivery delivery) {
        CompletionStage<?> parked;
        try {
            parked = config.giveUpHandler().giveUp(delivery.message());
        } catch (Throwable t) {
            log.warn("nsq give-up handler failed on message {}; requeued", delivery.message().id(), t);
            delivery.requeue();
            return;
        }
        parked.whenComplete((v, error) -> {
            if (error == null) {
                gaveUp.increment();
                delivery.finish();
            } else {
                log.warn("nsq give-up handler failed on message {}; requeued", delivery.message().id(), error);
                delivery.requeue();
            }
        });
    }

    /** A delivery was settled by FIN or REQ on this connection (already sent). */
    void onSettled(ConsumerConnection cc, boolean wasFinished) {
        (wasFinished ? finished : requeued).increment();
        inFlight--;
        inFlightSnapshot = inFlight;
        if (rdyShort) {
            applyRdyTargets();
        }
    }

    private void rebalanceRdy() {
        List<ConsumerConnection> conns = new ArrayList<>(connections.values());
        int n = conns.size();
        if (n == 0) {
            return;
        }
        int max = stopping ? 0 : config.maxInFlight();
        if (max >= n) {
            for (int i = 0; i < n; i++) {
                conns.get(i).targetRdy = Math.min(max / n + (i < max % n ? 1 : 0), conns.get(i).maxRdy());
            }
        } else {
            // Fewer slots than connections: keep current holders, then hand the rest round-robin.
            int left = max;
            for (ConsumerConnection cc : conns) {
                cc.targetRdy = left > 0 && cc.rdy > 0 ? 1 : 0;
                left -= cc.targetRdy;
            }
            for (int k = 0; k < n && left > 0; k++) {
                ConsumerConnection cc = conns.get((rotation + k) % n);
                if (cc.targetRdy == 0) {
                    cc.targetRdy = 1;
                    left--;
                }
            }
        }
        applyRdyTargets();
    }

    /**
     * Sends decreases first, then grants increases only from slots that no connection still uses:
     * a connection whose RDY was lowered keeps its unsettled messages, so it counts with the larger
     * of its RDY and its unsettled count until they are settled ({@link #onSettled} calls back).
     */
    private void applyRdyTargets() {
        int max = stopping ? 0 : config.maxInFlight();
        boolean waiting = false;
        for (ConsumerConnection cc : connections.values()) {
            if (cc.targetRdy < cc.rdy) {
                cc.sendRdy(cc.targetRdy);
            }
        }
        for (ConsumerConnection cc : connections.values()) {
            if (cc.targetRdy > cc.rdy) {
                int committed = 0;
                for (ConsumerConnection other : connections.values()) {
                    if (other != cc) {
                        committed += Math.max(other.rdy, other.unsettled.size());
                    }
                }
                int grant = Math.min(cc.targetRdy, max - committed);
                if (grant > cc.rdy) {
                    cc.sendRdy(grant);
                }
                waiting |= cc.rdy < cc.targetRdy;
            }
        }
        rdyShort = waiting;
    }

    private void redistributeRdy() {
        List<ConsumerConnection> conns = new ArrayList<>(connections.values());
        if (stopping || conns.size() <= config.maxInFlight()) {
            return;
        }
        long idleNanos = config.rdyRedistributeInterval().toNanos();
        long now = System.nanoTime();
        boolean moved = false;
        for (ConsumerConnection cc : conns) {
            if (cc.rdy > 0 && cc.unsettled.isEmpty() && now - cc.lastMessageNanos > idleNanos) {
                cc.sendRdy(0);
                moved = true;
            }
        }
        if (moved) {
            rotation++;
            rebalanceRdy();
        }
    }

    private void pollLookupd() {
        for (NsqAddress lookupd : config.lookupdAddresses()) {
            lookupClient.lookup(lookupd, config.topic()).whenComplete((found, error) -> {
                try {
                    transport.loop().execute(() -> onLookup(lookupd, found, error));
                } catch (RejectedExecutionException e) {
                    // closed meanwhile
                }
            });
        }
    }

    private void onLookup(NsqAddress lookupd, List<NsqAddress> found, Throwable error) {
        if (stopping) {
            return;
        }
        if (error != null) {
            log.warn("nsqlookupd {} lookup of {} failed: {}", lookupd, config.topic(), rootMessage(error));
            return;
        }
        lookupResults.put(lookupd, found);
        // An nsqd no lookupd lists any more (and not named directly) is not reconnected. A live
        // connection to it stays: it goes when that nsqd closes it, and until then it may still
        // deliver messages held there.
        for (NsqAddress address : new ArrayList<>(reconnectTimers.keySet())) {
            if (!wanted(address)) {
                log.info("nsq consumer stops reconnecting to {}: no nsqlookupd lists it for {} any more", address,
                        config.topic());
                reconnectTimers.remove(address).cancel(false);
                failures.remove(address);
            }
        }
        for (NsqAddress address : found) {
            if (!connections.containsKey(address) && !connecting.contains(address)
                    && !reconnectTimers.containsKey(address)) {
                connect(address);
            }
        }
    }

    // ---- closing ----

    /** Closes gracefully as described in the class comment; completes when everything is closed. */
    public CompletableFuture<Void> closeAsync() {
        if (!stopping) {
            stopping = true;
            try {
                transport.loop().execute(this::beginClose);
            } catch (RejectedExecutionException e) {
                closed.complete(null);
            }
        }
        return closed;
    }

    private void beginClose() {
        timers.forEach(t -> t.cancel(false));
        reconnectTimers.values().forEach(t -> t.cancel(false));
        reconnectTimers.clear();
        long deadline = System.nanoTime() + config.shutdownTimeout().toNanos();
        List<CompletableFuture<NsqFrame.Response>> closeWaits = new ArrayList<>();
        for (ConsumerConnection cc : connections.values()) {
            closeWaits.add(cc.connection.request(new NsqCommand.Cls()));
        }
        CompletableFuture.allOf(closeWaits.toArray(CompletableFuture[]::new))
                .handle((v, e) -> null)
                .thenRun(() -> transport.loop().execute(() -> awaitSettled(deadline)));
        // If nsqd never answers CLS, the deadline still ends the wait.
        transport.loop().schedule(() -> awaitSettled(deadline),
                Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    }

    private void awaitSettled(long deadlineNanos) {
        if (finishing) {
            return;
        }
        if (inFlight > 0 && System.nanoTime() - deadlineNanos < 0) {
            transport.loop().schedule(() -> awaitSettled(deadlineNanos), 20, TimeUnit.MILLISECONDS);
            return;
        }
        finishing = true;
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (ConsumerConnection cc : new ArrayList<>(connections.values())) {
            int released = 0;
            for (NsqDelivery d : cc.unsettled.values()) {
                if (d.release()) {
                    cc.connection.send(new NsqCommand.Req(d.message().id(), 0));
                    released++;
                }
            }
            if (released > 0) {
                log.info("nsq consumer requeued {} unsettled messages on {} while closing", released, cc.address());
                requeued.add(released);
            }
            cc.unsettled.clear();
            cc.live = false;
            cc.stopTouching();
            closing.add(cc.connection.close());
        }
        connections.values().forEach(cc -> heartbeatsOfClosedConnections += cc.connection.heartbeatsAnswered());
        connections.clear();
        connectionsChanged();
        inFlight = 0;
        inFlightSnapshot = 0;
        CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).whenComplete((v, e) -> {
            if (ownExecutor != null) {
                ownExecutor.shutdown();
            }
            transport.shutdown().whenComplete((v2, e2) -> closed.complete(null));
        });
    }

    /** {@link #closeAsync()} and wait for it. */
    @Override
    public void close() {
        try {
            closeAsync().get(config.shutdownTimeout().toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            log.warn("nsq consumer did not close cleanly", e);
        }
    }
}
