package io.smppgateway.bench.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.smppgateway.smpp.codec.PduDecoder;
import io.smppgateway.smpp.codec.PduEncoder;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.EnquireLink;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.SubmitSm;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Our codec as a Netty pipeline uses it: {@link PduEncoder#WITH_TLVS} writes into one pooled buffer
 * that is cleared before each PDU, {@link PduDecoder} reads from a buffer whose reader index is set
 * back to 0. {@code buffer} picks direct memory (what a channel's {@code ioBuffer()} gives) or heap.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@State(Scope.Thread)
public class GatewayCodecBenchmark {

    @Param({"direct", "heap"})
    public String buffer;

    private final PduEncoder encoder = PduEncoder.WITH_TLVS;
    private final PduDecoder decoder = new PduDecoder();

    private SubmitSm submitSm;
    private DeliverSm deliverSm;
    private EnquireLink enquireLink;

    private ByteBuf out;
    private ByteBuf submitSmIn;
    private ByteBuf deliverSmIn;
    private ByteBuf enquireLinkIn;

    @Setup
    public void setUp() {
        submitSm = CodecSamples.submitSm();
        deliverSm = CodecSamples.deliveryReceipt();
        enquireLink = CodecSamples.enquireLink();
        out = allocate(512);
        submitSmIn = filled(CodecSamples.submitSmWire());
        deliverSmIn = filled(CodecSamples.deliverSmWire());
        enquireLinkIn = filled(CodecSamples.enquireLinkWire());

        CodecSamples.requireSameOctets("submit_sm", CodecSamples.submitSmWire(), readable(encodeSubmitSm()));
        CodecSamples.requireSameOctets("deliver_sm", CodecSamples.deliverSmWire(), readable(encodeDeliverSm()));
        CodecSamples.requireSameOctets("enquire_link", CodecSamples.enquireLinkWire(), readable(encodeEnquireLink()));
        CodecSamples.requireEqual("submit_sm", submitSm, decodeSubmitSm());
        CodecSamples.requireEqual("deliver_sm", deliverSm, decodeDeliverSm());
        CodecSamples.requireEqual("enquire_link", enquireLink, decodeEnquireLink());
    }

    @TearDown
    public void tearDown() {
        out.release();
        submitSmIn.release();
        deliverSmIn.release();
        enquireLinkIn.release();
    }

    private ByteBuf allocate(int capacity) {
        return switch (buffer) {
            case "direct" -> PooledByteBufAllocator.DEFAULT.directBuffer(capacity);
            case "heap" -> PooledByteBufAllocator.DEFAULT.heapBuffer(capacity);
            default -> throw new IllegalArgumentException("buffer must be direct or heap, was " + buffer);
        };
    }

    private ByteBuf filled(byte[] wire) {
        return allocate(wire.length).writeBytes(wire);
    }

    private static byte[] readable(ByteBuf buf) {
        byte[] bytes = new byte[buf.readableBytes()];
        buf.getBytes(buf.readerIndex(), bytes);
        return bytes;
    }

    @Benchmark
    public ByteBuf encodeSubmitSm() {
        out.clear();
        encoder.encode(submitSm, out);
        return out;
    }

    @Benchmark
    public Pdu decodeSubmitSm() {
        submitSmIn.readerIndex(0);
        return decoder.decode(submitSmIn);
    }

    @Benchmark
    public ByteBuf encodeDeliverSm() {
        out.clear();
        encoder.encode(deliverSm, out);
        return out;
    }

    @Benchmark
    public Pdu decodeDeliverSm() {
        deliverSmIn.readerIndex(0);
        return decoder.decode(deliverSmIn);
    }

    @Benchmark
    public ByteBuf encodeEnquireLink() {
        out.clear();
        encoder.encode(enquireLink, out);
        return out;
    }

    @Benchmark
    public Pdu decodeEnquireLink() {
        enquireLinkIn.readerIndex(0);
        return decoder.decode(enquireLinkIn);
    }
}
