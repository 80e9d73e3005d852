package io.smppgateway.smpp.codec;

import io.smppgateway.smpp.pdu.CommandId;

/**
 * The 16-octet header every PDU starts with, as raw wire values: a header is all that is known of a
 * PDU that fails to decode, and it is what the error answer needs.
 * <pre>
 *  0                   1                   2                   3
 * +-------------------------------------------------------------+
 * | command_length (4, the whole PDU, header included)          |
 * | command_id     (4, bit 31 set on responses)                 |
 * | command_status (4, 0 on requests)                            |
 * | sequence_number(4, 1 - 0x7FFFFFFF, echoed by the response)   |
 * +-------------------------------------------------------------+
 * </pre>
 */
public record PduHeader(int commandLength, int commandId, int commandStatus, int sequenceNumber) {

    public static final int LENGTH = 16;

    /** The known command id, or {@code null}. */
    public CommandId knownCommandId() {
        return CommandId.of(commandId);
    }

    public boolean isResponse() {
        return CommandId.isResponse(commandId);
    }
}
