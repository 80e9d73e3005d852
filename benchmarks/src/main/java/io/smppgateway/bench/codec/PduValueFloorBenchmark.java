package io.smppgateway.bench.codec;

import static io.smppgateway.bench.codec.CodecSamples.ESM_CLASS_RECEIPT;
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

import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.EnquireLink;
import io.smppgateway.smpp.pdu.Octets;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.Tlv;
import io.smppgateway.smpp.pdu.TlvTag;
import io.smppgateway.smpp.pdu.Tlvs;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
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
 * The allocation floor of decoding: the PDU values alone, built straight from the sample's octets
 * at known offsets with nothing else (the strings and arrays copied out, the records around them).
 * A decoder that allocates no more than the PDU value shows the same gc.alloc.rate.norm as these.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class PduValueFloorBenchmark {

    private static final int HEADER = 16;
    /** service_type NUL, then the source's ton and npi. */
    private static final int SOURCE_ADDR = HEADER + 1 + 2;
    /** From the end of the destination's NUL: esm_class to sm_default_msg_id, sm_length. */
    private static final int FIXED_BEFORE_MESSAGE = 3 + 2 + 4 + 1;
    private static final int TLV_HEADER = 4;

    private byte[] submitSmIn;
    private byte[] deliverSmIn;

    @Setup
    public void setUp() {
        submitSmIn = CodecSamples.submitSmWire();
        deliverSmIn = CodecSamples.deliverSmWire();
        CodecSamples.requireEqual("submit_sm", CodecSamples.submitSm(), submitSmValue());
        CodecSamples.requireEqual("deliver_sm", CodecSamples.deliveryReceipt(), deliverSmValue());
    }

    private static String latin(byte[] wire, int offset, int length) {
        return new String(wire, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static Octets copy(byte[] wire, int offset, int length) {
        return Octets.wrap(Arrays.copyOfRange(wire, offset, offset + length));
    }

    @Benchmark
    public SubmitSm submitSmValue() {
        byte[] wire = submitSmIn;
        int destination = SOURCE_ADDR + SENDER.length() + 1 + 2;
        int message = destination + RECEIVER.length() + 1 + FIXED_BEFORE_MESSAGE;
        return new SubmitSm(SEQUENCE_NUMBER, "",
                new Address(SENDER_TON, SENDER_NPI, latin(wire, SOURCE_ADDR, SENDER.length())),
                new Address(RECEIVER_TON, RECEIVER_NPI, latin(wire, destination, RECEIVER.length())),
                0, 0, 0, "", "", REGISTERED_DELIVERY, 0, 0, 0, copy(wire, message, TEXT.length), Tlvs.EMPTY);
    }

    @Benchmark
    public DeliverSm deliverSmValue() {
        byte[] wire = deliverSmIn;
        int destination = SOURCE_ADDR + RECEIVER.length() + 1 + 2;
        int message = destination + SENDER.length() + 1 + FIXED_BEFORE_MESSAGE;
        int receiptedId = message + RECEIPT_TEXT.length + TLV_HEADER;
        int receiptedIdLength = RECEIPTED_MESSAGE_ID.length() + 1;
        int messageState = receiptedId + receiptedIdLength + TLV_HEADER;
        return new DeliverSm(SEQUENCE_NUMBER, "",
                new Address(RECEIVER_TON, RECEIVER_NPI, latin(wire, SOURCE_ADDR, RECEIVER.length())),
                new Address(SENDER_TON, SENDER_NPI, latin(wire, destination, SENDER.length())),
                ESM_CLASS_RECEIPT, 0, 0, "", "", 0, 0, 0, 0, copy(wire, message, RECEIPT_TEXT.length),
                Tlvs.of(new Tlv(TlvTag.RECEIPTED_MESSAGE_ID.tag(), copy(wire, receiptedId, receiptedIdLength)),
                        new Tlv(TlvTag.MESSAGE_STATE.tag(), copy(wire, messageState, 1))));
    }

    @Benchmark
    public EnquireLink enquireLinkValue() {
        return new EnquireLink(SEQUENCE_NUMBER);
    }
}
