package io.smppgateway.smpp.interop;

import com.cloudhopper.smpp.pdu.BaseBind;
import com.cloudhopper.smpp.pdu.BaseBindResp;
import com.cloudhopper.smpp.pdu.BaseSm;
import com.cloudhopper.smpp.pdu.BaseSmResp;
import com.cloudhopper.smpp.transcoder.DefaultPduTranscoder;
import com.cloudhopper.smpp.transcoder.DefaultPduTranscoderContext;
import com.cloudhopper.smpp.transcoder.PduTranscoder;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.AlertNotification;
import io.smppgateway.smpp.pdu.BindReceiver;
import io.smppgateway.smpp.pdu.BindReceiverResp;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindResponse;
import io.smppgateway.smpp.pdu.BindTransceiver;
import io.smppgateway.smpp.pdu.BindTransceiverResp;
import io.smppgateway.smpp.pdu.BindTransmitter;
import io.smppgateway.smpp.pdu.BindTransmitterResp;
import io.smppgateway.smpp.pdu.CancelSm;
import io.smppgateway.smpp.pdu.CancelSmResp;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.DataSm;
import io.smppgateway.smpp.pdu.DataSmResp;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.DeliverSmResp;
import io.smppgateway.smpp.pdu.EnquireLink;
import io.smppgateway.smpp.pdu.EnquireLinkResp;
import io.smppgateway.smpp.pdu.GenericNack;
import io.smppgateway.smpp.pdu.MessageIdResponse;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.QuerySm;
import io.smppgateway.smpp.pdu.QuerySmResp;
import io.smppgateway.smpp.pdu.ReplaceSm;
import io.smppgateway.smpp.pdu.ReplaceSmResp;
import io.smppgateway.smpp.pdu.ShortMessageRequest;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.Tlvs;
import io.smppgateway.smpp.pdu.Unbind;
import io.smppgateway.smpp.pdu.UnbindResp;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.netty.buffer.ChannelBuffer;
import org.jboss.netty.buffer.ChannelBuffers;

/**
 * Translates our PDU values to and from cloudhopper-smpp 5.0.9 beans and moves them through its
 * {@code DefaultPduTranscoder}, so that a test compares whole values across the two codecs.
 *
 * <p>cloudhopper implements the SMPP 3.4 PDUs an ESME needs, not all of them: it has no outbind,
 * no submit_multi / submit_multi_resp, and none of the SMPP 5.0 broadcast PDUs (broadcast_sm,
 * query_broadcast_sm, cancel_broadcast_sm and their responses); its transcoder answers those
 * command ids with UnknownCommandIdException. {@link #UNSUPPORTED} lists them.
 */
final class CloudhopperPdus {

    /** The command ids cloudhopper 5.0.9 has no PDU class for. */
    static final Set<CommandId> UNSUPPORTED = EnumSet.of(CommandId.OUTBIND, CommandId.SUBMIT_MULTI,
            CommandId.SUBMIT_MULTI_RESP, CommandId.BROADCAST_SM, CommandId.BROADCAST_SM_RESP,
            CommandId.QUERY_BROADCAST_SM, CommandId.QUERY_BROADCAST_SM_RESP, CommandId.CANCEL_BROADCAST_SM,
            CommandId.CANCEL_BROADCAST_SM_RESP);

    private static final PduTranscoder TRANSCODER = new DefaultPduTranscoder(new DefaultPduTranscoderContext());

    private CloudhopperPdus() {
    }

    static boolean supports(CommandId id) {
        return !UNSUPPORTED.contains(id);
    }

    /** The octets cloudhopper's transcoder writes for {@code pdu}. */
    static byte[] encode(Pdu pdu) throws Exception {
        ChannelBuffer buffer = TRANSCODER.encode(toCloudhopper(pdu));
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.readBytes(bytes);
        return bytes;
    }

    /** What cloudhopper's transcoder reads from {@code wire}, as our value. */
    static Pdu decode(byte[] wire) throws Exception {
        ChannelBuffer buffer = ChannelBuffers.wrappedBuffer(wire);
        com.cloudhopper.smpp.pdu.Pdu pdu = TRANSCODER.decode(buffer);
        if (pdu == null || buffer.readable()) {
            throw new IllegalStateException("cloudhopper did not read exactly one PDU");
        }
        return fromCloudhopper(pdu);
    }

    static com.cloudhopper.smpp.pdu.Pdu toCloudhopper(Pdu pdu) throws Exception {
        com.cloudhopper.smpp.pdu.Pdu bean = newBean(pdu);
        bean.setSequenceNumber(pdu.sequenceNumber());
        bean.setCommandStatus(pdu.commandStatus());
        if (pdu instanceof BindRequest bind) {
            BaseBind<?> target = (BaseBind<?>) bean;
            target.setSystemId(bind.systemId());
            target.setPassword(bind.password());
            target.setSystemType(bind.systemType());
            target.setInterfaceVersion((byte) bind.interfaceVersion());
            target.setAddressRange(chAddress(bind.addressRange()));
        } else if (pdu instanceof BindResponse resp) {
            ((BaseBindResp) bean).setSystemId(resp.systemId());
            addTlvs(bean, resp.tlvs());
        } else if (pdu instanceof ShortMessageRequest sm) {
            BaseSm<?> target = (BaseSm<?>) bean;
            target.setServiceType(sm.serviceType());
            target.setSourceAddress(chAddress(sm.source()));
            target.setDestAddress(chAddress(sm.destination()));
            target.setEsmClass((byte) sm.esmClass());
            target.setProtocolId((byte) sm.protocolId());
            target.setPriority((byte) sm.priorityFlag());
            target.setScheduleDeliveryTime(sm.scheduleDeliveryTime());
            target.setValidityPeriod(sm.validityPeriod());
            target.setRegisteredDelivery((byte) sm.registeredDelivery());
            target.setReplaceIfPresent((byte) sm.replaceIfPresentFlag());
            target.setDataCoding((byte) sm.dataCoding());
            target.setDefaultMsgId((byte) sm.smDefaultMsgId());
            target.setShortMessage(sm.shortMessage().toByteArray());
            addTlvs(bean, sm.tlvs());
        } else if (pdu instanceof DataSm sm) {
            com.cloudhopper.smpp.pdu.DataSm target = (com.cloudhopper.smpp.pdu.DataSm) bean;
            target.setServiceType(sm.serviceType());
            target.setSourceAddress(chAddress(sm.source()));
            target.setDestAddress(chAddress(sm.destination()));
            target.setEsmClass((byte) sm.esmClass());
            target.setRegisteredDelivery((byte) sm.registeredDelivery());
            target.setDataCoding((byte) sm.dataCoding());
            addTlvs(bean, sm.tlvs());
        } else if (pdu instanceof MessageIdResponse resp) {
            ((BaseSmResp) bean).setMessageId(resp.messageId());
            addTlvs(bean, resp.tlvs());
        } else if (pdu instanceof QuerySm query) {
            com.cloudhopper.smpp.pdu.QuerySm target = (com.cloudhopper.smpp.pdu.QuerySm) bean;
            target.setMessageId(query.messageId());
            target.setSourceAddress(chAddress(query.source()));
        } else if (pdu instanceof QuerySmResp resp) {
            com.cloudhopper.smpp.pdu.QuerySmResp target = (com.cloudhopper.smpp.pdu.QuerySmResp) bean;
            target.setMessageId(resp.messageId());
            target.setFinalDate(resp.finalDate());
            target.setMessageState((byte) resp.messageState());
            target.setErrorCode((byte) resp.errorCode());
        } else if (pdu instanceof CancelSm cancel) {
            com.cloudhopper.smpp.pdu.CancelSm target = (com.cloudhopper.smpp.pdu.CancelSm) bean;
            target.setServiceType(cancel.serviceType());
            target.setMessageId(cancel.messageId());
            target.setSourceAddress(chAddress(cancel.source()));
            target.setDestAddress(chAddress(cancel.destination()));
        } else if (pdu instanceof ReplaceSm replace) {
            com.cloudhopper.smpp.pdu.ReplaceSm target = (com.cloudhopper.smpp.pdu.ReplaceSm) bean;
            target.setMessageId(replace.messageId());
            target.setSourceAddress(chAddress(replace.source()));
            target.setScheduleDeliveryTime(replace.scheduleDeliveryTime());
            target.setValidityPeriod(replace.validityPeriod());
            target.setRegisteredDelivery((byte) replace.registeredDelivery());
            target.setDefaultMsgId((byte) replace.smDefaultMsgId());
            target.setShortMessage(replace.shortMessage().toByteArray());
            addTlvs(bean, replace.tlvs());
        } else if (pdu instanceof AlertNotification alert) {
            com.cloudhopper.smpp.pdu.AlertNotification target = (com.cloudhopper.smpp.pdu.AlertNotification) bean;
            target.setSourceAddress(chAddress(alert.source()));
            target.setEsmeAddress(chAddress(alert.esme()));
            addTlvs(bean, alert.tlvs());
        }
        return bean;
    }

    private static com.cloudhopper.smpp.pdu.Pdu newBean(Pdu pdu) {
        switch (pdu.commandId()) {
            case GENERIC_NACK: return new com.cloudhopper.smpp.pdu.GenericNack();
            case BIND_TRANSMITTER: return new com.cloudhopper.smpp.pdu.BindTransmitter();
            case BIND_RECEIVER: return new com.cloudhopper.smpp.pdu.BindReceiver();
            case BIND_TRANSCEIVER: return new com.cloudhopper.smpp.pdu.BindTransceiver();
            case BIND_TRANSMITTER_RESP: return new com.cloudhopper.smpp.pdu.BindTransmitterResp();
            case BIND_RECEIVER_RESP: return new com.cloudhopper.smpp.pdu.BindReceiverResp();
            case BIND_TRANSCEIVER_RESP: return new com.cloudhopper.smpp.pdu.BindTransceiverResp();
            case UNBIND: return new com.cloudhopper.smpp.pdu.Unbind();
            case UNBIND_RESP: return new com.cloudhopper.smpp.pdu.UnbindResp();
            case ENQUIRE_LINK: return new com.cloudhopper.smpp.pdu.EnquireLink();
            case ENQUIRE_LINK_RESP: return new com.cloudhopper.smpp.pdu.EnquireLinkResp();
            case SUBMIT_SM: return new com.cloudhopper.smpp.pdu.SubmitSm();
            case SUBMIT_SM_RESP: return new com.cloudhopper.smpp.pdu.SubmitSmResp();
            case DELIVER_SM: return new com.cloudhopper.smpp.pdu.DeliverSm();
            case DELIVER_SM_RESP: return new com.cloudhopper.smpp.pdu.DeliverSmResp();
            case DATA_SM: return new com.cloudhopper.smpp.pdu.DataSm();
            case DATA_SM_RESP: return new com.cloudhopper.smpp.pdu.DataSmResp();
            case QUERY_SM: return new com.cloudhopper.smpp.pdu.QuerySm();
            case QUERY_SM_RESP: return new com.cloudhopper.smpp.pdu.QuerySmResp();
            case CANCEL_SM: return new com.cloudhopper.smpp.pdu.CancelSm();
            case CANCEL_SM_RESP: return new com.cloudhopper.smpp.pdu.CancelSmResp();
            case REPLACE_SM: return new com.cloudhopper.smpp.pdu.ReplaceSm();
            case REPLACE_SM_RESP: return new com.cloudhopper.smpp.pdu.ReplaceSmResp();
            case ALERT_NOTIFICATION: return new com.cloudhopper.smpp.pdu.AlertNotification();
            default: throw new IllegalArgumentException("cloudhopper has no PDU class for " + pdu.commandId());
        }
    }

    static Pdu fromCloudhopper(com.cloudhopper.smpp.pdu.Pdu bean) throws Exception {
        int status = bean.getCommandStatus();
        int seq = bean.getSequenceNumber();
        Tlvs tlvs = tlvs(bean);
        if (bean instanceof com.cloudhopper.smpp.pdu.GenericNack) {
            return new GenericNack(status, seq);
        }
        if (bean instanceof BaseBind<?> bind) {
            Address range = address(bind.getAddressRange());
            int version = bind.getInterfaceVersion() & 0xFF;
            if (bean instanceof com.cloudhopper.smpp.pdu.BindTransmitter) {
                return new BindTransmitter(seq, bind.getSystemId(), bind.getPassword(), bind.getSystemType(), version, range);
            }
            if (bean instanceof com.cloudhopper.smpp.pdu.BindReceiver) {
                return new BindReceiver(seq, bind.getSystemId(), bind.getPassword(), bind.getSystemType(), version, range);
            }
            return new BindTransceiver(seq, bind.getSystemId(), bind.getPassword(), bind.getSystemType(), version, range);
        }
        if (bean instanceof BaseBindResp resp) {
            if (bean instanceof com.cloudhopper.smpp.pdu.BindTransmitterResp) {
                return new BindTransmitterResp(status, seq, resp.getSystemId(), tlvs);
            }
            if (bean instanceof com.cloudhopper.smpp.pdu.BindReceiverResp) {
                return new BindReceiverResp(status, seq, resp.getSystemId(), tlvs);
            }
            return new BindTransceiverResp(status, seq, resp.getSystemId(), tlvs);
        }
        if (bean instanceof com.cloudhopper.smpp.pdu.Unbind) {
            return new Unbind(seq);
        }
        if (bean instanceof com.cloudhopper.smpp.pdu.UnbindResp) {
            return new UnbindResp(status, seq);
        }
        if (bean instanceof com.cloudhopper.smpp.pdu.EnquireLink) {
            return new EnquireLink(seq);
        }
        if (bean instanceof com.cloudhopper.smpp.pdu.EnquireLinkResp) {
            return new EnquireLinkResp(status, seq);
        }
        if (bean instanceof com.cloudhopper.smpp.pdu.DataSm sm) {
            return new DataSm(seq, sm.getServiceType(), address(sm.getSourceAddress()), address(sm.getDestAddress()),
                    sm.getEsmClass() & 0xFF, sm.getRegisteredDelivery() & 0xFF, sm.getDataCoding() & 0xFF, tlvs);
        }
        if (bean instanceof com.cloudhopper.smpp.pdu.SubmitSm sm) {
            return shortMessage(sm, tlvs, SubmitSm::new);
        }
        if (bean instanceof com.cloudhopper.smpp.pdu.DeliverSm sm) {
            return shortMessage(sm, tlvs, DeliverSm::new);
        }
        if (bean instanceof com.cloudhopper.smpp.pdu.SubmitSmResp resp) {
            return new SubmitSmResp(status, seq, resp.getMessageId(), tlvs);
        }
        if (bean instanceof com.cloudhopper.smpp.pdu.DeliverSmResp resp) {
            return new DeliverSmResp(status, seq, resp.getMessageId(), tlvs);
        }
        if (bean instanceof com.cloudhopper.smpp.pdu.DataSmResp resp) {
            return new DataSmResp(status, seq, resp.getMessageId(), tlvs);
        }
        if (bean instanceof com.cloudhopper.smpp.pdu.QuerySm query) {
            return new QuerySm(seq, query.getMessageId(), address(query.getSourceAddress()));
        }
        if (bean instanceof com.cloudhopper.smpp.pdu.QuerySmResp resp) {
            return new QuerySmResp(status, seq, resp.getMessageId(), resp.getFinalDate(), resp.getMessageState() & 0xFF,
                    resp.getErrorCode() & 0xFF);
        }
        if (bean instanceof com.cloudhopper.smpp.pdu.CancelSm cancel) {
            return new CancelSm(seq, cancel.getServiceType(), cancel.getMessageId(), address(cancel.getSourceAddress()),
                    address(cancel.getDestAddress()));
        }
        if (bean instanceof com.cloudhopper.smpp.pdu.CancelSmResp) {
            return new CancelSmResp(status, seq);
        }
        if (bean instanceof com.cloudhopper.smpp.pdu.ReplaceSm replace) {
            return new ReplaceSm(seq, replace.getMessageId(), address(replace.getSourceAddress()),
                    replace.getScheduleDeliveryTime(), replace.getValidityPeriod(), replace.getRegisteredDelivery() & 0xFF,
                    replace.getDefaultMsgId() & 0xFF, octets(replace.getShortMessage()), tlvs);
        }
        if (bean instanceof com.cloudhopper.smpp.pdu.ReplaceSmResp) {
            return new ReplaceSmResp(status, seq);
        }
        if (bean instanceof com.cloudhopper.smpp.pdu.AlertNotification alert) {
            return new AlertNotification(seq, address(alert.getSourceAddress()), address(alert.getEsmeAddress()), tlvs);
        }
        throw new IllegalArgumentException("no translation for " + bean.getName());
    }

    private static <P extends ShortMessageRequest> P shortMessage(BaseSm<?> sm, Tlvs tlvs, ShortMessageRequest.Factory<P> factory) {
        return factory.create(sm.getSequenceNumber(), sm.getServiceType(), address(sm.getSourceAddress()),
                address(sm.getDestAddress()), sm.getEsmClass() & 0xFF, sm.getProtocolId() & 0xFF, sm.getPriority() & 0xFF,
                sm.getScheduleDeliveryTime(), sm.getValidityPeriod(), sm.getRegisteredDelivery() & 0xFF,
                sm.getReplaceIfPresent() & 0xFF, sm.getDataCoding() & 0xFF, sm.getDefaultMsgId() & 0xFF,
                octets(sm.getShortMessage()), tlvs);
    }

    private static void addTlvs(com.cloudhopper.smpp.pdu.Pdu bean, Tlvs tlvs) {
        for (Tlv tlv : tlvs.list()) {
            bean.addOptionalParameter(new com.cloudhopper.smpp.tlv.Tlv((short) tlv.tag(), tlv.value().toByteArray()));
        }
    }

    private static Tlvs tlvs(com.cloudhopper.smpp.pdu.Pdu bean) {
        if (bean.getOptionalParameters() == null) {
            return Tlvs.EMPTY;
        }
        List<Tlv> list = new ArrayList<>();
        for (com.cloudhopper.smpp.tlv.Tlv tlv : bean.getOptionalParameters()) {
            list.add(new Tlv(tlv.getTag() & 0xFFFF, octets(tlv.getValue())));
        }
        return new Tlvs(list);
    }

    private static com.cloudhopper.smpp.type.Address chAddress(Address address) {
        return new com.cloudhopper.smpp.type.Address((byte) address.ton(), (byte) address.npi(), address.address());
    }

    private static Address address(com.cloudhopper.smpp.type.Address address) {
        return address == null ? Address.EMPTY
                : new Address(address.getTon() & 0xFF, address.getNpi() & 0xFF, address.getAddress());
    }

    private static Octets octets(byte[] bytes) {
        return bytes == null ? Octets.EMPTY : Octets.of(bytes);
    }
}
