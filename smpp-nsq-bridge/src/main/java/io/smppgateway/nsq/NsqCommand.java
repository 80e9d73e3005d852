package io.smppgateway.nsq;

import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The commands a client sends, each laid out as in the
 * <a href="https://nsq.io/clients/tcp_protocol_spec.html">TCP Protocol Spec</a>: a text line
 * {@code NAME [params...]\n}, followed for some by a binary body {@code [4-byte size][data]}.
 * Each command knows its exact encoded size so that the encoder allocates once.
 * Byte arrays are not copied: commands live only between the client and the encoder.
 */
sealed interface NsqCommand {

    /** Exact number of bytes {@link #writeTo} writes. */
    int encodedSize();

    void writeTo(ByteBuf out);

    /** Whether nsqd answers this command with a response or error frame (FIN, RDY, ... have none). */
    boolean expectsResponse();

    /** {@code IDENTIFY\n[4-byte size][JSON]}. */
    record Identify(byte[] json) implements NsqCommand {
        public int encodedSize() {
            return 9 + 4 + json.length;
        }

        public void writeTo(ByteBuf out) {
            out.writeCharSequence("IDENTIFY\n", StandardCharsets.US_ASCII);
            out.writeInt(json.length);
            out.writeBytes(json);
        }

        public boolean expectsResponse() {
            return true;
        }
    }

    /** {@code AUTH\n[4-byte size][secret]}. */
    record Auth(byte[] secret) implements NsqCommand {
        public int encodedSize() {
            return 5 + 4 + secret.length;
        }

        public void writeTo(ByteBuf out) {
            out.writeCharSequence("AUTH\n", StandardCharsets.US_ASCII);
            out.writeInt(secret.length);
            out.writeBytes(secret);
        }

        public boolean expectsResponse() {
            return true;
        }
    }

    /** {@code SUB <topic> <channel>\n}. */
    record Sub(String topic, String channel) implements NsqCommand {
        public Sub {
            requireName(topic, "topic");
            requireName(channel, "channel");
        }

        public int encodedSize() {
            return 4 + topic.length() + 1 + channel.length() + 1;
        }

        public void writeTo(ByteBuf out) {
            out.writeCharSequence("SUB " + topic + " " + channel + "\n", StandardCharsets.US_ASCII);
        }

        public boolean expectsResponse() {
            return true;
        }
    }

    /** {@code RDY <count>\n}: how many messages nsqd may have in flight to this connection. */
    record Rdy(int count) implements NsqCommand {
        public int encodedSize() {
            return 4 + Integer.toString(count).length() + 1;
        }

        public void writeTo(ByteBuf out) {
            out.writeCharSequence("RDY " + count + "\n", StandardCharsets.US_ASCII);
        }

        public boolean expectsResponse() {
            return false;
        }
    }

    /** {@code FIN <message_id>\n}. */
    record Fin(String id) implements NsqCommand {
        public int encodedSize() {
            return 4 + id.length() + 1;
        }

        public void writeTo(ByteBuf out) {
            out.writeCharSequence("FIN ", StandardCharsets.US_ASCII);
            out.writeCharSequence(id, StandardCharsets.ISO_8859_1);
            out.writeByte('\n');
        }

        public boolean expectsResponse() {
            return false;
        }
    }

    /** {@code REQ <message_id> <timeout_ms>\n}. */
    record Req(String id, long delayMillis) implements NsqCommand {
        public int encodedSize() {
            return 4 + id.length() + 1 + Long.toString(delayMillis).length() + 1;
        }

        public void writeTo(ByteBuf out) {
            out.writeCharSequence("REQ ", StandardCharsets.US_ASCII);
            out.writeCharSequence(id, StandardCharsets.ISO_8859_1);
            out.writeCharSequence(" " + delayMillis + "\n", StandardCharsets.US_ASCII);
        }

        public boolean expectsResponse() {
            return false;
        }
    }

    /** {@code TOUCH <message_id>\n}: resets the message's timeout. */
    record Touch(String id) implements NsqCommand {
        public int encodedSize() {
            return 6 + id.length() + 1;
        }

        public void writeTo(ByteBuf out) {
            out.writeCharSequence("TOUCH ", StandardCharsets.US_ASCII);
            out.writeCharSequence(id, StandardCharsets.ISO_8859_1);
            out.writeByte('\n');
        }

        public boolean expectsResponse() {
            return false;
        }
    }

    /** {@code CLS\n}: no more messages please; nsqd answers {@code CLOSE_WAIT}. */
    record Cls() implements NsqCommand {
        public int encodedSize() {
            return 4;
        }

        public void writeTo(ByteBuf out) {
            out.writeCharSequence("CLS\n", StandardCharsets.US_ASCII);
        }

        public boolean expectsResponse() {
            return true;
        }
    }

    /** {@code NOP\n}: the answer to a heartbeat. */
    record Nop() implements NsqCommand {
        public int encodedSize() {
            return 4;
        }

        public void writeTo(ByteBuf out) {
            out.writeCharSequence("NOP\n", StandardCharsets.US_ASCII);
        }

        public boolean expectsResponse() {
            return false;
        }
    }

    /** {@code PUB <topic>\n[4-byte size][body]}. */
    record Pub(String topic, byte[] body) implements NsqCommand {
        public Pub {
            requireName(topic, "topic");
        }

        public int encodedSize() {
            return 4 + topic.length() + 1 + 4 + body.length;
        }

        public void writeTo(ByteBuf out) {
            out.writeCharSequence("PUB " + topic + "\n", StandardCharsets.US_ASCII);
            out.writeInt(body.length);
            out.writeBytes(body);
        }

        public boolean expectsResponse() {
            return true;
        }
    }

    /**
     * {@code MPUB <topic>\n[4-byte body size][4-byte num messages]([4-byte size][body])...}:
     * nsqd stores all of them or none.
     */
    record Mpub(String topic, List<byte[]> bodies) implements NsqCommand {
        public Mpub {
            requireName(topic, "topic");
            if (bodies.isEmpty()) {
                throw new IllegalArgumentException("MPUB needs at least one message");
            }
        }

        int bodySize() {
            int size = 4;
            for (byte[] b : bodies) {
                size += 4 + b.length;
            }
            return size;
        }

        public int encodedSize() {
            return 5 + topic.length() + 1 + 4 + bodySize();
        }

        public void writeTo(ByteBuf out) {
            out.writeCharSequence("MPUB " + topic + "\n", StandardCharsets.US_ASCII);
            out.writeInt(bodySize());
            out.writeInt(bodies.size());
            for (byte[] b : bodies) {
                out.writeInt(b.length);
                out.writeBytes(b);
            }
        }

        public boolean expectsResponse() {
            return true;
        }
    }

    /** {@code DPUB <topic> <defer_time_ms>\n[4-byte size][body]}. */
    record Dpub(String topic, long deferMillis, byte[] body) implements NsqCommand {
        public Dpub {
            requireName(topic, "topic");
            if (deferMillis < 0) {
                throw new IllegalArgumentException("negative defer: " + deferMillis);
            }
        }

        public int encodedSize() {
            return 5 + topic.length() + 1 + Long.toString(deferMillis).length() + 1 + 4 + body.length;
        }

        public void writeTo(ByteBuf out) {
            out.writeCharSequence("DPUB " + topic + " " + deferMillis + "\n", StandardCharsets.US_ASCII);
            out.writeInt(body.length);
            out.writeBytes(body);
        }

        public boolean expectsResponse() {
            return true;
        }
    }

    /**
     * Guards the text line only: a name with a space, a newline or a non-ASCII character would
     * change the meaning of the command. Whether the name is a valid topic or channel is nsqd's
     * call (it answers E_BAD_TOPIC / E_BAD_CHANNEL).
     */
    static void requireName(String name, String what) {
        Objects.requireNonNull(name, what);
        if (name.isEmpty()) {
            throw new IllegalArgumentException(what + " name is empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c >= 0x7F) {
                throw new IllegalArgumentException(what + " name has a character that cannot go on the command line: "
                        + name);
            }
        }
    }
}
