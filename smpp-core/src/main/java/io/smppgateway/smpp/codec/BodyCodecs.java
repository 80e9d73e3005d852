package io.smppgateway.smpp.codec;

import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.Pdu;
import java.util.EnumMap;
import java.util.Map;

/** The table from command id to body codec: every PDU of SMPP 3.3, 3.4 and 5.0 has an entry. */
final class BodyCodecs {

    private static final Map<CommandId, BodyCodec<? extends Pdu>> TABLE = new EnumMap<>(CommandId.class);

    static {
        SessionBodyCodecs.register(TABLE);
        MessageBodyCodecs.register(TABLE);
        AncillaryBodyCodecs.register(TABLE);
        BroadcastBodyCodecs.register(TABLE);
        for (CommandId id : CommandId.values()) {
            if (!TABLE.containsKey(id)) {
                throw new ExceptionInInitializerError("no body codec for " + id);
            }
        }
    }

    private BodyCodecs() {
    }

    @SuppressWarnings("unchecked")
    static <P extends Pdu> BodyCodec<P> forId(CommandId id) {
        return (BodyCodec<P>) TABLE.get(id);
    }
}
