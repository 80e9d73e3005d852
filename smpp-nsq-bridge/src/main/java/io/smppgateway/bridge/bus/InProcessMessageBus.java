package io.smppgateway.bridge.bus;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message bus inside the JVM, with NSQ's semantics where the flows rely on them: every channel
 * of a topic gets every message, a topic keeps what is published before its first channel exists,
 * a delivery not settled within the message timeout comes back, and requeued messages come back
 * after their delay. Queues are bounded: a publish into a full one fails with
 * {@link BusFullException}. Nothing survives a restart: production uses NSQ.
 */
public final class InProcessMessageBus implements MessageBus {

    private static final Logger log = LoggerFactory.getLogger(InProcessMessageBus.class);

    private final int capacity;
    private final int maxInFlight;
    private final Duration messageTimeout;
    private final ExecutorService handlers;
    private final ScheduledExecutorService timers;
    private final Map<Topic, TopicQueues> topics = new EnumMap<>(Topic.class);
    private final Map<Topic, List<String>> deadLetters = new EnumMap<>(Topic.class);
    private final LocalReceiptNotices notices;
    /** SMS_OUT handed off per smsc_id; with one process on this bus, only this process reads them. */
    private final Map<String, TopicQueues> handOffs = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean closed;

    public InProcessMessageBus() {
        this(100_000, 200, Duration.ofSeconds(60));
    }

    /**
     * @param capacity       most messages one channel (or a topic without channels) holds
     * @param maxInFlight    most unsettled deliveries per channel
     * @param messageTimeout how long a delivery may stay unsettled before it is handed out again
     */
    public InProcessMessageBus(int capacity, int maxInFlight, Duration messageTimeout) {
        this.capacity = capacity;
        this.maxInFlight = maxInFlight;
        this.messageTimeout = messageTimeout;
        AtomicInteger threads = new AtomicInteger();
        this.handlers = Executors.newCachedThreadPool(r -> daemon(r, "bus-handler-" + threads.incrementAndGet()));
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "bus-timer"));
        this.notices = new LocalReceiptNotices(handlers);
        for (Topic topic : Topic.values()) {
            topics.put(topic, new TopicQueues(topic.name()));
            deadLetters.put(topic, new ArrayList<>());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }

    @Override
    public ReceiptNotices receiptNotices() {
        return notices;
    }

    @Override
    public CompletableFuture<Void> publish(Topic topic, String body) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the bus is closed"));
        }
        try {
            topics.get(topic).publish(body);
            return CompletableFuture.completedFuture(null);
        } catch (BusFullException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletableFuture<Void> publishDeadLetter(Topic topic, String body, String reason) {
        List<String> letters = deadLetters.get(topic);
        synchronized (letters) {
            if (letters.size() >= capacity) {
                return CompletableFuture.failedFuture(new BusFullException("dead letters of " + topic + " are full"));
            }
            letters.add(body);
        }
        log.warn("dead letter on {}: {}", topic, reason);
        return CompletableFuture.completedFuture(null);
    }

    /** What was parked as dead letters on a topic, oldest first. */
    public List<String> deadLetters(Topic topic) {
        List<String> letters = deadLetters.get(topic);
        synchronized (letters) {
            return List.copyOf(letters);
        }
    }

    /** Messages waiting (not in flight) on a topic's channel, or on the topic itself before it has channels. */
    public int depth(Topic topic, String channel) {
        return topics.get(topic).depth(channel);
    }

    @Override
    public AutoCloseable consume(Topic topic, String channel, BusHandler handler) {
        ChannelQueue queue = topics.get(topic).channel(channel);
        queue.subscribe(handler);
        return () -> queue.unsubscribe(handler);
    }

    @Override
    public boolean reachesOtherInstances() {
        return false;
    }

    @Override
    public CompletableFuture<Void> handOff(String smscId, String body) {
        if (closed) {
            return CompletableFuture.failedFuture(new IllegalStateException("the bus is closed"));
        }
        try {
            handOffs.computeIfAbsent(smscId, id -> new TopicQueues("SMS_OUT for " + id)).publish(body);
            return CompletableFuture.completedFuture(null);
        } catch (BusFullException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public AutoCloseable consumeHandOffs(String smscId, String channel, BusHandler handler) {
        ChannelQueue queue = handOffs.computeIfAbsent(smscId, id -> new TopicQueues("SMS_OUT for " + id))
                .channel(channel);
        queue.subscribe(handler);
        return () -> queue.unsubscribe(handler);
    }

    /** Up until closed: the queues live in this process. */
    @Override
    public BusHealth health() {
        return closed ? new BusHealth(false, "in-process: closed") : new BusHealth(true, "in-process");
    }

    @Override
    public void close() {
        closed = true;
        notices.close();
        timers.shutdownNow();
        handlers.shutdown();
        try {
            handlers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A topic: its channels, and what waits for the first channel. */
    private final class TopicQueues {
        private final String topic;
        private final Map<String, ChannelQueue> channels = new LinkedHashMap<>();
        private final ArrayDeque<String> waiting = new ArrayDeque<>();

        TopicQueues(String topic) {
            this.topic = topic;
        }

        synchronized void publish(String body) {
            if (channels.isEmpty()) {
                if (waiting.size() >= capacity) {
                    throw new BusFullException(topic + " holds " + capacity + " messages and has no consumer");
                }
                waiting.add(body);
                return;
            }
            for (ChannelQueue channel : channels.values()) {
                if (channel.isFull()) {
                    throw new BusFullException(topic + "/" + channel.name + " holds " + capacity + " messages");
                }
            }
            for (ChannelQueue channel : channels.values()) {
                channel.offer(new Message(body));
            }
        }

        synchronized ChannelQueue channel(String name) {
            ChannelQueue existing = channels.get(name);
            if (existing != null) {
                return existing;
            }
            ChannelQueue created = new ChannelQueue(topic + "/" + name);
            boolean first = channels.isEmpty();
            channels.put(name, created);
            if (first) {
                while (!waiting.isEmpty()) {
                    created.offer(new Message(waiting.poll()));
                }
            }
            return created;
        }

        synchronized int depth(String name) {
            ChannelQueue channel = channels.get(name);
            return channel == null ? waiting.size() : channel.depth();
        }
    }

    /** One message and how often it was handed out. */
    private static final class Message {
        final String body;
        int attempts;

        Message(String body) {
            this.body = body;
        }
    }

    /** A channel: its queue, its subscribers taken in turn, and its deliveries in flight. */
    private final class ChannelQueue {
        private final String name;
        private final ArrayDeque<Message> queue = new ArrayDeque<>();
        private final List<BusHandler> subscribers = new ArrayList<>();
        private int inFlight;
        private int next;

        ChannelQueue(String name) {
            this.name = name;
        }

        synchronized boolean isFull() {
            return queue.size() >= capacity;
        }

        synchronized int depth() {
            return queue.size();
        }

        synchronized void offer(Message message) {
            queue.add(message);
            dispatch();
        }

        synchronized void subscribe(BusHandler handler) {
            subscribers.add(handler);
            dispatch();
        }

        synchronized void unsubscribe(BusHandler handler) {
            subscribers.remove(handler);
        }

        /** Called with the lock held. */
        private void dispatch() {
            while (!closed && !subscribers.isEmpty() && inFlight < maxInFlight && !queue.isEmpty()) {
                Message message = queue.poll();
                message.attempts++;
                inFlight++;
                BusHandler handler = subscribers.get(next++ % subscribers.size());
                Delivery delivery = new Delivery(this, message);
                delivery.armTimeout();
                handlers.execute(() -> {
                    try {
                        handler.handle(delivery);
                    } catch (RuntimeException e) {
                        log.warn("handler of {} failed; requeueing", name, e);
                        delivery.requeueQuietly(Duration.ofSeconds(1));
                    }
                });
            }
        }

        synchronized void settled(Message requeue, Duration delay) {
            inFlight--;
            if (requeue != null) {
                if (delay.isZero()) {
                    queue.addFirst(requeue);
                } else if (!closed) {
                    timers.schedule(() -> offer(requeue), delay.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
            dispatch();
        }
    }

    private final class Delivery implements BusDelivery {
        private final ChannelQueue channel;
        private final Message message;
        private final AtomicInteger state = new AtomicInteger();
        private volatile ScheduledFuture<?> timeout;

        Delivery(ChannelQueue channel, Message message) {
            this.channel = channel;
            this.message = message;
        }

        void armTimeout() {
            if (closed) {
                return;
            }
            timeout = timers.schedule(() -> {
                if (state.compareAndSet(0, 2)) {
                    log.warn("{}: a delivery timed out after {}; handing it out again", channel.name, messageTimeout);
                    channel.settled(message, Duration.ZERO);
                }
            }, messageTimeout.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public String body() {
            return message.body;
        }

        @Override
        public int attempts() {
            return message.attempts;
        }

        @Override
        public void finish() {
            settle(null, Duration.ZERO);
        }

        @Override
        public void requeue(Duration delay) {
            settle(message, delay);
        }

        void requeueQuietly(Duration delay) {
            if (state.get() == 0) {
                requeue(delay);
            }
        }

        @Override
        public void touch() {
            ScheduledFuture<?> current = timeout;
            if (state.get() == 0 && current != null && current.cancel(false)) {
                armTimeout();
            }
        }

        private void settle(Message requeue, Duration delay) {
            if (state.compareAndSet(0, 1)) {
                ScheduledFuture<?> current = timeout;
                if (current != null) {
                    current.cancel(false);
                }
                channel.settled(requeue, delay);
            } else if (state.get() == 1) {
                throw new IllegalStateException("delivery already settled");
            }
        }
    }
}
