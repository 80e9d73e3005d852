package io.smppgateway.nsq;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * What nsqd sends: {@code [4-byte size][4-byte frame type][data]} where the type is a response (0),
 * an error (1) or a message (2). {@link Malformed} stands for bytes that cannot be a frame: the
 * decoder yields it instead of throwing, and the connection closes on it because nothing after it
 * can be trusted.
 */
public sealed interface NsqFrame {

    int TYPE_RESPONSE = 0;
    int TYPE_ERROR = 1;
    int TYPE_MESSAGE = 2;

    /** A response frame: {@code OK}, {@code CLOSE_WAIT}, {@code _heartbeat_} or IDENTIFY's JSON. */
    record Response(byte[] data) implements NsqFrame {
        public static final String HEARTBEAT = "_heartbeat_";

        public Response {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }

        public boolean isHeartbeat() {
            return data.length == HEARTBEAT.length() && HEARTBEAT.equals(text());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Response r && Arrays.equals(data, r.data);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Response[" + text() + "]";
        }
    }

    /**
     * An error frame, whose text nsqd writes as {@code E_CODE description}.
     *
     * @param code        the {@code E_...} code
     * @param description what nsqd said after the code (may be empty)
     */
    record Error(String code, String description) implements NsqFrame {
        static Error parse(String text) {
            int space = text.indexOf(' ');
            return space < 0 ? new Error(text, "") : new Error(text.substring(0, space), text.substring(space + 1));
        }

        /**
         * nsqd answers FIN, REQ and TOUCH (which have no OK) with these non-fatal errors, so they
         * never stand for the answer to a command awaiting a response.
         */
        public boolean isAcknowledgementFailure() {
            return code.equals("E_FIN_FAILED") || code.equals("E_REQ_FAILED") || code.equals("E_TOUCH_FAILED");
        }
    }

    /** A message frame. */
    record Message(NsqMessage message) implements NsqFrame {
    }

    /** Bytes that are not a frame: too large, too short, or of an unknown type. */
    record Malformed(String reason) implements NsqFrame {
    }
}
