package io.smppgateway.nsq;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One message as nsqd delivers it inside a message frame
 * (<a href="https://nsq.io/clients/tcp_protocol_spec.html">TCP Protocol Spec</a>, "Data Format"):
 * <pre>
 * [x][x][x][x][x][x][x][x][x][x][x][x][x][x][x][x][x][x][x][x][x][x][x][x][x][x][x][x][x][x]...
 * |       (int64)        ||    ||      (hex string encoded in ASCII)           || (binary)
 * |       8-byte         ||    ||                 16-byte                      || N-byte
 * ------------------------------------------------------------------------------------------...
 *   nanosecond timestamp    ^^                   message ID                       message body
 *                        (uint16)
 *                         2-byte
 *                        attempts
 * </pre>
 * The body is copied in and out so that the value cannot change under its holder.
 *
 * @param id          the 16-character message id, used by FIN, REQ and TOUCH
 * @param timestampNanos when nsqd accepted the message, in nanoseconds since the epoch
 * @param attempts    how many times nsqd has delivered it, this delivery included (1 on the first)
 * @param body        the payload
 */
public record NsqMessage(String id, long timestampNanos, int attempts, byte[] body) {

    /** Size of the fixed header before the body. */
    public static final int HEADER_SIZE = 8 + 2 + 16;

    public NsqMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        if (id.length() != 16) {
            throw new IllegalArgumentException("an nsq message id has 16 characters, got " + id.length());
        }
        if (attempts < 0 || attempts > 0xFFFF) {
            throw new IllegalArgumentException("attempts out of uint16 range: " + attempts);
        }
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body read as UTF-8 text (the gateway's JSON messages). */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Body length without a copy. */
    public int bodySize() {
        return body.length;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NsqMessage m
                && id.equals(m.id) && timestampNanos == m.timestampNanos
                && attempts == m.attempts && Arrays.equals(body, m.body);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hash(id, timestampNanos, attempts) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "NsqMessage[id=" + id + ", attempts=" + attempts + ", body=" + body.length + " bytes]";
    }
}
