package io.smppgateway.bridge.bus;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The NSQ side of the gateway, as smpp.conf's {@code NSQ_*} keys give it: for each of the manual's
 * four topics its nsqd and name ({@link NsqTopicConfig}), plus how we consume.
 *
 * @param topics         the four topics
 * @param maxInFlight    messages one consumer (SMS_OUT or DLR_OUT) works on at once (its RDY count)
 * @param handlerThreads threads that run the flows' handlers per consumer (the handlers only start
 *                       asynchronous work, so few are needed)
 * @param maxAttempts    deliveries of one message before it is parked on the dead-letter topic
 *                       instead (0: never; the flows requeue only for passing failures, and with
 *                       backoff, so an outage of an SMSC or the database does not park messages)
 * @param lookupd        the nsqlookupd through which consumers also find the other nsqd of their topic
 * @param msgTimeout     the msg_timeout our consumers ask for in IDENTIFY: how long nsqd waits before
 *                       it hands a message out again when the consumer that holds it is gone; the
 *                       consumers TOUCH what they hold every half of it, so slow work does not hit it
 */
public record NsqBusConfig(Map<Topic, NsqTopicConfig> topics, int maxInFlight, int handlerThreads,
                           int maxAttempts, NsqLookupd lookupd, Duration msgTimeout) {

    /** Messages each consumer works on at once unless told otherwise. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 200;
    /** msg_timeout asked of nsqd unless told otherwise (nsqd's own default is 60 s). */
    public static final Duration DEFAULT_MSG_TIMEOUT = Duration.ofSeconds(10);
    /** nsqd refuses a msg_timeout above its --max-msg-timeout, 15 min by default. */
    public static final Duration MAX_MSG_TIMEOUT = Duration.ofMinutes(15);

    public NsqBusConfig {
        topics = Map.copyOf(topics);
        for (Topic topic : Topic.values()) {
            if (!topics.containsKey(topic)) {
                throw new IllegalArgumentException("no NSQ settings for " + topic);
            }
        }
        if (maxInFlight < 1 || handlerThreads < 1 || maxAttempts < 0) {
            throw new IllegalArgumentException("maxInFlight and handlerThreads must be at least 1, maxAttempts at least 0");
        }
        Objects.requireNonNull(lookupd, "lookupd");
        if (msgTimeout == null || msgTimeout.toMillis() < 1000 || msgTimeout.compareTo(MAX_MSG_TIMEOUT) > 0) {
            throw new IllegalArgumentException("msgTimeout must be from 1 s to " + MAX_MSG_TIMEOUT + ", was "
                    + msgTimeout);
        }
    }

    public static NsqBusConfig of(Map<Topic, NsqTopicConfig> topics) {
        return new NsqBusConfig(topics, DEFAULT_MAX_IN_FLIGHT, 2, 0, NsqLookupd.none(), DEFAULT_MSG_TIMEOUT);
    }

    /**
     * Reads the manual's keys ({@code NSQ_SMS_OUT_HOST}, {@code NSQ_SMS_OUT_PORT},
     * {@code NSQ_SMS_OUT_TOPIC}, and the same for DLR_IN, SMS_IN, DLR_OUT) through {@code keys}
     * (which returns null for a key that is not set). A missing host is {@code localhost}, as the
     * manual says; every missing or malformed port or topic is reported in one exception, by name.
     */
    public static NsqBusConfig fromKeys(Function<String, String> keys) {
        Map<Topic, NsqTopicConfig> topics = new EnumMap<>(Topic.class);
        List<String> problems = new ArrayList<>();
        for (Topic topic : Topic.values()) {
            String prefix = "NSQ_" + topic.name() + "_";
            String host = keys.apply(prefix + "HOST");
            String port = keys.apply(prefix + "PORT");
            String name = keys.apply(prefix + "TOPIC");
            int portNumber = -1;
            if (port == null || port.isBlank()) {
                problems.add(prefix + "PORT is required");
            } else {
                try {
                    portNumber = Integer.parseInt(port.strip());
                } catch (NumberFormatException e) {
                    problems.add(prefix + "PORT must be a number, was '" + port + "'");
                }
            }
            if (name == null || name.isBlank()) {
                problems.add(prefix + "TOPIC is required");
                continue;
            }
            if (portNumber < 0) {
                continue;
            }
            try {
                topics.put(topic, new NsqTopicConfig(host == null || host.isBlank() ? "localhost" : host.strip(),
                        portNumber, name.strip()));
            } catch (IllegalArgumentException e) {
                problems.add(prefix + "*: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("NSQ settings: " + String.join("; ", problems));
        }
        return of(topics);
    }

    public NsqTopicConfig topic(Topic topic) {
        return topics.get(topic);
    }

    public NsqBusConfig withConsumers(int inFlight, int threads, int attempts) {
        return new NsqBusConfig(topics, inFlight, threads, attempts, lookupd, msgTimeout);
    }

    public NsqBusConfig withLookupd(NsqLookupd value) {
        return new NsqBusConfig(topics, maxInFlight, handlerThreads, maxAttempts, value, msgTimeout);
    }

    public NsqBusConfig withMsgTimeout(Duration value) {
        return new NsqBusConfig(topics, maxInFlight, handlerThreads, maxAttempts, lookupd, value);
    }
}
