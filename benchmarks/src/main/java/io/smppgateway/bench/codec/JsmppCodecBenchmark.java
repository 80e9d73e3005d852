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

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.jsmpp.PDUStringException;
import org.jsmpp.bean.Command;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.OptionalParameters;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.util.DefaultComposer;
import org.jsmpp.util.DefaultDecomposer;
import org.jsmpp.util.PDUComposer;
import org.jsmpp.util.PDUDecomposer;
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
 * jsmpp 3.0.1's own codec, the one its sessions use: {@link DefaultComposer} turns fields into a
 * new {@code byte[]} (its API has no way to write into a caller's buffer), and
 * {@link DefaultDecomposer} reads a PDU from the {@code byte[]} its reader thread has filled.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class JsmppCodecBenchmark {

    private final PDUComposer composer = new DefaultComposer();
    private final PDUDecomposer decomposer = new DefaultDecomposer();

    private OptionalParameter[] receiptTlvs;

    private byte[] submitSmIn;
    private byte[] deliverSmIn;
    private byte[] enquireLinkIn;

    @Setup
    public void setUp() throws PDUStringException {
        receiptTlvs = new OptionalParameter[] {
            new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), RECEIPTED_MESSAGE_ID),
            new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, (byte) MESSAGE_STATE_DELIVERED),
        };
        submitSmIn = CodecSamples.submitSmWire();
        deliverSmIn = CodecSamples.deliverSmWire();
        enquireLinkIn = CodecSamples.enquireLinkWire();

        CodecSamples.requireSameOctets("submit_sm", submitSmIn, encodeSubmitSm());
        CodecSamples.requireSameOctets("deliver_sm", deliverSmIn, encodeDeliverSm());
        CodecSamples.requireSameOctets("enquire_link", enquireLinkIn, encodeEnquireLink());

        SubmitSm submit = decodeSubmitSm();
        CodecSamples.requireEqual("submit_sm destination", RECEIVER, submit.getDestAddress());
        CodecSamples.requireEqual("submit_sm registered_delivery", (byte) REGISTERED_DELIVERY, submit.getRegisteredDelivery());
        CodecSamples.requireEqual("submit_sm short_message", true, Arrays.equals(TEXT, submit.getShortMessage()));
        DeliverSm receipt = decodeDeliverSm();
        CodecSamples.requireEqual("deliver_sm short_message", true, Arrays.equals(RECEIPT_TEXT, receipt.getShortMessage()));
        CodecSamples.requireEqual("deliver_sm TLVs", 2, receipt.getOptionalParameters().length);
        CodecSamples.requireEqual("enquire_link sequence_number", SEQUENCE_NUMBER, decodeEnquireLink().getSequenceNumber());
    }

    @Benchmark
    public byte[] encodeSubmitSm() throws PDUStringException {
        return composer.submitSm(SEQUENCE_NUMBER, "", (byte) SENDER_TON, (byte) SENDER_NPI, SENDER,
                (byte) RECEIVER_TON, (byte) RECEIVER_NPI, RECEIVER, (byte) 0, (byte) 0, (byte) 0, null, null,
                (byte) REGISTERED_DELIVERY, (byte) 0, (byte) 0, (byte) 0, TEXT,
                OptionalParameters.EMPTY_OPTIONAL_PARAMETERS);
    }

    @Benchmark
    public SubmitSm decodeSubmitSm() throws PDUStringException {
        return decomposer.submitSm(submitSmIn);
    }

    @Benchmark
    public byte[] encodeDeliverSm() throws PDUStringException {
        return composer.deliverSm(SEQUENCE_NUMBER, "", (byte) RECEIVER_TON, (byte) RECEIVER_NPI, RECEIVER,
                (byte) SENDER_TON, (byte) SENDER_NPI, SENDER, (byte) ESM_CLASS_RECEIPT, (byte) 0, (byte) 0,
                (byte) 0, (byte) 0, RECEIPT_TEXT, receiptTlvs);
    }

    @Benchmark
    public DeliverSm decodeDeliverSm() throws PDUStringException {
        return decomposer.deliverSm(deliverSmIn);
    }

    @Benchmark
    public byte[] encodeEnquireLink() {
        return composer.enquireLink(SEQUENCE_NUMBER);
    }

    @Benchmark
    public Command decodeEnquireLink() {
        return decomposer.enquireLink(enquireLinkIn);
    }
}
