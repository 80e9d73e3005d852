package io.smppgateway.smpp.codec;

import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.Pdu;
import java.util.EnumMap;
import java.util.Map;

/**
 * The table from command id to body codec: every PDU of SMPP 3.3, 3.4 and 5.0 has an entry. It is
 * kept as arrays so that finding a PDU's codec is an index, not a search: by the enum's ordinal for
 * encoding, by the wire value's low bits (all below 0x114) and its response bit for decoding.
 */
final class BodyCodecs {

    private static final int WIRE_INDEXES = 0x114;

    private static final BodyCodec<?>[] BY_ORDINAL = new BodyCodec<?>[CommandId.values().length];
    private static final BodyCodec<?>[] REQUESTS = new BodyCodec<?>[WIRE_INDEXES];
    private static final BodyCodec<?>[] RESPONSES = new BodyCodec<?>[WIRE_INDEXES];

    static {
        Map<CommandId, BodyCodec<? extends Pdu>> table = new EnumMap<>(CommandId.class);
        SessionBodyCodecs.register(table);
        MessageBodyCodecs.register(table);
        AncillaryBodyCodecs.register(table);
        BroadcastBodyCodecs.register(table);
        for (CommandId id : CommandId.values()) {
            BodyCodec<?> codec = table.get(id);
            int index = id.value() & Integer.MAX_VALUE;
            if (codec == null || index >= WIRE_INDEXES) {
                throw new ExceptionInInitializerError("no body codec for " + id + " or its value is out of the table");
            }
            BY_ORDINAL[id.ordinal()] = codec;
            (id.isResponse() ? RESPONSES : REQUESTS)[index] = codec;
        }
    }

    private BodyCodecs() {
    }

    @SuppressWarnings("unchecked")
    static <P extends Pdu> BodyCodec<P> forId(CommandId id) {
        return (BodyCodec<P>) BY_ORDINAL[id.ordinal()];
    }

    /** The codec for a command_id as it came on the wire, or {@code null} when it names no PDU we know. */
    static BodyCodec<?> forWireValue(int commandId) {
        int index = commandId & Integer.MAX_VALUE;
        if (index >= WIRE_INDEXES) {
            return null;
        }
        return (commandId < 0 ? RESPONSES : REQUESTS)[index];
    }
}
