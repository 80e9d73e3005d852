package io.smppgateway.smpp.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The user data header at the start of a short_message whose esm_class has the UDHI flag (0x40)
 * set (TS 23.040 section 9.2.3.24).
 * <pre>
 *   +------+---------------------------+----------------------+
 *   | UDHL | information elements      | text ...             |
 *   +------+---------------------------+----------------------+
 *     1      UDHL octets: IEI IEDL IED, IEI IEDL IED, ...
 *   e.g. 05 | 00 03 CC 02 01 |         concatenation, 8-bit reference 0xCC, part 1 of 2
 * </pre>
 *
 * @param elements the information elements, in order
 */
public record UserDataHeader(List<InformationElement> elements) {

    public UserDataHeader {
        elements = List.copyOf(elements);
        int length = 0;
        for (InformationElement element : elements) {
            length += element.encodedLength();
        }
        if (length > 0xFF) {
            throw new IllegalArgumentException("information elements take " + length + " octets; a header holds 255");
        }
    }

    public static UserDataHeader of(InformationElement... elements) {
        return new UserDataHeader(List.of(elements));
    }

    /** The header that marks one part of a message sent with a UDH method. */
    public static UserDataHeader forConcatenation(Concatenation part, ConcatenationMethod method) {
        return switch (method) {
            case UDH_8_BIT_REFERENCE -> of(InformationElement.concatenation8Bit(part));
            case UDH_16_BIT_REFERENCE -> of(InformationElement.concatenation16Bit(part));
            case SAR_TLVS -> throw new IllegalArgumentException("SAR TLVs carry the concatenation, not a header");
        };
    }

    /**
     * Reads the header at the start of {@code userData} (a short_message or message_payload whose
     * UDHI flag is set). {@link #length()} then says where the text starts.
     *
     * @throws MalformedUserDataHeaderException if the octets do not hold a whole header
     */
    public static UserDataHeader parse(byte[] userData) {
        if (userData.length == 0) {
            throw new MalformedUserDataHeaderException("UDHI is set but the user data is empty");
        }
        int headerLength = userData[0] & 0xFF;
        if (1 + headerLength > userData.length) {
            throw new MalformedUserDataHeaderException(String.format(
                    "user data header length %d needs %d octets, the user data has %d",
                    headerLength, 1 + headerLength, userData.length));
        }
        List<InformationElement> elements = new ArrayList<>();
        int at = 1;
        int end = 1 + headerLength;
        while (at < end) {
            if (end - at < 2) {
                throw new MalformedUserDataHeaderException(String.format(
                        "information element at offset %d is cut off: the header ends at offset %d", at, end));
            }
            int identifier = userData[at] & 0xFF;
            int dataLength = userData[at + 1] & 0xFF;
            if (dataLength > end - at - 2) {
                throw new MalformedUserDataHeaderException(String.format(
                        "information element 0x%02X at offset %d declares %d octets, the header has %d left",
                        identifier, at, dataLength, end - at - 2));
            }
            byte[] data = new byte[dataLength];
            System.arraycopy(userData, at + 2, data, 0, dataLength);
            elements.add(new InformationElement(identifier, data));
            at += 2 + dataLength;
        }
        return new UserDataHeader(elements);
    }

    /** Octets the header takes, its length octet included: where the text starts. */
    public int length() {
        int length = 1;
        for (InformationElement element : elements) {
            length += element.encodedLength();
        }
        return length;
    }

    /** The header as octets: UDHL then the elements. */
    public byte[] toBytes() {
        byte[] octets = new byte[length()];
        octets[0] = (byte) (octets.length - 1);
        int at = 1;
        for (InformationElement element : elements) {
            byte[] data = element.data();
            octets[at] = (byte) element.identifier();
            octets[at + 1] = (byte) data.length;
            System.arraycopy(data, 0, octets, at + 2, data.length);
            at += 2 + data.length;
        }
        return octets;
    }

    /** The last element with this identifier (TS 23.040: a repeated element's last value wins). */
    public Optional<InformationElement> element(int identifier) {
        for (int i = elements.size() - 1; i >= 0; i--) {
            if (elements.get(i).identifier() == identifier) {
                return Optional.of(elements.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The concatenation from the last element 0x00 (8-bit reference) or 0x08 (16-bit reference).
     * An element of the wrong length or with out-of-range values is ignored, as TS 23.040 asks.
     */
    public Optional<Concatenation> concatenation() {
        for (int i = elements.size() - 1; i >= 0; i--) {
            InformationElement element = elements.get(i);
            int length = element.encodedLength() - 2;
            if (element.identifier() == InformationElement.CONCATENATION_8_BIT && length == 3) {
                return Concatenation.ifValid(element.octet(0), element.octet(1), element.octet(2));
            }
            if (element.identifier() == InformationElement.CONCATENATION_16_BIT && length == 4) {
                return Concatenation.ifValid(element.octet(0) << 8 | element.octet(1), element.octet(2), element.octet(3));
            }
        }
        return Optional.empty();
    }

    /** The application ports from the last element 0x04 (8-bit) or 0x05 (16-bit) of the right length. */
    public Optional<ApplicationPorts> applicationPorts() {
        for (int i = elements.size() - 1; i >= 0; i--) {
            InformationElement element = elements.get(i);
            int length = element.encodedLength() - 2;
            if (element.identifier() == InformationElement.APPLICATION_PORTS_8_BIT && length == 2) {
                return Optional.of(new ApplicationPorts(element.octet(0), element.octet(1), false));
            }
            if (element.identifier() == InformationElement.APPLICATION_PORTS_16_BIT && length == 4) {
                return Optional.of(new ApplicationPorts(
                        element.octet(0) << 8 | element.octet(1), element.octet(2) << 8 | element.octet(3), true));
            }
        }
        return Optional.empty();
    }
}
