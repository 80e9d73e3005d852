package io.smppgateway.bench.codec;

import static io.smppgateway.bench.codec.CodecSamples.ESM_CLASS_RECEIPT;
import static io.smppgateway.bench.codec.CodecSamples.MESSAGE_STATE_DELIVERED;
import static io.smppgateway.bench.codec.CodecSamples.RECEIPTED_MESSAGE_ID;
import static io.smppgateway.bench.codec.CodecSamples.RECEIPT_TEXT;
import static io.smppgateway.bench.codec.CodecSamples.RECEIVER;
import static io.smppgateway.bench.codec.CodecSamples.RECEIVER_NPI;
import static io.smppgateway.bench.codec.CodecSamples.RECEIVER_TON;
import static io.smppgateway.bench.codec.CodecSamples.REGISTERED_DELIVERY;
import static io.smppgateway.bench.codec.CodecSamples.SENDER;
import static io.smppgateway.bench.codec.CodecSamples.SENDER_NPI;
import static io.smppgateway.bench.codec.CodecSamples.SENDER_TON;
import static io.smppgateway.bench.codec.CodecSamples.SEQUENCE_NUMBER;
import static io.smppgateway.bench.codec.CodecSamples.TEXT;

import com.cloudhopper.smpp.SmppConstants;
import com.cloudhopper.smpp.pdu.DeliverSm;
import com.cloudhopper.smpp.pdu.EnquireLink;
import com.cloudhopper.smpp.pdu.Pdu;
import com.cloudhopper.smpp.pdu.SubmitSm;
import com.cloudhopper.smpp.tlv.Tlv;
import com.cloudhopper.smpp.transcoder.DefaultPduTranscoder;
import com.cloudhopper.smpp.transcoder.DefaultPduTranscoderContext;
import com.cloudhopper.smpp.transcoder.PduTranscoder;
import com.cloudhopper.smpp.type.Address;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.jboss.netty.buffer.ChannelBuffer;
import org.jboss.netty.buffer.ChannelBuffers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * cloudhopper-smpp 5.0.9's codec as its Netty 3 pipeline uses it: {@link DefaultPduTranscoder}
 * encodes a PDU bean into a new {@link ChannelBuffer} of the PDU's size (its API allocates it) and
 * decodes from a buffer whose reader index is set back to 0.
 *
 * <p>Its encoder computes command_length only when the bean has none yet and then stores it in the
 * bean; a pipeline encodes each PDU once, so every encode here removes the stored length first to
 * pay that cost each time, as a real send does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class CloudhopperCodecBenchmark {

    private final PduTranscoder transcoder = new DefaultPduTranscoder(new DefaultPduTranscoderContext());

    private SubmitSm submitSm;
    private DeliverSm deliverSm;
    private EnquireLink enquireLink;

    private ChannelBuffer submitSmIn;
    private ChannelBuffer deliverSmIn;
    private ChannelBuffer enquireLinkIn;

    @Setup
    public void setUp() throws Exception {
        submitSm = new SubmitSm();
        submitSm.setSequenceNumber(SEQUENCE_NUMBER);
        submitSm.setSourceAddress(new Address((byte) SENDER_TON, (byte) SENDER_NPI, SENDER));
        submitSm.setDestAddress(new Address((byte) RECEIVER_TON, (byte) RECEIVER_NPI, RECEIVER));
        submitSm.setRegisteredDelivery((byte) REGISTERED_DELIVERY);
        submitSm.setShortMessage(TEXT);

        deliverSm = new DeliverSm();
        deliverSm.setSequenceNumber(SEQUENCE_NUMBER);
        deliverSm.setSourceAddress(new Address((byte) RECEIVER_TON, (byte) RECEIVER_NPI, RECEIVER));
        deliverSm.setDestAddress(new Address((byte) SENDER_TON, (byte) SENDER_NPI, SENDER));
        deliverSm.setEsmClass((byte) ESM_CLASS_RECEIPT);
        deliverSm.setShortMessage(RECEIPT_TEXT);
        deliverSm.addOptionalParameter(new Tlv(SmppConstants.TAG_RECEIPTED_MSG_ID, cString(RECEIPTED_MESSAGE_ID)));
        deliverSm.addOptionalParameter(new Tlv(SmppConstants.TAG_MSG_STATE, new byte[] {(byte) MESSAGE_STATE_DELIVERED}));

        enquireLink = new EnquireLink();
        enquireLink.setSequenceNumber(SEQUENCE_NUMBER);

        submitSmIn = ChannelBuffers.wrappedBuffer(CodecSamples.submitSmWire());
        deliverSmIn = ChannelBuffers.wrappedBuffer(CodecSamples.deliverSmWire());
        enquireLinkIn = ChannelBuffers.wrappedBuffer(CodecSamples.enquireLinkWire());

        CodecSamples.requireSameOctets("submit_sm", CodecSamples.submitSmWire(), readable(encodeSubmitSm()));
        CodecSamples.requireSameOctets("deliver_sm", CodecSamples.deliverSmWire(), readable(encodeDeliverSm()));
        CodecSamples.requireSameOctets("enquire_link", CodecSamples.enquireLinkWire(), readable(encodeEnquireLink()));

        SubmitSm submit = (SubmitSm) decodeSubmitSm();
        CodecSamples.requireEqual("submit_sm destination", RECEIVER, submit.getDestAddress().getAddress());
        CodecSamples.requireEqual("submit_sm registered_delivery", (byte) REGISTERED_DELIVERY, submit.getRegisteredDelivery());
        CodecSamples.requireEqual("submit_sm short_message", true, Arrays.equals(TEXT, submit.getShortMessage()));
        DeliverSm receipt = (DeliverSm) decodeDeliverSm();
        CodecSamples.requireEqual("deliver_sm short_message", true, Arrays.equals(RECEIPT_TEXT, receipt.getShortMessage()));
        CodecSamples.requireEqual("deliver_sm TLVs", 2, receipt.getOptionalParameterCount());
        CodecSamples.requireEqual("enquire_link sequence_number", SEQUENCE_NUMBER, decodeEnquireLink().getSequenceNumber());
    }

    private static byte[] cString(String text) {
        byte[] latin = text.getBytes(StandardCharsets.ISO_8859_1);
        return Arrays.copyOf(latin, latin.length + 1);
    }

    private static byte[] readable(ChannelBuffer buffer) {
        byte[] bytes = new byte[buffer.readableBytes()];
        buffer.getBytes(buffer.readerIndex(), bytes);
        return bytes;
    }

    @Benchmark
    public ChannelBuffer encodeSubmitSm() throws Exception {
        submitSm.removeCommandLength();
        return transcoder.encode(submitSm);
    }

    @Benchmark
    public Pdu decodeSubmitSm() throws Exception {
        submitSmIn.readerIndex(0);
        return transcoder.decode(submitSmIn);
    }

    @Benchmark
    public ChannelBuffer encodeDeliverSm() throws Exception {
        deliverSm.removeCommandLength();
        return transcoder.encode(deliverSm);
    }

    @Benchmark
    public Pdu decodeDeliverSm() throws Exception {
        deliverSmIn.readerIndex(0);
        return transcoder.decode(deliverSmIn);
    }

    @Benchmark
    public ChannelBuffer encodeEnquireLink() throws Exception {
        enquireLink.removeCommandLength();
        return transcoder.encode(enquireLink);
    }

    @Benchmark
    public Pdu decodeEnquireLink() throws Exception {
        enquireLinkIn.readerIndex(0);
        return transcoder.decode(enquireLinkIn);
    }
}
