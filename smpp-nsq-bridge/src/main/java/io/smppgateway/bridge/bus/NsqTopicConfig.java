package io.smppgateway.bridge.bus;

import io.smppgateway.nsq.NsqAddress;

/**
 * Where one of the manual's topics lives: the nsqd ({@code NSQ_<TOPIC>_HOST}, {@code NSQ_<TOPIC>_PORT},
 * its TCP port) and the topic's name ({@code NSQ_<TOPIC>_TOPIC}). Its dead letters go to the same
 * nsqd, on the topic named {@link #deadLetterTopic()}.
 */
public record NsqTopicConfig(String host, int port, String topic) {

    /** Appended to a topic's name to name its dead-letter topic. */
    public static final String DEAD_LETTER_SUFFIX = "_dead";
    /** nsqd's longest topic name, less the suffix, so that the dead-letter topic is valid too. */
    public static final int MAX_TOPIC_LENGTH = 64 - DEAD_LETTER_SUFFIX.length();

    public NsqTopicConfig {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1-65535, was " + port);
        }
        if (topic == null || !topic.matches("[.a-zA-Z0-9_-]{1," + MAX_TOPIC_LENGTH + "}")) {
            throw new IllegalArgumentException("topic must be 1-" + MAX_TOPIC_LENGTH
                    + " letters, digits, '.', '_' or '-', was '" + topic + "'");
        }
    }

    public NsqAddress address() {
        return new NsqAddress(host, port);
    }

    public String deadLetterTopic() {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
