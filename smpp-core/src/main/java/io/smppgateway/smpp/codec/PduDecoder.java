package io.smppgateway.smpp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.Pdu;

/**
 * Turns octets into PDU values: a pure function of the bytes, with no channel in sight. It never
 * allocates more than the PDU holds, never accepts a command_length above its maximum, and fails
 * only with a {@link PduException} that says how the session must answer.
 */
public final class PduDecoder {

    /** Large enough for a data_sm with a long message_payload; peers that need more can raise it. */
    public static final int DEFAULT_MAX_PDU_LENGTH = 65_536;

    private final int maxPduLength;

    public PduDecoder() {
        this(DEFAULT_MAX_PDU_LENGTH);
    }

    public PduDecoder(int maxPduLength) {
        if (maxPduLength < PduHeader.LENGTH) {
            throw new IllegalArgumentException("maxPduLength must be at least 16, was " + maxPduLength);
        }
        this.maxPduLength = maxPduLength;
    }

    public int maxPduLength() {
        return maxPduLength;
    }

    /**
     * The command_length of the PDU starting at the reader index, or -1 when fewer than four octets
     * are there yet. A length below 16 or above the maximum is a {@link PduFramingException}.
     */
    public int frameLength(ByteBuf in) {
        if (in.readableBytes() < 4) {
            return -1;
        }
        int length = in.getInt(in.readerIndex());
        if (length < PduHeader.LENGTH || length > maxPduLength) {
            int sequence = in.readableBytes() >= PduHeader.LENGTH ? in.getInt(in.readerIndex() + 12) : 0;
            throw new PduFramingException(CommandStatus.ESME_RINVCMDLEN.value(), sequence,
                    "command_length " + Integer.toUnsignedString(length) + " is outside 16-" + maxPduLength);
        }
        return length;
    }

    /**
     * Decodes the PDU at the reader index of {@code in}, which must hold at least its whole
     * command_length, and moves the reader index past it, also when the content is invalid.
     */
    public Pdu decode(ByteBuf in) {
        int length = frameLength(in);
        if (length < 0 || in.readableBytes() < length) {
            throw new PduFramingException(CommandStatus.ESME_RINVCMDLEN.value(), 0,
                    "only " + in.readableBytes() + " octets where a whole PDU was expected");
        }
        int start = in.readerIndex();
        int end = start + length;
        int commandId = in.getInt(start + 4);
        int status = in.getInt(start + 8);
        int sequence = in.getInt(start + 12);
        try {
            CommandId id = CommandId.of(commandId);
            if (id == null) {
                throw new InvalidPduException(new PduHeader(length, commandId, status, sequence),
                        CommandStatus.ESME_RINVCMDID.value(), String.format("unknown command_id 0x%08X", commandId));
            }
            in.readerIndex(start + PduHeader.LENGTH);
            return BodyCodecs.forId(id).decode(new BodyReader(in, end, length, commandId, status, sequence));
        } finally {
            in.readerIndex(end);
        }
    }

    /** Decodes one PDU that fills {@code bytes} exactly. */
    public Pdu decode(byte[] bytes) {
        ByteBuf in = Unpooled.wrappedBuffer(bytes);
        Pdu pdu = decode(in);
        if (in.isReadable()) {
            throw new PduFramingException(CommandStatus.ESME_RINVCMDLEN.value(), pdu.sequenceNumber(),
                    in.readableBytes() + " octets follow the PDU's command_length");
        }
        return pdu;
    }
}
