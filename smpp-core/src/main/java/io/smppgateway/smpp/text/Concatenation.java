package io.smppgateway.smpp.text;

import java.util.Optional;

/**
 * Which part of a concatenated message a segment is: the manual's {@code reference},
 * {@code total_parts} and {@code part_number}. A message sent in one piece is part 1 of 1 with
 * reference 0, as the manual's SMS_IN example shows.
 *
 * @param reference the number shared by all parts of one message, 0 to 65535 (0 to 255 where an
 *        8-bit reference carries it)
 * @param totalParts 1 to 255
 * @param partNumber 1 to {@code totalParts}
 */
public record Concatenation(int reference, int totalParts, int partNumber) {
    /** The most parts a concatenated message can have: the counters are one octet. */
    public static final int MAX_PARTS = 255;
    /** The largest reference: sar_msg_ref_num and the 16-bit UDH reference are two octets. */
    public static final int MAX_REFERENCE = 0xFFFF;

    public Concatenation {
        if (reference < 0 || reference > MAX_REFERENCE) {
            throw new IllegalArgumentException("reference must be 0 to 65535: " + reference);
        }
        if (totalParts < 1 || totalParts > MAX_PARTS) {
            throw new IllegalArgumentException("total_parts must be 1 to 255: " + totalParts);
        }
        if (partNumber < 1 || partNumber > totalParts) {
            throw new IllegalArgumentException(
                    "part_number must be 1 to total_parts (" + totalParts + "): " + partNumber);
        }
    }

    /** Part 1 of 1, reference 0: a message that was not split. */
    public static Concatenation single() {
        return new Concatenation(0, 1, 1);
    }

    /**
     * The concatenation that received values describe, or empty when they are out of range (a total
     * or part number of 0, a part number above the total): TS 23.040 section 9.2.3.24.1 has the
     * receiver ignore such an element. Use it for the values of a UDH or of the SAR TLVs
     * (sar_msg_ref_num, sar_total_segments, sar_segment_seqnum).
     */
    public static Optional<Concatenation> ifValid(int reference, int totalParts, int partNumber) {
        boolean valid = reference >= 0 && reference <= MAX_REFERENCE
                && totalParts >= 1 && totalParts <= MAX_PARTS
                && partNumber >= 1 && partNumber <= totalParts;
        return valid ? Optional.of(new Concatenation(reference, totalParts, partNumber)) : Optional.empty();
    }

    /** Whether this is one part of several. */
    public boolean isMultipart() {
        return totalParts > 1;
    }
}
