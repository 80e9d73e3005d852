package io.smppgateway.bridge.bus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The NSQ topic of the SMS_OUT handed off to an SMSC's transmitting instances:
 * {@code <SMS_OUT topic>_smsc_<smsc_id>}, readable in nsqadmin; when the smsc_id has characters
 * NSQ does not allow in a name, or the name would pass NSQ's length with room for
 * {@code _dead}, {@code <SMS_OUT topic>_smsc_<digest>} or, for a long SMS_OUT topic,
 * {@code smpp_smsc_<digest>} instead (the digest of both names, so that it stays one topic per
 * SMSC and SMS_OUT topic).
 */
final class NsqHandOffTopics {

    private static final String MARK = "_smsc_";
    /** What NSQ allows in a topic's name; compiled once, as every handed-off SMS_OUT is checked. */
    private static final Pattern NSQ_NAME = Pattern.compile("[.a-zA-Z0-9_-]+");

    private NsqHandOffTopics() {
    }

    static String of(String smsOutTopic, String smscId) {
        String readable = smsOutTopic + MARK + smscId;
        if (NSQ_NAME.matcher(smscId).matches() && readable.length() <= NsqTopicConfig.MAX_TOPIC_LENGTH) {
            return readable;
        }
        String digest = digest(smsOutTopic + "\n" + smscId);
        String hashed = smsOutTopic + MARK + digest;
        return hashed.length() <= NsqTopicConfig.MAX_TOPIC_LENGTH ? hashed : "smpp" + MARK + digest;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
