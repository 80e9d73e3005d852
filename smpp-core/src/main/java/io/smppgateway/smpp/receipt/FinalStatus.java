package io.smppgateway.smpp.receipt;

import java.util.Locale;
import java.util.Optional;

/**
 * The final status of a message as the gateway's DLR_IN and DLR_OUT events name it (the manual's
 * "Receiving DLR" and "Sending DLR"): {@code delivered}, {@code undelivered}, {@code rejected},
 * {@code expired}, {@code unknown}. DLR_IN's {@code sent} is not final and is not here.
 *
 * <p>From an SMSC's receipt ({@link #of(MessageState)}):
 * <table>
 *   <caption>message_state of a received receipt to DLR_IN status</caption>
 *   <tr><th>message_state</th><th>stat words</th><th>DLR_IN status</th><th>why</th></tr>
 *   <tr><td>DELIVERED 2</td><td>DELIVRD</td><td>delivered</td><td></td></tr>
 *   <tr><td>UNDELIVERABLE 5</td><td>UNDELIV, FAILED</td><td>undelivered</td><td></td></tr>
 *   <tr><td>SKIPPED 9</td><td>SKIPPED</td><td>undelivered</td><td>5.0: accepted but deliberately
 *       not sent to the network; the recipient never got it</td></tr>
 *   <tr><td>REJECTED 8</td><td>REJECTD</td><td>rejected</td><td></td></tr>
 *   <tr><td>DELETED 4</td><td>DELETED</td><td>rejected</td><td>the provider cancelled or removed
 *       it: the manual's "rejected by the SMPP client or the SMS provider", not a network
 *       failure</td></tr>
 *   <tr><td>EXPIRED 3</td><td>EXPIRED</td><td>expired</td><td>not delivered within its validity
 *       period; the SMSC's err says how far it got, as the manual's expired does</td></tr>
 *   <tr><td>UNKNOWN 7</td><td>UNKNOWN</td><td>unknown</td><td></td></tr>
 *   <tr><td>SCHEDULED 0, ENROUTE 1, ACCEPTED 6</td><td>SCHEDUL, ENROUTE, BUFFRED, ACCEPTD,
 *       ACKED</td><td>none: keep waiting</td><td>intermediate; see {@link MessageState}</td></tr>
 * </table>
 *
 * <p>To an ESME's receipt ({@link #messageState()}, {@link #statWord()}): delivered is DELIVERED
 * / DELIVRD, undelivered UNDELIVERABLE / UNDELIV, rejected REJECTED / REJECTD, expired EXPIRED /
 * EXPIRED, unknown UNKNOWN / UNKNOWN.
 */
public enum FinalStatus {
    DELIVERED("delivered", MessageState.DELIVERED),
    UNDELIVERED("undelivered", MessageState.UNDELIVERABLE),
    REJECTED("rejected", MessageState.REJECTED),
    EXPIRED("expired", MessageState.EXPIRED),
    UNKNOWN("unknown", MessageState.UNKNOWN);

    private final String value;
    private final MessageState messageState;

    FinalStatus(String value, MessageState messageState) {
        this.value = value;
        this.messageState = messageState;
    }

    /** The {@code status} field's value in DLR_IN and DLR_OUT events. */
    public String value() {
        return value;
    }

    /** The {@code message_state} of a receipt we send to an ESME for this status. */
    public MessageState messageState() {
        return messageState;
    }

    /** The {@code stat:} word of a receipt we send to an ESME for this status. */
    public String statWord() {
        return messageState.statWord();
    }

    /** The status an event's {@code status} field names, in any case; empty for anything else ({@code sent} included). */
    public static Optional<FinalStatus> of(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.strip().toLowerCase(Locale.ROOT);
        for (FinalStatus status : values()) {
            if (status.value.equals(wanted)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /**
     * The status a receipt in this state settles the message with, or empty when the state is not
     * final and the gateway keeps waiting for the next receipt (see the table above).
     */
    public static Optional<FinalStatus> of(MessageState state) {
        return Optional.ofNullable(switch (state) {
            case DELIVERED -> DELIVERED;
            case UNDELIVERABLE, SKIPPED -> UNDELIVERED;
            case REJECTED, DELETED -> REJECTED;
            case EXPIRED -> EXPIRED;
            case UNKNOWN -> UNKNOWN;
            case SCHEDULED, ENROUTE, ACCEPTED -> null;
        });
    }

    /**
     * The status for a receipt's {@code stat:} word: as {@link #of(MessageState)} for a word
     * {@link MessageState#fromStatWord(String)} reads, and {@link #UNKNOWN} for a missing or
     * unrecognised word, since such a receipt still says the SMSC is done with the message and
     * only its outcome is unknown (the manual's meaning of {@code unknown}).
     */
    public static Optional<FinalStatus> ofStatWord(String word) {
        return MessageState.fromStatWord(word).map(FinalStatus::of).orElse(Optional.of(UNKNOWN));
    }
}
