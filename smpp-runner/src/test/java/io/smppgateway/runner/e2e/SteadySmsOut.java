package io.smppgateway.runner.e2e;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application publishing SMS_OUT one at a time at a steady pace ({@link NsqApplication#publish},
 * HTTP /pub) until stopped, each towards one gateway ({@code smsc_id}) with its text equal to its
 * {@code msg_id}. A message counts as acknowledged once nsqd answered 200: from then on it must not
 * be lost.
 */
final class SteadySmsOut implements AutoCloseable {

    private final NsqApplication application;
    private final String topic;
    private final String smscId;
    private final String idPrefix;
    private final long paceMillis;
    private final List<String> acknowledged = new CopyOnWriteArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();
    private final Thread publisher;
    private volatile boolean running = true;

    /**
     * @param topic      the gateway's NSQ_SMS_OUT_TOPIC
     * @param idPrefix   what each msg_id starts with (then {@code -<n>})
     * @param paceMillis the pause after each publish
     */
    SteadySmsOut(NsqApplication application, String topic, String smscId, String idPrefix, long paceMillis) {
        this.application = application;
        this.topic = topic;
        this.smscId = smscId;
        this.idPrefix = idPrefix;
        this.paceMillis = paceMillis;
        this.publisher = new Thread(this::publish, "steady-sms-out");
    }

    void start() {
        publisher.start();
    }

    private void publish() {
        for (int i = 0; running; i++) {
            String msgId = idPrefix + "-" + i;
            String body = """
                    {"smsc_id": "%s", "msg_id": "%s", "sender": "Bank", "receiver": "380991234567",
                     "message": "%s"}""".formatted(smscId, msgId, msgId);
            if (application.publish(topic, body)) {
                acknowledged.add(msgId);
            } else {
                refused.incrementAndGet();
            }
            try {
                Thread.sleep(paceMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The msg_ids nsqd took so far, in order. */
    List<String> acknowledged() {
        return List.copyOf(acknowledged);
    }

    int refused() {
        return refused.get();
    }

    /** Stops publishing and waits for the publish under way. */
    void stop() throws InterruptedException {
        running = false;
        publisher.join(TimeUnit.SECONDS.toMillis(60));
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
