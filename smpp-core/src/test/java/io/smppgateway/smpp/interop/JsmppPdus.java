package io.smppgateway.smpp.interop;

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
import io.smppgateway.smpp.pdu.BroadcastSm;
import io.smppgateway.smpp.pdu.BroadcastSmResp;
import io.smppgateway.smpp.pdu.CancelBroadcastSm;
import io.smppgateway.smpp.pdu.CancelBroadcastSmResp;
import io.smppgateway.smpp.pdu.CancelSm;
import io.smppgateway.smpp.pdu.CancelSmResp;
import io.smppgateway.smpp.pdu.DataSm;
import io.smppgateway.smpp.pdu.DataSmResp;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.DeliverSmResp;
import io.smppgateway.smpp.pdu.DestinationAddress;
import io.smppgateway.smpp.pdu.EnquireLink;
import io.smppgateway.smpp.pdu.EnquireLinkResp;
import io.smppgateway.smpp.pdu.GenericNack;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Outbind;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.QueryBroadcastSm;
import io.smppgateway.smpp.pdu.QueryBroadcastSmResp;
import io.smppgateway.smpp.pdu.QuerySm;
import io.smppgateway.smpp.pdu.QuerySmResp;
import io.smppgateway.smpp.pdu.ReplaceSm;
import io.smppgateway.smpp.pdu.ReplaceSmResp;
import io.smppgateway.smpp.pdu.ShortMessageRequest;
import io.smppgateway.smpp.pdu.SubmitMulti;
import io.smppgateway.smpp.pdu.SubmitMultiResp;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.Tlvs;
import io.smppgateway.smpp.pdu.Unbind;
import io.smppgateway.smpp.pdu.UnbindResp;
import io.smppgateway.smpp.pdu.UnsuccessfulSme;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AbstractSmRespCommand;
import org.jsmpp.bean.Bind;
import org.jsmpp.bean.BindResp;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.DistributionList;
import org.jsmpp.bean.MessageRequest;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.UnsuccessDelivery;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DefaultDecomposer;
import org.jsmpp.util.PDUComposer;
import org.jsmpp.util.PDUDecomposer;

/**
 * Translates our PDU values to and from jsmpp 3.0.1: {@link #compose} writes a PDU with jsmpp's
 * {@code DefaultComposer}, {@link #decompose} reads octets with its {@code DefaultDecomposer} and
 * copies every field it exposes into our record, so that a test compares whole values.
 *
 * <p>jsmpp has every PDU type of 3.4 and 5.0, but its composer cannot write everything a PDU may
 * hold; {@link #cannotCompose} names those limits instead of writing something else.
 */
final class JsmppPdus {

    private static final PDUComposer COMPOSER = new DefaultComposer();
    private static final PDUDecomposer DECOMPOSER = new DefaultDecomposer();

    private JsmppPdus() {
    }

    /**
     * Why jsmpp's composer cannot write {@code pdu} as it is, or {@code null} when it can. The
     * composer has no parameter for these fields, so writing such a PDU would silently lose them.
     */
    static String cannotCompose(Pdu pdu) {
        if (pdu instanceof SubmitMulti multi
                && multi.destinations().stream().anyMatch(d -> d instanceof DestinationAddress.DistributionList)) {
            // DefaultComposer.submitMulti writes dest_flag 2 and then nothing: dl_name is dropped.
            return "jsmpp 3.0.1 writes no dl_name for a distribution list";
        }
        if (pdu instanceof DeliverSm deliver && (!deliver.scheduleDeliveryTime().isEmpty()
                || !deliver.validityPeriod().isEmpty() || deliver.replaceIfPresentFlag() != 0
                || deliver.smDefaultMsgId() != 0)) {
            return "jsmpp's deliverSm writes schedule, validity, replace flag and default message id as empty";
        }
        boolean noTlvParameter = pdu instanceof DeliverSmResp || pdu instanceof ReplaceSm
                || pdu instanceof SubmitMultiResp;
        if (noTlvParameter && hasTlvs(pdu)) {
            return "jsmpp's composer takes no TLVs for " + pdu.commandId();
        }
        boolean fixedStatus = !(pdu instanceof GenericNack || pdu instanceof UnbindResp || pdu instanceof DeliverSmResp
                || pdu instanceof DataSmResp);
        if (fixedStatus && pdu.commandStatus() != 0) {
            return "jsmpp's composer writes ESME_ROK for " + pdu.commandId();
        }
        return null;
    }

    private static boolean hasTlvs(Pdu pdu) {
        if (pdu instanceof DeliverSmResp resp) {
            return !resp.tlvs().isEmpty();
        }
        if (pdu instanceof ReplaceSm replace) {
            return !replace.tlvs().isEmpty();
        }
        return pdu instanceof SubmitMultiResp resp && !resp.tlvs().isEmpty();
    }

    /** The octets jsmpp writes for {@code pdu}. */
    static byte[] compose(Pdu pdu) throws Exception {
        if (cannotCompose(pdu) != null) {
            throw new IllegalArgumentException(cannotCompose(pdu));
        }
        int seq = pdu.sequenceNumber();
        if (pdu instanceof GenericNack) {
            return COMPOSER.genericNack(pdu.commandStatus(), seq);
        }
        if (pdu instanceof BindRequest bind) {
            Address range = bind.addressRange();
            return COMPOSER.bind(pdu.commandId().value(), seq, bind.systemId(), bind.password(), bind.systemType(),
                    (byte) bind.interfaceVersion(), (byte) range.ton(), (byte) range.npi(), range.address());
        }
        if (pdu instanceof BindResponse resp) {
            return COMPOSER.bindResp(pdu.commandId().value(), seq, resp.systemId(), options(resp.tlvs()));
        }
        if (pdu instanceof Outbind outbind) {
            return COMPOSER.outbind(seq, outbind.systemId(), outbind.password());
        }
        if (pdu instanceof Unbind) {
            return COMPOSER.unbind(seq);
        }
        if (pdu instanceof UnbindResp) {
            return COMPOSER.unbindResp(pdu.commandStatus(), seq);
        }
        if (pdu instanceof EnquireLink) {
            return COMPOSER.enquireLink(seq);
        }
        if (pdu instanceof EnquireLinkResp) {
            return COMPOSER.enquireLinkResp(seq);
        }
        if (pdu instanceof SubmitSm sm) {
            return COMPOSER.submitSm(seq, sm.serviceType(), (byte) sm.source().ton(), (byte) sm.source().npi(),
                    sm.source().address(), (byte) sm.destination().ton(), (byte) sm.destination().npi(),
                    sm.destination().address(), (byte) sm.esmClass(), (byte) sm.protocolId(), (byte) sm.priorityFlag(),
                    sm.scheduleDeliveryTime(), sm.validityPeriod(), (byte) sm.registeredDelivery(),
                    (byte) sm.replaceIfPresentFlag(), (byte) sm.dataCoding(), (byte) sm.smDefaultMsgId(),
                    sm.shortMessage().toByteArray(), options(sm.tlvs()));
        }
        if (pdu instanceof DeliverSm sm) {
            return COMPOSER.deliverSm(seq, sm.serviceType(), (byte) sm.source().ton(), (byte) sm.source().npi(),
                    sm.source().address(), (byte) sm.destination().ton(), (byte) sm.destination().npi(),
                    sm.destination().address(), (byte) sm.esmClass(), (byte) sm.protocolId(), (byte) sm.priorityFlag(),
                    (byte) sm.registeredDelivery(), (byte) sm.dataCoding(), sm.shortMessage().toByteArray(),
                    options(sm.tlvs()));
        }
        if (pdu instanceof SubmitSmResp resp) {
            return COMPOSER.submitSmResp(seq, resp.messageId(), options(resp.tlvs()));
        }
        if (pdu instanceof DeliverSmResp resp) {
            return COMPOSER.deliverSmResp(resp.commandStatus(), seq, resp.messageId());
        }
        if (pdu instanceof DataSm sm) {
            return COMPOSER.dataSm(seq, sm.serviceType(), (byte) sm.source().ton(), (byte) sm.source().npi(),
                    sm.source().address(), (byte) sm.destination().ton(), (byte) sm.destination().npi(),
                    sm.destination().address(), (byte) sm.esmClass(), (byte) sm.registeredDelivery(),
                    (byte) sm.dataCoding(), options(sm.tlvs()));
        }
        if (pdu instanceof DataSmResp resp) {
            return COMPOSER.dataSmResp(resp.commandStatus(), seq, resp.messageId(), options(resp.tlvs()));
        }
        if (pdu instanceof QuerySm query) {
            return COMPOSER.querySm(seq, query.messageId(), (byte) query.source().ton(), (byte) query.source().npi(),
                    query.source().address());
        }
        if (pdu instanceof QuerySmResp resp) {
            return COMPOSER.querySmResp(seq, resp.messageId(), resp.finalDate(), (byte) resp.messageState(),
                    (byte) resp.errorCode());
        }
        if (pdu instanceof CancelSm cancel) {
            return COMPOSER.cancelSm(seq, cancel.serviceType(), cancel.messageId(), (byte) cancel.source().ton(),
                    (byte) cancel.source().npi(), cancel.source().address(), (byte) cancel.destination().ton(),
                    (byte) cancel.destination().npi(), cancel.destination().address());
        }
        if (pdu instanceof CancelSmResp) {
            return COMPOSER.cancelSmResp(seq);
        }
        if (pdu instanceof ReplaceSm replace) {
            return COMPOSER.replaceSm(seq, replace.messageId(), (byte) replace.source().ton(),
                    (byte) replace.source().npi(), replace.source().address(), replace.scheduleDeliveryTime(),
                    replace.validityPeriod(), (byte) replace.registeredDelivery(), (byte) replace.smDefaultMsgId(),
                    replace.shortMessage().toByteArray());
        }
        if (pdu instanceof ReplaceSmResp) {
            return COMPOSER.replaceSmResp(seq);
        }
        if (pdu instanceof SubmitMulti multi) {
            org.jsmpp.bean.DestinationAddress[] destinations = multi.destinations().stream()
                    .map(JsmppPdus::destination).toArray(org.jsmpp.bean.DestinationAddress[]::new);
            return COMPOSER.submitMulti(seq, multi.serviceType(), (byte) multi.source().ton(),
                    (byte) multi.source().npi(), multi.source().address(), destinations, (byte) multi.esmClass(),
                    (byte) multi.protocolId(), (byte) multi.priorityFlag(), multi.scheduleDeliveryTime(),
                    multi.validityPeriod(), (byte) multi.registeredDelivery(), (byte) multi.replaceIfPresentFlag(),
                    (byte) multi.dataCoding(), (byte) multi.smDefaultMsgId(), multi.shortMessage().toByteArray(),
                    options(multi.tlvs()));
        }
        if (pdu instanceof SubmitMultiResp resp) {
            UnsuccessDelivery[] failed = resp.unsuccessful().stream()
                    .map(sme -> new UnsuccessDelivery(jsmppAddress(sme.address()), sme.errorStatusCode()))
                    .toArray(UnsuccessDelivery[]::new);
            return COMPOSER.submitMultiResp(seq, resp.messageId(), failed);
        }
        if (pdu instanceof AlertNotification alert) {
            return COMPOSER.alertNotification(seq, (byte) alert.source().ton(), (byte) alert.source().npi(),
                    alert.source().address(), (byte) alert.esme().ton(), (byte) alert.esme().npi(),
                    alert.esme().address(), options(alert.tlvs()));
        }
        if (pdu instanceof BroadcastSm broadcast) {
            return COMPOSER.broadcastSm(seq, broadcast.serviceType(), (byte) broadcast.source().ton(),
                    (byte) broadcast.source().npi(), broadcast.source().address(), broadcast.messageId(),
                    (byte) broadcast.priorityFlag(), broadcast.scheduleDeliveryTime(), broadcast.validityPeriod(),
                    (byte) broadcast.replaceIfPresentFlag(), (byte) broadcast.dataCoding(),
                    (byte) broadcast.smDefaultMsgId(), options(broadcast.tlvs()));
        }
        if (pdu instanceof BroadcastSmResp resp) {
            return COMPOSER.broadcastSmResp(seq, resp.messageId(), options(resp.tlvs()));
        }
        if (pdu instanceof QueryBroadcastSm query) {
            return COMPOSER.queryBroadcastSm(seq, query.messageId(), (byte) query.source().ton(),
                    (byte) query.source().npi(), query.source().address(), options(query.tlvs()));
        }
        if (pdu instanceof QueryBroadcastSmResp resp) {
            return COMPOSER.queryBroadcastSmResp(seq, resp.messageId(), options(resp.tlvs()));
        }
        if (pdu instanceof CancelBroadcastSm cancel) {
            return COMPOSER.cancelBroadcastSm(seq, cancel.serviceType(), cancel.messageId(),
                    (byte) cancel.source().ton(), (byte) cancel.source().npi(), cancel.source().address(),
                    options(cancel.tlvs()));
        }
        if (pdu instanceof CancelBroadcastSmResp) {
            return COMPOSER.cancelBroadcastSmResp(seq);
        }
        throw new IllegalArgumentException("no jsmpp composer for " + pdu.commandId());
    }

    /** A header-only PDU as jsmpp writes it: how it answers with an error and no body. */
    static byte[] composeHeaderOnly(int commandId, int commandStatus, int sequenceNumber) {
        return COMPOSER.composeHeader(commandId, commandStatus, sequenceNumber);
    }

    /** What jsmpp reads from {@code wire}, copied field by field into our record. */
    static Pdu decompose(byte[] wire) throws Exception {
        Command header = DECOMPOSER.header(wire);
        int status = header.getCommandStatus();
        int seq = header.getSequenceNumber();
        switch (header.getCommandId()) {
            case SMPPConstant.CID_GENERIC_NACK:
                return new GenericNack(DECOMPOSER.genericNack(wire).getCommandStatus(), seq);
            case SMPPConstant.CID_BIND_TRANSMITTER: {
                Bind bind = DECOMPOSER.bind(wire);
                return new BindTransmitter(seq, bind.getSystemId(), bind.getPassword(), bind.getSystemType(),
                        u8(bind.getInterfaceVersion()), address(bind.getAddrTon(), bind.getAddrNpi(), bind.getAddressRange()));
            }
            case SMPPConstant.CID_BIND_RECEIVER: {
                Bind bind = DECOMPOSER.bind(wire);
                return new BindReceiver(seq, bind.getSystemId(), bind.getPassword(), bind.getSystemType(),
                        u8(bind.getInterfaceVersion()), address(bind.getAddrTon(), bind.getAddrNpi(), bind.getAddressRange()));
            }
            case SMPPConstant.CID_BIND_TRANSCEIVER: {
                Bind bind = DECOMPOSER.bind(wire);
                return new BindTransceiver(seq, bind.getSystemId(), bind.getPassword(), bind.getSystemType(),
                        u8(bind.getInterfaceVersion()), address(bind.getAddrTon(), bind.getAddrNpi(), bind.getAddressRange()));
            }
            case SMPPConstant.CID_BIND_TRANSMITTER_RESP: {
                BindResp resp = DECOMPOSER.bindResp(wire);
                return new BindTransmitterResp(status, seq, resp.getSystemId(), tlvs(resp.getOptionalParameters()));
            }
            case SMPPConstant.CID_BIND_RECEIVER_RESP: {
                BindResp resp = DECOMPOSER.bindResp(wire);
                return new BindReceiverResp(status, seq, resp.getSystemId(), tlvs(resp.getOptionalParameters()));
            }
            case SMPPConstant.CID_BIND_TRANSCEIVER_RESP: {
                BindResp resp = DECOMPOSER.bindResp(wire);
                return new BindTransceiverResp(status, seq, resp.getSystemId(), tlvs(resp.getOptionalParameters()));
            }
            case SMPPConstant.CID_OUTBIND: {
                org.jsmpp.bean.Outbind outbind = DECOMPOSER.outbind(wire);
                return new Outbind(seq, outbind.getSystemId(), outbind.getPassword());
            }
            case SMPPConstant.CID_UNBIND:
                return new Unbind(DECOMPOSER.unbind(wire).getSequenceNumber());
            case SMPPConstant.CID_UNBIND_RESP:
                return new UnbindResp(status, DECOMPOSER.unbindResp(wire).getSequenceNumber());
            case SMPPConstant.CID_ENQUIRE_LINK:
                return new EnquireLink(DECOMPOSER.enquireLink(wire).getSequenceNumber());
            case SMPPConstant.CID_ENQUIRE_LINK_RESP:
                return new EnquireLinkResp(status, DECOMPOSER.enquireLinkResp(wire).getSequenceNumber());
            case SMPPConstant.CID_SUBMIT_SM:
                return shortMessage(DECOMPOSER.submitSm(wire), SubmitSm::new);
            case SMPPConstant.CID_DELIVER_SM:
                return shortMessage(DECOMPOSER.deliverSm(wire), DeliverSm::new);
            case SMPPConstant.CID_SUBMIT_SM_RESP: {
                AbstractSmRespCommand resp = DECOMPOSER.submitSmResp(wire);
                return new SubmitSmResp(status, seq, resp.getMessageId(), tlvs(resp.getOptionalParameters()));
            }
            case SMPPConstant.CID_DELIVER_SM_RESP: {
                AbstractSmRespCommand resp = DECOMPOSER.deliverSmResp(wire);
                return new DeliverSmResp(status, seq, resp.getMessageId(), tlvs(resp.getOptionalParameters()));
            }
            case SMPPConstant.CID_DATA_SM: {
                org.jsmpp.bean.DataSm sm = DECOMPOSER.dataSm(wire);
                return new DataSm(seq, sm.getServiceType(), address(sm.getSourceAddrTon(), sm.getSourceAddrNpi(), sm.getSourceAddr()),
                        address(sm.getDestAddrTon(), sm.getDestAddrNpi(), sm.getDestAddress()), u8(sm.getEsmClass()),
                        u8(sm.getRegisteredDelivery()), u8(sm.getDataCoding()), tlvs(sm.getOptionalParameters()));
            }
            case SMPPConstant.CID_DATA_SM_RESP: {
                AbstractSmRespCommand resp = DECOMPOSER.dataSmResp(wire);
                return new DataSmResp(status, seq, resp.getMessageId(), tlvs(resp.getOptionalParameters()));
            }
            case SMPPConstant.CID_QUERY_SM: {
                org.jsmpp.bean.QuerySm query = DECOMPOSER.querySm(wire);
                return new QuerySm(seq, query.getMessageId(),
                        address(query.getSourceAddrTon(), query.getSourceAddrNpi(), query.getSourceAddr()));
            }
            case SMPPConstant.CID_QUERY_SM_RESP: {
                org.jsmpp.bean.QuerySmResp resp = DECOMPOSER.querySmResp(wire);
                int state = resp.getMessageState() == null ? 0 : u8(resp.getMessageState().value());
                return new QuerySmResp(status, seq, resp.getMessageId(), resp.getFinalDate(), state, u8(resp.getErrorCode()));
            }
            case SMPPConstant.CID_CANCEL_SM: {
                org.jsmpp.bean.CancelSm cancel = DECOMPOSER.cancelSm(wire);
                return new CancelSm(seq, cancel.getServiceType(), cancel.getMessageId(),
                        address(cancel.getSourceAddrTon(), cancel.getSourceAddrNpi(), cancel.getSourceAddr()),
                        address(cancel.getDestAddrTon(), cancel.getDestAddrNpi(), cancel.getDestinationAddress()));
            }
            case SMPPConstant.CID_CANCEL_SM_RESP:
                return new CancelSmResp(status, DECOMPOSER.cancelSmResp(wire).getSequenceNumber());
            case SMPPConstant.CID_REPLACE_SM: {
                org.jsmpp.bean.ReplaceSm replace = DECOMPOSER.replaceSm(wire);
                return new ReplaceSm(seq, replace.getMessageId(),
                        address(replace.getSourceAddrTon(), replace.getSourceAddrNpi(), replace.getSourceAddr()),
                        replace.getScheduleDeliveryTime(), replace.getValidityPeriod(), u8(replace.getRegisteredDelivery()),
                        u8(replace.getSmDefaultMsgId()), octets(replace.getShortMessage()), Tlvs.EMPTY);
            }
            case SMPPConstant.CID_REPLACE_SM_RESP:
                return new ReplaceSmResp(status, DECOMPOSER.replaceSmResp(wire).getSequenceNumber());
            case SMPPConstant.CID_SUBMIT_MULTI: {
                org.jsmpp.bean.SubmitMulti multi = DECOMPOSER.submitMulti(wire);
                List<DestinationAddress> destinations = new ArrayList<>();
                for (org.jsmpp.bean.DestinationAddress destination : multi.getDestAddresses()) {
                    destinations.add(destination(destination));
                }
                return new SubmitMulti(seq, multi.getServiceType(),
                        address(multi.getSourceAddrTon(), multi.getSourceAddrNpi(), multi.getSourceAddr()), destinations,
                        u8(multi.getEsmClass()), u8(multi.getProtocolId()), u8(multi.getPriorityFlag()),
                        multi.getScheduleDeliveryTime(), multi.getValidityPeriod(), u8(multi.getRegisteredDelivery()),
                        u8(multi.getReplaceIfPresentFlag()), u8(multi.getDataCoding()), u8(multi.getSmDefaultMsgId()),
                        octets(multi.getShortMessage()), tlvs(multi.getOptionalParameters()));
            }
            case SMPPConstant.CID_SUBMIT_MULTI_RESP: {
                org.jsmpp.bean.SubmitMultiResp resp = DECOMPOSER.submitMultiResp(wire);
                List<UnsuccessfulSme> failed = new ArrayList<>();
                UnsuccessDelivery[] deliveries = resp.getUnsuccessSmes() == null ? new UnsuccessDelivery[0] : resp.getUnsuccessSmes();
                for (UnsuccessDelivery delivery : deliveries) {
                    org.jsmpp.bean.Address to = delivery.getDestinationAddress();
                    failed.add(new UnsuccessfulSme(address(to.getTon(), to.getNpi(), to.getAddress()),
                            delivery.getErrorStatusCode()));
                }
                return new SubmitMultiResp(status, seq, resp.getMessageId(), failed, tlvs(resp.getOptionalParameters()));
            }
            case SMPPConstant.CID_ALERT_NOTIFICATION: {
                org.jsmpp.bean.AlertNotification alert = DECOMPOSER.alertNotification(wire);
                return new AlertNotification(seq,
                        address(alert.getSourceAddrTon(), alert.getSourceAddrNpi(), alert.getSourceAddr()),
                        address(alert.getEsmeAddrTon(), alert.getEsmeAddrNpi(), alert.getEsmeAddr()),
                        tlvs(alert.getOptionalParameters()));
            }
            case SMPPConstant.CID_BROADCAST_SM: {
                org.jsmpp.bean.BroadcastSm broadcast = DECOMPOSER.broadcastSm(wire);
                return new BroadcastSm(seq, broadcast.getServiceType(),
                        address(broadcast.getSourceAddrTon(), broadcast.getSourceAddrNpi(), broadcast.getSourceAddr()),
                        broadcast.getMessageId(), u8(broadcast.getPriorityFlag()), broadcast.getScheduleDeliveryTime(),
                        broadcast.getValidityPeriod(), u8(broadcast.getReplaceIfPresentFlag()),
                        u8(broadcast.getDataCoding()), u8(broadcast.getSmDefaultMsgId()),
                        tlvs(broadcast.getOptionalParameters()));
            }
            case SMPPConstant.CID_BROADCAST_SM_RESP: {
                org.jsmpp.bean.BroadcastSmResp resp = DECOMPOSER.broadcastSmResp(wire);
                return new BroadcastSmResp(status, seq, resp.getMessageId(), tlvs(resp.getOptionalParameters()));
            }
            case SMPPConstant.CID_QUERY_BROADCAST_SM: {
                org.jsmpp.bean.QueryBroadcastSm query = DECOMPOSER.queryBroadcastSm(wire);
                return new QueryBroadcastSm(seq, query.getMessageId(),
                        address(query.getSourceAddrTon(), query.getSourceAddrNpi(), query.getSourceAddr()),
                        tlvs(query.getOptionalParameters()));
            }
            case SMPPConstant.CID_QUERY_BROADCAST_SM_RESP: {
                org.jsmpp.bean.QueryBroadcastSmResp resp = DECOMPOSER.queryBroadcastSmResp(wire);
                return new QueryBroadcastSmResp(status, seq, resp.getMessageId(), tlvs(resp.getOptionalParameters()));
            }
            case SMPPConstant.CID_CANCEL_BROADCAST_SM: {
                org.jsmpp.bean.CancelBroadcastSm cancel = DECOMPOSER.cancelBroadcastSm(wire);
                return new CancelBroadcastSm(seq, cancel.getServiceType(), cancel.getMessageId(),
                        address(cancel.getSourceAddrTon(), cancel.getSourceAddrNpi(), cancel.getSourceAddr()),
                        tlvs(cancel.getOptionalParameters()));
            }
            case SMPPConstant.CID_CANCEL_BROADCAST_SM_RESP:
                return new CancelBroadcastSmResp(status, DECOMPOSER.cancelBroadcastSmResp(wire).getSequenceNumber());
            default:
                throw new IllegalArgumentException(String.format("no jsmpp decomposer for 0x%08X", header.getCommandId()));
        }
    }

    private static <P extends ShortMessageRequest> P shortMessage(MessageRequest sm, ShortMessageRequest.Factory<P> factory) {
        return factory.create(sm.getSequenceNumber(), sm.getServiceType(),
                address(sm.getSourceAddrTon(), sm.getSourceAddrNpi(), sm.getSourceAddr()),
                address(sm.getDestAddrTon(), sm.getDestAddrNpi(), sm.getDestAddress()), u8(sm.getEsmClass()),
                u8(sm.getProtocolId()), u8(sm.getPriorityFlag()), sm.getScheduleDeliveryTime(), sm.getValidityPeriod(),
                u8(sm.getRegisteredDelivery()), u8(sm.getReplaceIfPresent()), u8(sm.getDataCoding()),
                u8(sm.getSmDefaultMsgId()), octets(sm.getShortMessage()), tlvs(sm.getOptionalParameters()));
    }

    /** Every TLV as a raw octet string: jsmpp serialises it as tag, length, value whatever its type. */
    private static OptionalParameter[] options(Tlvs tlvs) {
        return tlvs.list().stream()
                .map(tlv -> new OptionalParameter.OctetString((short) tlv.tag(), tlv.value().toByteArray()))
                .toArray(OptionalParameter[]::new);
    }

    /** jsmpp's typed optional parameters back to raw TLVs, through jsmpp's own serialisation. */
    private static Tlvs tlvs(OptionalParameter[] options) {
        if (options == null) {
            return Tlvs.EMPTY;
        }
        List<Tlv> list = new ArrayList<>();
        for (OptionalParameter option : options) {
            byte[] wire = option.serialize();
            int tag = ((wire[0] & 0xFF) << 8) | (wire[1] & 0xFF);
            int length = ((wire[2] & 0xFF) << 8) | (wire[3] & 0xFF);
            list.add(new Tlv(tag, Octets.wrap(Arrays.copyOfRange(wire, 4, 4 + length))));
        }
        return new Tlvs(list);
    }

    private static org.jsmpp.bean.DestinationAddress destination(DestinationAddress destination) {
        if (destination instanceof DestinationAddress.Sme sme) {
            return jsmppAddress(sme.address());
        }
        return new DistributionList(((DestinationAddress.DistributionList) destination).name());
    }

    private static DestinationAddress destination(org.jsmpp.bean.DestinationAddress destination) {
        if (destination instanceof org.jsmpp.bean.Address sme) {
            return new DestinationAddress.Sme(address(sme.getTon(), sme.getNpi(), sme.getAddress()));
        }
        return new DestinationAddress.DistributionList(((DistributionList) destination).getName());
    }

    private static org.jsmpp.bean.Address jsmppAddress(Address address) {
        return new org.jsmpp.bean.Address((byte) address.ton(), (byte) address.npi(), address.address());
    }

    private static Address address(byte ton, byte npi, String address) {
        return new Address(u8(ton), u8(npi), address);
    }

    private static Octets octets(byte[] bytes) {
        return bytes == null ? Octets.EMPTY : Octets.of(bytes);
    }

    private static int u8(byte value) {
        return value & 0xFF;
    }
}
