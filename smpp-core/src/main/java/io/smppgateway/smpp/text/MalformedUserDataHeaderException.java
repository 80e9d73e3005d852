package io.smppgateway.smpp.text;

/**
 * The octets that the UDHI flag announces as a user data header do not form one: the header
 * length points past the data, or an element's length points past the header.
 */
public final class MalformedUserDataHeaderException extends IllegalArgumentException {
    public MalformedUserDataHeaderException(String message) {
        super(message);
    }
}
