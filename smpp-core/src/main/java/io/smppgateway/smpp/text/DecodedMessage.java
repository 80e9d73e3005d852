package io.smppgateway.smpp.text;

import java.util.Optional;

/**
 * An inbound short message as the gateway publishes it (SMS_IN): its text, its data coding, and
 * the part it is of a concatenated message when its header says so.
 *
 * @param text the text after the header; binary data as one character per octet (U+0000-U+00FF)
 * @param scheme what the data_coding octet said
 * @param header the user data header, when the UDHI flag was set
 * @param concatenation the part, when the header holds a valid concatenation element
 */
public record DecodedMessage(String text, DataCodingScheme scheme, Optional<UserDataHeader> header,
                             Optional<Concatenation> concatenation) {

    public DecodedMessage {
        if (text == null || scheme == null || header == null || concatenation == null) {
            throw new IllegalArgumentException("text, scheme, header and concatenation are required");
        }
    }

    /** The part, or part 1 of 1 with reference 0 for a message that is not one of several. */
    public Concatenation partOrSingle() {
        return concatenation.orElseGet(Concatenation::single);
    }
}
