package io.smppgateway.bridge.flow;

import io.smppgateway.bridge.message.SmsOut;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.EsmClass;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.text.Concatenation;
import io.smppgateway.smpp.text.ConcatenationMethod;
import io.smppgateway.smpp.text.DataCoding;
import io.smppgateway.smpp.text.EncodingChoice;
import io.smppgateway.smpp.text.EncodingChooser;
import io.smppgateway.smpp.text.Gsm7Packing;
import io.smppgateway.smpp.text.MessageSplitter;
import io.smppgateway.smpp.text.MessageTooLongException;
import io.smppgateway.smpp.text.Segment;
import io.smppgateway.smpp.text.UnencodableCharacterException;

/**
 * The submit_sm for one SMS_OUT on one gateway: its text encoded in the data_coding the message
 * names (or the one {@link EncodingChooser} picks for the gateway), checked against the manual's
 * limits (160/140/70 for a message, 153/134/67 for a part the application split), a concatenation
 * UDH with the application's reference for a part, addresses with the gateway's TON/NPI rule, and
 * a receipt requested (registered_delivery 1): the final DLR_IN depends on it.
 *
 * @param part the part the message is (1 of 1 with reference 0 when it is not a part)
 */
record OutboundSubmit(SubmitSm submitSm, int dataCoding, Concatenation part) {

    /** Builds the submit; throws {@link RejectedException} when the message cannot be sent as it is. */
    static OutboundSubmit prepare(SmsOut sms, SmscSettings gateway) {
        Concatenation part = sms.isSegment()
                ? new Concatenation(sms.reference(), sms.totalParts(), sms.partNumber())
                : Concatenation.single();
        EncodingChoice encoding;
        Segment segment;
        try {
            encoding = sms.dataCoding() == null
                    ? EncodingChooser.choose(sms.message(), gateway.gsm7(), ConcatenationMethod.UDH_8_BIT_REFERENCE)
                    : EncodingChooser.forced(sms.message(), DataCoding.of(sms.dataCoding()), gateway.gsm7(),
                            ConcatenationMethod.UDH_8_BIT_REFERENCE);
            if (!part.isMultipart() && !encoding.isSinglePart()) {
                throw new RejectedException(Rejection.of(CommandStatus.ESME_RINVMSGLEN, String.format(
                        "the message takes %d %s; one SMS holds at most %d (send longer texts as parts)",
                        encoding.units(), encoding.alphabet().unitName(), encoding.alphabet().capacity(0))));
            }
            segment = MessageSplitter.encodePart(sms.message(), encoding, part, Gsm7Packing.UNPACKED);
        } catch (UnencodableCharacterException e) {
            throw new RejectedException(Rejection.of(CommandStatus.ESME_RINVDCS, e.getMessage()));
        } catch (MessageTooLongException e) {
            throw new RejectedException(Rejection.of(CommandStatus.ESME_RINVMSGLEN, e.getMessage()));
        }
        Address source = gateway.source(sms.sender());
        if (source.address().length() > 20) {
            throw new RejectedException(Rejection.of(CommandStatus.ESME_RINVSRCADR,
                    "sender '" + sms.sender() + "' is longer than the 20 characters SMPP's source_addr holds"));
        }
        SubmitSm submit = SubmitSm.builder()
                .source(source)
                .destination(gateway.destination(sms.receiver()))
                .esmClass(segment.udhi() ? EsmClass.UDHI : 0)
                .registeredDelivery(1)
                .dataCoding(encoding.dataCoding().value())
                .shortMessage(segment.shortMessage())
                .build();
        return new OutboundSubmit(submit, encoding.dataCoding().value(), part);
    }
}
