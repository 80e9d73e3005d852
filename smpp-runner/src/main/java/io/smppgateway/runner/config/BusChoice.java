package io.smppgateway.runner.config;

import io.smppgateway.bridge.bus.NsqLookupd;
import io.smppgateway.bridge.bus.Topic;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** Which message bus the flows use: NSQ when {@code NSQ_*} is configured, else the in-process bus. */
public sealed interface BusChoice {

    record InProcess() implements BusChoice {
    }

    /**
     * The manual's four topics, each on its own nsqd.
     *
     * @param channel     the channel the gateway consumes SMS_OUT and DLR_OUT on
     * @param maxInFlight messages each of those two consumers works on at once
     * @param lookupd     the nsqlookupd through which those consumers also find the topic's other nsqd
     * @param msgTimeout  the msg_timeout those consumers ask nsqd for
     */
    record Nsq(Map<Topic, NsqEndpoint> endpoints, String channel, int maxInFlight, NsqLookupd lookupd,
               Duration msgTimeout) implements BusChoice {

        public Nsq {
            if (endpoints.size() != Topic.values().length) {
                throw new IllegalArgumentException("every topic needs an endpoint, got " + endpoints.keySet());
            }
            java.util.Objects.requireNonNull(lookupd, "lookupd");
            java.util.Objects.requireNonNull(msgTimeout, "msgTimeout");
            endpoints = java.util.Collections.unmodifiableMap(new EnumMap<>(endpoints));
        }

        public NsqEndpoint of(Topic topic) {
            return endpoints.get(topic);
        }
    }

    /** Where one of the four topics lives: an nsqd's TCP address and the topic's real name. */
    record NsqEndpoint(String host, int port, String topic) {
    }
}
