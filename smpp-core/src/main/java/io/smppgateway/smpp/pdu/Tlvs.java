package io.smppgateway.smpp.pdu;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The TLVs of one PDU, in wire order. Lookups are by tag; order and repeated or unknown tags are
 * kept so that what we decode encodes back to the same octets.
 */
public record Tlvs(List<Tlv> list) {

    public static final Tlvs EMPTY = new Tlvs(List.of());

    public Tlvs {
        list = List.copyOf(list);
    }

    public static Tlvs of(Tlv... tlvs) {
        return tlvs.length == 0 ? EMPTY : new Tlvs(List.of(tlvs));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    /** The first TLV with this tag. */
    public Optional<Tlv> get(TlvTag tag) {
        return get(tag.tag());
    }

    /** The first TLV with this tag value. */
    public Optional<Tlv> get(int tag) {
        for (Tlv tlv : list) {
            if (tlv.tag() == tag) {
                return Optional.of(tlv);
            }
        }
        return Optional.empty();
    }

    public boolean contains(TlvTag tag) {
        return get(tag).isPresent();
    }

    /** The integer value of a TLV whose value has the right length, if present. */
    public Optional<Long> intValue(TlvTag tag) {
        return get(tag).filter(Tlv::hasValidLength).map(Tlv::intValue);
    }

    public Optional<String> stringValue(TlvTag tag) {
        return get(tag).map(Tlv::stringValue);
    }

    public Optional<Octets> octets(TlvTag tag) {
        return get(tag).map(Tlv::value);
    }

    /** These TLVs with {@code tlv} replacing any of the same tag, or appended. */
    public Tlvs with(Tlv tlv) {
        List<Tlv> result = new ArrayList<>(list.size() + 1);
        boolean replaced = false;
        for (Tlv existing : list) {
            if (existing.tag() == tlv.tag()) {
                if (!replaced) {
                    result.add(tlv);
                    replaced = true;
                }
            } else {
                result.add(existing);
            }
        }
        if (!replaced) {
            result.add(tlv);
        }
        return new Tlvs(result);
    }

    /** These TLVs without any of the given tag. */
    public Tlvs without(TlvTag tag) {
        List<Tlv> result = new ArrayList<>(list.size());
        for (Tlv existing : list) {
            if (existing.tag() != tag.tag()) {
                result.add(existing);
            }
        }
        return result.size() == list.size() ? this : new Tlvs(result);
    }

    /** The number of octets these TLVs take on the wire. */
    public int encodedLength() {
        int length = 0;
        for (Tlv tlv : list) {
            length += 4 + tlv.value().length();
        }
        return length;
    }
}
