package io.smppgateway.smpp.pdu;

/**
 * The command_id of every PDU of SMPP 3.3, 3.4 and 5.0 (SMPP 5.0, section 4.7.5).
 * A response's id is its request's id with bit 31 set.
 */
public enum CommandId {
    GENERIC_NACK(0x80000000),
    BIND_RECEIVER(0x00000001),
    BIND_RECEIVER_RESP(0x80000001),
    BIND_TRANSMITTER(0x00000002),
    BIND_TRANSMITTER_RESP(0x80000002),
    QUERY_SM(0x00000003),
    QUERY_SM_RESP(0x80000003),
    SUBMIT_SM(0x00000004),
    SUBMIT_SM_RESP(0x80000004),
    DELIVER_SM(0x00000005),
    DELIVER_SM_RESP(0x80000005),
    UNBIND(0x00000006),
    UNBIND_RESP(0x80000006),
    REPLACE_SM(0x00000007),
    REPLACE_SM_RESP(0x80000007),
    CANCEL_SM(0x00000008),
    CANCEL_SM_RESP(0x80000008),
    BIND_TRANSCEIVER(0x00000009),
    BIND_TRANSCEIVER_RESP(0x80000009),
    OUTBIND(0x0000000B),
    ENQUIRE_LINK(0x00000015),
    ENQUIRE_LINK_RESP(0x80000015),
    SUBMIT_MULTI(0x00000021),
    SUBMIT_MULTI_RESP(0x80000021),
    ALERT_NOTIFICATION(0x00000102),
    DATA_SM(0x00000103),
    DATA_SM_RESP(0x80000103),
    BROADCAST_SM(0x00000111),
    BROADCAST_SM_RESP(0x80000111),
    QUERY_BROADCAST_SM(0x00000112),
    QUERY_BROADCAST_SM_RESP(0x80000112),
    CANCEL_BROADCAST_SM(0x00000113),
    CANCEL_BROADCAST_SM_RESP(0x80000113);

    private static final int RESPONSE_BIT = 0x80000000;

    private final int value;

    CommandId(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** Whether this id names a response (bit 31 set); generic_nack counts as one. */
    public boolean isResponse() {
        return (value & RESPONSE_BIT) != 0;
    }

    /** The id of the response to this request, or {@code null} for a PDU that has none (outbind, alert_notification, responses). */
    public CommandId responseId() {
        return isResponse() ? null : of(value | RESPONSE_BIT);
    }

    /** The id for a wire value, or {@code null} when the value names no PDU we know. */
    public static CommandId of(int value) {
        return switch (value) {
            case 0x80000000 -> GENERIC_NACK;
            case 0x00000001 -> BIND_RECEIVER;
            case 0x80000001 -> BIND_RECEIVER_RESP;
            case 0x00000002 -> BIND_TRANSMITTER;
            case 0x80000002 -> BIND_TRANSMITTER_RESP;
            case 0x00000003 -> QUERY_SM;
            case 0x80000003 -> QUERY_SM_RESP;
            case 0x00000004 -> SUBMIT_SM;
            case 0x80000004 -> SUBMIT_SM_RESP;
            case 0x00000005 -> DELIVER_SM;
            case 0x80000005 -> DELIVER_SM_RESP;
            case 0x00000006 -> UNBIND;
            case 0x80000006 -> UNBIND_RESP;
            case 0x00000007 -> REPLACE_SM;
            case 0x80000007 -> REPLACE_SM_RESP;
            case 0x00000008 -> CANCEL_SM;
            case 0x80000008 -> CANCEL_SM_RESP;
            case 0x00000009 -> BIND_TRANSCEIVER;
            case 0x80000009 -> BIND_TRANSCEIVER_RESP;
            case 0x0000000B -> OUTBIND;
            case 0x00000015 -> ENQUIRE_LINK;
            case 0x80000015 -> ENQUIRE_LINK_RESP;
            case 0x00000021 -> SUBMIT_MULTI;
            case 0x80000021 -> SUBMIT_MULTI_RESP;
            case 0x00000102 -> ALERT_NOTIFICATION;
            case 0x00000103 -> DATA_SM;
            case 0x80000103 -> DATA_SM_RESP;
            case 0x00000111 -> BROADCAST_SM;
            case 0x80000111 -> BROADCAST_SM_RESP;
            case 0x00000112 -> QUERY_BROADCAST_SM;
            case 0x80000112 -> QUERY_BROADCAST_SM_RESP;
            case 0x00000113 -> CANCEL_BROADCAST_SM;
            case 0x80000113 -> CANCEL_BROADCAST_SM_RESP;
            default -> null;
        };
    }

    /** Whether a wire value has the response bit set, known or not. */
    public static boolean isResponse(int value) {
        return (value & RESPONSE_BIT) != 0;
    }
}
