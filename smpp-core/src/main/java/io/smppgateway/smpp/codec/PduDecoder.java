package io.smppgateway.smpp.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
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

    /**
     * The reader of the thread that last decoded with this instance: a channel's decoder is only
     * ever used by its event loop, which then finds its reader without a thread-local lookup.
     * Another thread sees a reader it does not own and takes its own.
     */
    private BodyReader lastReader;

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
        BodyCodec<?> codec = BodyCodecs.forWireValue(in.getInt(start + 4));
        if (codec instanceof HeaderOnlyCodec<?> headerOnly) {
            // enquire_link and its kin: two header fields are all there is to read.
            in.readerIndex(start + length);
            return headerOnly.create(in.getInt(start + 8), in.getInt(start + 12));
        }
        BodyReader reader = reader();
        try {
            reader.open(in, start, length);
            if (codec == null) {
                throw new InvalidPduException(reader.header(), CommandStatus.ESME_RINVCMDID.value(),
                        String.format("unknown command_id 0x%08X", reader.commandId()));
            }
            return codec.decode(reader);
        } finally {
            reader.close();
            in.readerIndex(start + length);
        }
    }

    private BodyReader reader() {
        BodyReader last = lastReader;
        if (last != null && last.isOwnedByCurrentThread()) {
            return last;
        }
        BodyReader reader = BodyReader.forCurrentThread();
        lastReader = reader;
        return reader;
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
