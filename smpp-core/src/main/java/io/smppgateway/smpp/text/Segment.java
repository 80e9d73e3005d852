package io.smppgateway.smpp.text;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One short message to send: the exact short_message octets (user data header, if any, then the
 * encoded text) and how to flag it.
 *
 * @param part part number, total and reference; part 1 of 1 with reference 0 for a message that
 *        was not split
 * @param text the piece of the text this segment carries
 * @param shortMessage the short_message octets, header included
 * @param udhi whether esm_class must have the UDHI flag (0x40): the octets start with a header
 * @param sarTlvs whether the submit must carry sar_msg_ref_num, sar_total_segments and
 *        sar_segment_seqnum with the values of {@code part}; never together with {@code udhi}
 */
public record Segment(Concatenation part, String text, byte[] shortMessage, boolean udhi, boolean sarTlvs) {

    public Segment {
        if (part == null || text == null || shortMessage == null) {
            throw new IllegalArgumentException("part, text and shortMessage are required");
        }
        if (udhi && sarTlvs) {
            throw new IllegalArgumentException("a segment carries a concatenation header or SAR TLVs, never both");
        }
        if ((udhi || sarTlvs) != part.isMultipart()) {
            throw new IllegalArgumentException("only a part of several carries a header or SAR TLVs: " + part);
        }
        shortMessage = shortMessage.clone();
    }

    @Override
    public byte[] shortMessage() {
        return shortMessage.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Segment that
                && part.equals(that.part) && text.equals(that.text) && Arrays.equals(shortMessage, that.shortMessage)
                && udhi == that.udhi && sarTlvs == that.sarTlvs;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * part.hashCode() + text.hashCode()) + Arrays.hashCode(shortMessage);
    }

    @Override
    public String toString() {
        return "Segment[part=" + part + ", text=" + text + ", shortMessage="
                + HexFormat.of().withUpperCase().formatHex(shortMessage) + ", udhi=" + udhi + ", sarTlvs=" + sarTlvs + "]";
    }
}
