package io.smppgateway.smpp.text;

/**
 * How the parts of a long message are tied together: a concatenation element in a user data
 * header at the start of each short_message (with the UDHI flag of esm_class), or the SMPP SAR
 * TLVs (sar_msg_ref_num, sar_total_segments, sar_segment_seqnum) with no header. A segment uses
 * one or the other, never both: SMSCs such as Kannel reject the combination.
 */
public enum ConcatenationMethod {
    /** UDH with IEI 0x00: 6 octets, reference 0 to 255. The most widely supported. */
    UDH_8_BIT_REFERENCE(6, 0xFF),
    /** UDH with IEI 0x08: 7 octets, reference 0 to 65535. */
    UDH_16_BIT_REFERENCE(7, 0xFFFF),
    /** SAR TLVs, no header: the whole 140 octets hold text; reference 0 to 65535. */
    SAR_TLVS(0, 0xFFFF);

    private final int headerOctets;
    private final int maxReference;

    ConcatenationMethod(int headerOctets, int maxReference) {
        this.headerOctets = headerOctets;
        this.maxReference = maxReference;
    }

    /** Octets of user data header each part carries, length octet included. */
    public int headerOctets() {
        return headerOctets;
    }

    /** The largest reference this method can carry. */
    public int maxReference() {
        return maxReference;
    }

    /** Whether the parts carry a user data header (and so the UDHI flag). */
    public boolean usesUdh() {
        return headerOctets > 0;
    }
}
