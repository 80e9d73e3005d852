package io.smppgateway.examples;

import io.smppgateway.nsq.NsqAddress;
import java.util.Map;

/**
 * Where the examples find the gateway: the keys smpp.conf gives the gateway, read from the
 * environment, with the gateway's own defaults. Each topic is on {@code NSQ_<TOPIC>_HOST} and
 * {@code NSQ_<TOPIC>_PORT}, else on {@code NSQ_HOST}/{@code NSQ_PORT}, else on localhost:4150, and is
 * named by {@code NSQ_<TOPIC>_TOPIC} (default: the quickstart's lower-case names). The REST API is
 * at {@code GATEWAY_HTTP}, else on this host's {@code HTTP_PORT} (8010).
 */
record ExampleSettings(TopicAt smsOut, TopicAt dlrIn, TopicAt smsIn, TopicAt dlrOut, String httpBase,
                       String apiToken) {

    /** One topic and the nsqd it is on. */
    record TopicAt(NsqAddress nsqd, String name) {
    }

    static ExampleSettings fromEnvironment() {
        return from(System.getenv());
    }

    static ExampleSettings from(Map<String, String> environment) {
        return new ExampleSettings(topic(environment, "SMS_OUT"), topic(environment, "DLR_IN"),
                topic(environment, "SMS_IN"), topic(environment, "DLR_OUT"),
                value(environment, "GATEWAY_HTTP", "http://127.0.0.1:" + value(environment, "HTTP_PORT", "8010")),
                value(environment, "HTTP_API_TOKEN", ""));
    }

    private static TopicAt topic(Map<String, String> environment, String topic) {
        String host = value(environment, "NSQ_" + topic + "_HOST", value(environment, "NSQ_HOST", "localhost"));
        String port = value(environment, "NSQ_" + topic + "_PORT", value(environment, "NSQ_PORT", "4150"));
        return new TopicAt(new NsqAddress(host, Integer.parseInt(port.strip())),
                value(environment, "NSQ_" + topic + "_TOPIC", topic.toLowerCase(java.util.Locale.ROOT)));
    }

    private static String value(Map<String, String> environment, String key, String fallback) {
        String value = environment.get(key);
        return value == null || value.isBlank() ? fallback : value;
    }
}
