package io.smppgateway.runner.tools.soak;

import java.nio.ByteBuffer;

/**
 * Counts the whole PDUs in the gateway's answers as they arrive in pieces, from their
 * command_length alone: the fuzzer drops the answers but needs to know how many came, to keep a
 * bounded number of its PDUs unanswered instead of stuffing the socket buffers.
 */
final class AnswerFrames {

    private final byte[] length = new byte[4];
    private int lengthOctets;
    private long bodyLeft;
    private long count;

    /** Takes the octets between position and limit of {@code read}, leaving its position at the limit. */
    void consume(ByteBuffer read) {
        while (read.hasRemaining()) {
            if (bodyLeft > 0) {
                int skip = (int) Math.min(bodyLeft, read.remaining());
                read.position(read.position() + skip);
                bodyLeft -= skip;
                if (bodyLeft == 0) {
                    count++;
                }
                continue;
            }
            length[lengthOctets++] = read.get();
            if (lengthOctets == 4) {
                lengthOctets = 0;
                long frame = ByteBuffer.wrap(length).getInt() & 0xFFFFFFFFL;
                // a gateway never sends less than a header; count such a frame and carry on
                bodyLeft = Math.max(frame, 16) - 4;
            }
        }
    }

    /** Whole answers seen so far. */
    long count() {
        return count;
    }
}
