package io.smppgateway.smpp.text;

/**
 * A text does not fit: it needs more than 255 segments, or a part the application split itself
 * holds more than one segment can carry.
 */
public final class MessageTooLongException extends IllegalArgumentException {
    public MessageTooLongException(String message) {
        super(message);
    }
}
