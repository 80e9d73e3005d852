package io.smppgateway.smpp.simulator;

import java.util.Locale;
import java.util.UUID;

/**
 * The form of the message ids the simulator hands out, to exercise receipt correlation the way
 * real SMSCs do (LESSONS: "the same message id comes back in another form").
 */
public enum MessageIdStyle {
    /** Decimal digits in submit_sm_resp and receipt alike. */
    DECIMAL,
    /** Upper-case hex in submit_sm_resp and receipt alike. */
    HEX,
    /** A random UUID in submit_sm_resp and receipt alike. */
    UUID,
    /**
     * Upper-case hex in submit_sm_resp, the same number in decimal in the receipt (its text and its
     * receipted_message_id), as some SMSCs do.
     */
    HEX_THEN_DECIMAL;

    /** The ids of one accepted message. */
    public record Ids(String response, String receipt) {
    }

    /** The ids for the {@code number}th accepted message (numbers are large enough that hex has letters). */
    public Ids ids(long number) {
        return switch (this) {
            case DECIMAL -> same(Long.toString(number));
            case HEX -> same(hex(number));
            case UUID -> same(java.util.UUID.randomUUID().toString());
            case HEX_THEN_DECIMAL -> new Ids(hex(number), Long.toString(number));
        };
    }

    /** The style named {@code name} in any case ({@code hex}, {@code decimal}, {@code uuid}, {@code hex_then_decimal}). */
    public static MessageIdStyle of(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    private static Ids same(String id) {
        return new Ids(id, id);
    }

    private static String hex(long number) {
        return Long.toHexString(number).toUpperCase(Locale.ROOT);
    }
}
