package io.smppgateway.smpp.log;

import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.AlertNotification;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindResponse;
import io.smppgateway.smpp.pdu.BroadcastSm;
import io.smppgateway.smpp.pdu.CancelBroadcastSm;
import io.smppgateway.smpp.pdu.CancelSm;
import io.smppgateway.smpp.pdu.DataSm;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.DestinationAddress;
import io.smppgateway.smpp.pdu.EsmClass;
import io.smppgateway.smpp.pdu.MessageIdResponse;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.Outbind;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.QueryBroadcastSm;
import io.smppgateway.smpp.pdu.QuerySm;
import io.smppgateway.smpp.pdu.QuerySmResp;
import io.smppgateway.smpp.pdu.ReplaceSm;
import io.smppgateway.smpp.pdu.SubmitMulti;
import io.smppgateway.smpp.pdu.SubmitMultiResp;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.pdu.TlvType;
import io.smppgateway.smpp.pdu.Tlvs;
import io.smppgateway.smpp.pdu.UnsuccessfulSme;
import io.smppgateway.smpp.text.Alphabet;
import io.smppgateway.smpp.text.DecodedMessage;
import io.smppgateway.smpp.text.Gsm7Packing;
import io.smppgateway.smpp.text.InboundMessageDecoder;
import io.smppgateway.smpp.text.MalformedUserDataHeaderException;

/**
 * The JSON body of one PDU in the PDU log, as the product manual's sample shows submit_sm and
 * submit_sm_resp: a {@code "Header"} object, then the mandatory fields by their SMPP names in wire
 * order, then the TLVs in wire order by their SMPP names.
 *
 * <p>What the manual's sample does not show, and how we chose:
 * <ul>
 *   <li>submit_sm, deliver_sm and submit_multi group data_coding, sm_default_msg_id and the text
 *       of short_message in a {@code "message"} object, as the sample does. With the UDHI flag
 *       set, the user data header is shown as {@code "udh"} (hex) and the text is what follows it.
 *       A binary data_coding (2, 4, 0xF4 ...) shows the octets as hex.</li>
 *   <li>replace_if_present_flag is a boolean for 0 and 1, and the number for any other value, so
 *       that a wrong flag stays visible.</li>
 *   <li>TLVs: integers as numbers, C-octet strings as strings, other octets as hex; a tag we do
 *       not know as {@code "0x1401": "hex"}; a value of the wrong length as hex. message_payload
 *       is the message itself, so it is decoded as text by the PDU's data_coding like
 *       short_message (as hex when the UDHI flag is set or the coding is binary).</li>
 *   <li>Passwords (bind_*, outbind) are shown as one {@code *} per character.</li>
 *   <li>replace_sm carries no data_coding, so its short_message is shown as hex.</li>
 * </ul>
 */
final class PduJson {

    private final boolean smscDefaultIsGsm7;

    /**
     * @param smscDefaultIsGsm7 whether data_coding 0 is GSM 7-bit (the gateway's {@code is_gsm7});
     *        otherwise it is read as ISO-8859-1
     */
    PduJson(boolean smscDefaultIsGsm7) {
        this.smscDefaultIsGsm7 = smscDefaultIsGsm7;
    }

    /** Writes the JSON object of {@code pdu}, whose wire form is {@code commandLength} octets. */
    void write(Pdu pdu, int commandLength, StringBuilder out) {
        JsonWriter json = new JsonWriter(out);
        json.beginObject();
        json.name("Header").beginObject()
                .member("command_length", Integer.toUnsignedLong(commandLength))
                .member("command_id", Integer.toUnsignedLong(pdu.commandId().value()))
                .member("command_status", Integer.toUnsignedLong(pdu.commandStatus()))
                .member("sequence_number", Integer.toUnsignedLong(pdu.sequenceNumber()))
                .endObject();
        body(pdu, json);
        json.endObject();
    }

    private void body(Pdu pdu, JsonWriter json) {
        switch (pdu.commandId()) {
            case GENERIC_NACK, UNBIND, UNBIND_RESP, ENQUIRE_LINK, ENQUIRE_LINK_RESP, CANCEL_SM_RESP,
                    REPLACE_SM_RESP, CANCEL_BROADCAST_SM_RESP -> {
                // The header is the whole PDU.
            }
            case BIND_TRANSMITTER, BIND_RECEIVER, BIND_TRANSCEIVER -> bind((BindRequest) pdu, json);
            case BIND_TRANSMITTER_RESP, BIND_RECEIVER_RESP, BIND_TRANSCEIVER_RESP -> {
                BindResponse response = (BindResponse) pdu;
                json.member("system_id", response.systemId());
                tlvs(response.tlvs(), null, json);
            }
            case OUTBIND -> {
                Outbind outbind = (Outbind) pdu;
                json.member("system_id", outbind.systemId());
                json.member("password", PasswordMask.mask(outbind.password()));
            }
            case SUBMIT_SM -> submitSm((SubmitSm) pdu, json);
            case DELIVER_SM -> deliverSm((DeliverSm) pdu, json);
            case SUBMIT_SM_RESP, DELIVER_SM_RESP, DATA_SM_RESP, BROADCAST_SM_RESP, QUERY_BROADCAST_SM_RESP -> {
                MessageIdResponse response = (MessageIdResponse) pdu;
                json.member("message_id", response.messageId());
                tlvs(response.tlvs(), null, json);
            }
            case DATA_SM -> dataSm((DataSm) pdu, json);
            case SUBMIT_MULTI -> submitMulti((SubmitMulti) pdu, json);
            case SUBMIT_MULTI_RESP -> submitMultiResp((SubmitMultiResp) pdu, json);
            case QUERY_SM -> {
                QuerySm query = (QuerySm) pdu;
                json.member("message_id", query.messageId());
                address("source_addr", query.source(), json);
            }
            case QUERY_SM_RESP -> {
                QuerySmResp response = (QuerySmResp) pdu;
                json.member("message_id", response.messageId())
                        .member("final_date", response.finalDate())
                        .member("message_state", response.messageState())
                        .member("error_code", response.errorCode());
            }
            case CANCEL_SM -> {
                CancelSm cancel = (CancelSm) pdu;
                json.member("service_type", cancel.serviceType())
                        .member("message_id", cancel.messageId());
                address("source_addr", cancel.source(), json);
                address("dest_addr", "destination_addr", cancel.destination(), json);
            }
            case REPLACE_SM -> replaceSm((ReplaceSm) pdu, json);
            case ALERT_NOTIFICATION -> {
                AlertNotification alert = (AlertNotification) pdu;
                address("source_addr", alert.source(), json);
                address("esme_addr", alert.esme(), json);
                tlvs(alert.tlvs(), null, json);
            }
            case BROADCAST_SM -> broadcastSm((BroadcastSm) pdu, json);
            case QUERY_BROADCAST_SM -> {
                QueryBroadcastSm query = (QueryBroadcastSm) pdu;
                json.member("message_id", query.messageId());
                address("source_addr", query.source(), json);
                tlvs(query.tlvs(), null, json);
            }
            case CANCEL_BROADCAST_SM -> {
                CancelBroadcastSm cancel = (CancelBroadcastSm) pdu;
                json.member("service_type", cancel.serviceType())
                        .member("message_id", cancel.messageId());
                address("source_addr", cancel.source(), json);
                tlvs(cancel.tlvs(), null, json);
            }
        }
    }

    private static void bind(BindRequest bind, JsonWriter json) {
        json.member("system_id", bind.systemId())
                .member("password", PasswordMask.mask(bind.password()))
                .member("system_type", bind.systemType())
                .member("interface_version", bind.interfaceVersion());
        address("addr", "address_range", bind.addressRange(), json);
    }

    private void submitSm(SubmitSm pdu, JsonWriter json) {
        shortMessageFields(json, pdu.serviceType(), pdu.source(), pdu.destination(), pdu.esmClass(),
                pdu.protocolId(), pdu.priorityFlag(), pdu.scheduleDeliveryTime(), pdu.validityPeriod(),
                pdu.registeredDelivery(), pdu.replaceIfPresentFlag());
        message(json, pdu.esmClass(), pdu.dataCoding(), pdu.smDefaultMsgId(), pdu.shortMessage());
        tlvs(pdu.tlvs(), new TextContext(pdu.esmClass(), pdu.dataCoding()), json);
    }

    private void deliverSm(DeliverSm pdu, JsonWriter json) {
        shortMessageFields(json, pdu.serviceType(), pdu.source(), pdu.destination(), pdu.esmClass(),
                pdu.protocolId(), pdu.priorityFlag(), pdu.scheduleDeliveryTime(), pdu.validityPeriod(),
                pdu.registeredDelivery(), pdu.replaceIfPresentFlag());
        message(json, pdu.esmClass(), pdu.dataCoding(), pdu.smDefaultMsgId(), pdu.shortMessage());
        tlvs(pdu.tlvs(), new TextContext(pdu.esmClass(), pdu.dataCoding()), json);
    }

    private static void shortMessageFields(JsonWriter json, String serviceType, Address source, Address destination,
                                           int esmClass, int protocolId, int priorityFlag, String schedule,
                                           String validity, int registeredDelivery, int replaceIfPresent) {
        json.member("service_type", serviceType);
        address("source_addr", source, json);
        address("dest_addr", "destination_addr", destination, json);
        json.member("esm_class", esmClass)
                .member("protocol_id", protocolId)
                .member("priority_flag", priorityFlag)
                .member("schedule_delivery_time", schedule)
                .member("validity_period", validity)
                .member("registered_delivery", registeredDelivery);
        flag("replace_if_present_flag", replaceIfPresent, json);
    }

    private void dataSm(DataSm pdu, JsonWriter json) {
        json.member("service_type", pdu.serviceType());
        address("source_addr", pdu.source(), json);
        address("dest_addr", "destination_addr", pdu.destination(), json);
        json.member("esm_class", pdu.esmClass())
                .member("registered_delivery", pdu.registeredDelivery())
                .member("data_coding", pdu.dataCoding());
        tlvs(pdu.tlvs(), new TextContext(pdu.esmClass(), pdu.dataCoding()), json);
    }

    private void submitMulti(SubmitMulti pdu, JsonWriter json) {
        json.member("service_type", pdu.serviceType());
        address("source_addr", pdu.source(), json);
        json.member("number_of_dests", pdu.destinations().size());
        json.name("dest_address").beginArray();
        for (DestinationAddress destination : pdu.destinations()) {
            json.beginObject();
            if (destination instanceof DestinationAddress.Sme sme) {
                json.member("dest_flag", DestinationAddress.SME_ADDRESS);
                address("dest_addr", "destination_addr", sme.address(), json);
            } else if (destination instanceof DestinationAddress.DistributionList list) {
                json.member("dest_flag", DestinationAddress.DISTRIBUTION_LIST);
                json.member("dl_name", list.name());
            }
            json.endObject();
        }
        json.endArray();
        json.member("esm_class", pdu.esmClass())
                .member("protocol_id", pdu.protocolId())
                .member("priority_flag", pdu.priorityFlag())
                .member("schedule_delivery_time", pdu.scheduleDeliveryTime())
                .member("validity_period", pdu.validityPeriod())
                .member("registered_delivery", pdu.registeredDelivery());
        flag("replace_if_present_flag", pdu.replaceIfPresentFlag(), json);
        message(json, pdu.esmClass(), pdu.dataCoding(), pdu.smDefaultMsgId(), pdu.shortMessage());
        tlvs(pdu.tlvs(), new TextContext(pdu.esmClass(), pdu.dataCoding()), json);
    }

    private void submitMultiResp(SubmitMultiResp pdu, JsonWriter json) {
        json.member("message_id", pdu.messageId())
                .member("no_unsuccess", pdu.unsuccessful().size());
        json.name("unsuccess_sme").beginArray();
        for (UnsuccessfulSme sme : pdu.unsuccessful()) {
            json.beginObject();
            address("dest_addr", "destination_addr", sme.address(), json);
            json.member("error_status_code", Integer.toUnsignedLong(sme.errorStatusCode()));
            json.endObject();
        }
        json.endArray();
        tlvs(pdu.tlvs(), null, json);
    }

    private void replaceSm(ReplaceSm pdu, JsonWriter json) {
        json.member("message_id", pdu.messageId());
        address("source_addr", pdu.source(), json);
        json.member("schedule_delivery_time", pdu.scheduleDeliveryTime())
                .member("validity_period", pdu.validityPeriod())
                .member("registered_delivery", pdu.registeredDelivery());
        json.name("message").beginObject()
                .member("sm_default_msg_id", pdu.smDefaultMsgId())
                .member("short_message", pdu.shortMessage().toHex())
                .endObject();
        tlvs(pdu.tlvs(), null, json);
    }

    private void broadcastSm(BroadcastSm pdu, JsonWriter json) {
        json.member("service_type", pdu.serviceType());
        address("source_addr", pdu.source(), json);
        json.member("message_id", pdu.messageId())
                .member("priority_flag", pdu.priorityFlag())
                .member("schedule_delivery_time", pdu.scheduleDeliveryTime())
                .member("validity_period", pdu.validityPeriod());
        flag("replace_if_present_flag", pdu.replaceIfPresentFlag(), json);
        json.member("data_coding", pdu.dataCoding())
                .member("sm_default_msg_id", pdu.smDefaultMsgId());
        // broadcast_sm has no esm_class: its message_payload carries no UDHI flag.
        tlvs(pdu.tlvs(), new TextContext(0, pdu.dataCoding()), json);
    }

    /** ton, npi and address under the spec's names: {@code source_addr_ton}, {@code source_addr_npi}, {@code source_addr}. */
    private static void address(String name, Address address, JsonWriter json) {
        address(name, name, address, json);
    }

    /** For the fields whose prefix differs from the address's name, as dest_addr_ton and destination_addr. */
    private static void address(String prefix, String name, Address address, JsonWriter json) {
        json.member(prefix + "_ton", address.ton())
                .member(prefix + "_npi", address.npi())
                .member(name, address.address());
    }

    private static void flag(String name, int value, JsonWriter json) {
        if (value == 0 || value == 1) {
            json.member(name, value == 1);
        } else {
            json.member(name, value);
        }
    }

    private void message(JsonWriter json, int esmClass, int dataCoding, int smDefaultMsgId, Octets shortMessage) {
        json.name("message").beginObject()
                .member("data_coding", dataCoding)
                .member("sm_default_msg_id", smDefaultMsgId);
        byte[] octets = shortMessage.toByteArray();
        DecodedMessage decoded;
        try {
            decoded = InboundMessageDecoder.decode(octets, EsmClass.hasUdh(esmClass), dataCoding,
                    smscDefaultIsGsm7, Gsm7Packing.UNPACKED);
        } catch (MalformedUserDataHeaderException e) {
            // The flag promises a header the octets do not hold: show them as they came.
            json.member("short_message", shortMessage.toHex()).endObject();
            return;
        }
        int textStart = 0;
        if (decoded.header().isPresent()) {
            textStart = decoded.header().get().length();
            json.member("udh", shortMessage.slice(0, textStart).toHex());
        }
        String text = decoded.scheme().alphabet() == Alphabet.OCTETS
                ? shortMessage.slice(textStart, octets.length).toHex()
                : decoded.text();
        json.member("short_message", text).endObject();
    }

    /** What a message_payload TLV needs to be read as text. */
    private record TextContext(int esmClass, int dataCoding) {
    }

    private void tlvs(Tlvs tlvs, TextContext text, JsonWriter json) {
        for (Tlv tlv : tlvs.list()) {
            TlvTag tag = tlv.standardTag();
            if (tag == null) {
                json.member(String.format("0x%04X", tlv.tag()), tlv.value().toHex());
            } else if (!tlv.hasValidLength()) {
                json.member(tag.wireName(), tlv.value().toHex());
            } else if (tag == TlvTag.MESSAGE_PAYLOAD) {
                json.member(tag.wireName(), payload(tlv.value(), text));
            } else if (tag.type().isInteger()) {
                json.member(tag.wireName(), tlv.intValue());
            } else if (tag.type() == TlvType.CSTRING) {
                json.member(tag.wireName(), tlv.stringValue());
            } else {
                json.member(tag.wireName(), tlv.value().toHex());
            }
        }
    }

    private String payload(Octets value, TextContext text) {
        if (text == null || EsmClass.hasUdh(text.esmClass())) {
            return value.toHex();
        }
        DecodedMessage decoded = InboundMessageDecoder.decode(value.toByteArray(), false, text.dataCoding(),
                smscDefaultIsGsm7, Gsm7Packing.UNPACKED);
        return decoded.scheme().alphabet() == Alphabet.OCTETS ? value.toHex() : decoded.text();
    }
}
