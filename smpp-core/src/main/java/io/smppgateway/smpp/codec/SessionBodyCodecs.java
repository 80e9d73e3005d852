package io.smppgateway.smpp.codec;

import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RBINDFAIL;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVPASWD;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVSYSID;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVSYSTYP;

import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindReceiver;
import io.smppgateway.smpp.pdu.BindReceiverResp;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindResponse;
import io.smppgateway.smpp.pdu.BindTransceiver;
import io.smppgateway.smpp.pdu.BindTransceiverResp;
import io.smppgateway.smpp.pdu.BindTransmitter;
import io.smppgateway.smpp.pdu.BindTransmitterResp;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.EnquireLink;
import io.smppgateway.smpp.pdu.EnquireLinkResp;
import io.smppgateway.smpp.pdu.GenericNack;
import io.smppgateway.smpp.pdu.Outbind;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.Tlvs;
import io.smppgateway.smpp.pdu.Unbind;
import io.smppgateway.smpp.pdu.UnbindResp;
import java.util.Map;

/** Bodies of the session management PDUs: binds, outbind, unbind, enquire_link, generic_nack (SMPP 5.0, 4.1). */
final class SessionBodyCodecs {

    private SessionBodyCodecs() {
    }

    static void register(Map<CommandId, BodyCodec<? extends Pdu>> table) {
        table.put(CommandId.BIND_TRANSMITTER, new BindCodec<>(BindTransmitter::new));
        table.put(CommandId.BIND_RECEIVER, new BindCodec<>(BindReceiver::new));
        table.put(CommandId.BIND_TRANSCEIVER, new BindCodec<>(BindTransceiver::new));
        table.put(CommandId.BIND_TRANSMITTER_RESP, new BindResponseCodec<>(BindTransmitterResp::new));
        table.put(CommandId.BIND_RECEIVER_RESP, new BindResponseCodec<>(BindReceiverResp::new));
        table.put(CommandId.BIND_TRANSCEIVER_RESP, new BindResponseCodec<>(BindTransceiverResp::new));
        table.put(CommandId.OUTBIND, new OutbindCodec());
        table.put(CommandId.UNBIND, headerOnly((status, sequence) -> new Unbind(sequence)));
        table.put(CommandId.UNBIND_RESP, headerOnly(UnbindResp::new));
        table.put(CommandId.ENQUIRE_LINK, headerOnly((status, sequence) -> new EnquireLink(sequence)));
        table.put(CommandId.ENQUIRE_LINK_RESP,
                headerOnly(EnquireLinkResp::new));
        table.put(CommandId.GENERIC_NACK,
                headerOnly(GenericNack::new));
    }

    static <P extends Pdu> BodyCodec<P> headerOnly(HeaderOnlyCodec.Factory<P> factory) {
        return new HeaderOnlyCodec<>(factory);
    }

    @FunctionalInterface
    interface BindFactory<P> {
        P create(int sequenceNumber, String systemId, String password, String systemType, int interfaceVersion,
                 Address addressRange);
    }

    @FunctionalInterface
    interface BindResponseFactory<P> {
        P create(int commandStatus, int sequenceNumber, String systemId, Tlvs tlvs);
    }

    private record BindCodec<P extends Pdu & BindRequest>(BindFactory<P> factory) implements BodyCodec<P> {
        @Override
        public P decode(BodyReader in) {
            String systemId = in.cString("system_id", BindRequest.SYSTEM_ID_OCTETS, ESME_RINVSYSID);
            String password = in.cString("password", BindRequest.PASSWORD_OCTETS, ESME_RINVPASWD);
            String systemType = in.cString("system_type", BindRequest.SYSTEM_TYPE_OCTETS, ESME_RINVSYSTYP);
            int version = in.octet("interface_version");
            Address range = in.address("address_range", 41, ESME_RBINDFAIL);
            in.requireFullyRead();
            return factory.create(in.sequenceNumber(), systemId, password, systemType, version, range);
        }

        @Override
        public void encode(P pdu, BodyWriter out) {
            out.cString(pdu.systemId());
            out.cString(pdu.password());
            out.cString(pdu.systemType());
            out.octet(pdu.interfaceVersion());
            out.address(pdu.addressRange());
        }
    }

    private record BindResponseCodec<P extends Pdu & BindResponse>(BindResponseFactory<P> factory)
            implements BodyCodec<P> {
        @Override
        public P decode(BodyReader in) {
            // An error bind_resp may carry no body at all; a 3.3 one has no TLVs.
            String systemId = in.hasRemaining() ? in.cString("system_id", BindRequest.SYSTEM_ID_OCTETS, ESME_RINVSYSID) : "";
            return factory.create(in.commandStatus(), in.sequenceNumber(), systemId, in.tlvs());
        }

        @Override
        public void encode(P pdu, BodyWriter out) {
            out.cString(pdu.systemId());
            out.tlvs(pdu.tlvs());
        }
    }

    private static final class OutbindCodec implements BodyCodec<Outbind> {
        @Override
        public Outbind decode(BodyReader in) {
            String systemId = in.cString("system_id", BindRequest.SYSTEM_ID_OCTETS, ESME_RINVSYSID);
            String password = in.cString("password", BindRequest.PASSWORD_OCTETS, ESME_RINVPASWD);
            in.requireFullyRead();
            return new Outbind(in.sequenceNumber(), systemId, password);
        }

        @Override
        public void encode(Outbind pdu, BodyWriter out) {
            out.cString(pdu.systemId());
            out.cString(pdu.password());
        }
    }
}
