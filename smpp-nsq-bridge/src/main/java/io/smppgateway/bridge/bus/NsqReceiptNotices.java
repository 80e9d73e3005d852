package io.smppgateway.bridge.bus;

import io.smppgateway.nsq.NsqAddress;
import io.smppgateway.nsq.NsqConsumer;
import io.smppgateway.nsq.NsqConsumerConfig;
import io.smppgateway.nsq.NsqDelivery;
import io.smppgateway.nsq.NsqProducer;
import io.smppgateway.nsq.NsqProducerConfig;
import io.smppgateway.smpp.log.RepeatedLines;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ReceiptNotices} over NSQ: a hint is the client id, published to an ephemeral topic beside
 * DLR_OUT ({@link #topicFor}); each listener reads it on an ephemeral channel of its own, so every
 * instance gets every hint and nsqd keeps none of them on disk or for a listener that is gone.
 * With nsqlookupd, hints are read from every nsqd it lists for the topic, as DLR_OUT is, since
 * each instance publishes its hints to its own nsqd.
 */
final class NsqReceiptNotices implements ReceiptNotices {

    private static final Logger log = LoggerFactory.getLogger(NsqReceiptNotices.class);
    /** Anyone who can publish to nsqd can publish there: a few lines a minute, the rest counted. */
    private static final RepeatedLines BAD_NOTICE_LINES = RepeatedLines.perMinute();
    static final String EPHEMERAL = "#ephemeral";
    static final String SUFFIX = "_notices" + EPHEMERAL;
    /** Used when the DLR_OUT topic's name is too long to take the suffix within NSQ's 64 characters. */
    static final String FALLBACK_TOPIC = "smpp_gateway" + SUFFIX;
    private static final int MAX_NAME = 64;

    private final NsqAddress nsqd;
    private final String topic;
    private final NsqLookupd lookupd;
    private volatile NsqProducer producer;
    private volatile boolean closed;

    NsqReceiptNotices(NsqAddress nsqd, String dlrOutTopic, NsqLookupd lookupd) {
        this.nsqd = nsqd;
        this.lookupd = lookupd;
        this.topic = topicFor(dlrOutTopic);
    }

    /** {@code <DLR_OUT topic>_notices#ephemeral}, or {@link #FALLBACK_TOPIC} for a long topic name. */
    static String topicFor(String dlrOutTopic) {
        String name = dlrOutTopic + SUFFIX;
        return name.length() <= MAX_NAME ? name : FALLBACK_TOPIC;
    }

    String topic() {
        return topic;
    }

    private NsqProducer producer() {
        NsqProducer current = producer;
        if (current == null) {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("the receipt notices are closed");
                }
                current = producer;
                if (current == null) {
                    current = NsqProducer.start(NsqProducerConfig.defaults(List.of(nsqd)));
                    producer = current;
                }
            }
        }
        return current;
    }

    @Override
    public void receiptsWaiting(long clientId) {
        try {
            producer().publish(topic, Long.toString(clientId).getBytes(StandardCharsets.US_ASCII))
                    .whenComplete((done, failure) -> {
                        if (failure != null) {
                            log.debug("receipt notice for client {} not sent ({}); the periodic check delivers"
                                    + " its receipts", clientId, failure.toString());
                        }
                    });
        } catch (RuntimeException e) {
            log.debug("receipt notice for client {} not sent: {}", clientId, e.toString());
        }
    }

    @Override
    public AutoCloseable listen(String listenerId, LongConsumer listener) {
        String channel = listenerId + EPHEMERAL;
        NsqConsumerConfig config = NsqConsumerConfig.defaults(topic, channel).withNsqd(List.of(nsqd))
                .withMaxInFlight(100).withHandlerThreads(1);
        if (lookupd.inUse()) {
            config = config.withLookupd(lookupd.httpAddresses(), lookupd.pollInterval());
        }
        NsqConsumer consumer = NsqConsumer.start(config, delivery -> pass(delivery, listener));
        return consumer::close;
    }

    private static void pass(NsqDelivery delivery, LongConsumer listener) {
        String body = delivery.message().bodyAsString();
        delivery.finish();
        long clientId;
        try {
            clientId = Long.parseLong(body.trim());
        } catch (NumberFormatException e) {
            long skipped = BAD_NOTICE_LINES.take("not a client id");
            if (skipped >= 0) {
                log.warn("a receipt notice that is not a client id was skipped ({} characters){}", body.length(),
                        RepeatedLines.suffix(skipped));
            }
            return;
        }
        listener.accept(clientId);
    }

    @Override
    public void close() {
        NsqProducer current;
        synchronized (this) {
            closed = true;
            current = producer;
            producer = null;
        }
        if (current != null) {
            current.close();
        }
    }
}
