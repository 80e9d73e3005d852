package io.smppgateway.smpp.codec.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.smppgateway.smpp.codec.InvalidPduException;
import io.smppgateway.smpp.codec.PduDecoder;
import io.smppgateway.smpp.codec.PduEncoder;
import io.smppgateway.smpp.codec.PduException;
import io.smppgateway.smpp.codec.PduFramingException;
import io.smppgateway.smpp.codec.SamplePdus;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.Pdu;
import io.smppgateway.smpp.pdu.PduResponse;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Feeds {@link PduDecoder} random PDUs and damaged valid ones ({@link WireMutation}) and checks,
 * for every case, that the decoder
 * <ul>
 *   <li>fails only with {@link InvalidPduException} or {@link PduFramingException}, each carrying
 *       a standard non-zero status (and, for an invalid PDU, the header it read);</li>
 *   <li>moves past exactly command_length octets whenever the stream can go on, so a channel
 *       decoder built on it always makes progress and cannot spin;</li>
 *   <li>never allocates by the peer's say: a decode allocates at most a small multiple of the
 *       octets it was handed, whatever command_length (up to 0x7FFFFFFF), sm_length or TLV length
 *       claims, against a maximum PDU length of {@value #MAX_PDU_LENGTH};</li>
 *   <li>returns only values that encode to octets which decode to the same value and re-encode
 *       to the same octets.</li>
 * </ul>
 *
 * <p>The default run is {@value #DEFAULT_CASES} cases with a fixed seed. A longer run, or another
 * seed (each case is reproducible from the seed and its index, both printed on failure):
 * <pre>
 * mvn -B -o -pl smpp-core test -Dtest=PduDecoderFuzzTest -Dfuzz.cases=1000000 [-Dfuzz.seed=42]
 * </pre>
 */
class PduDecoderFuzzTest {

    static final int MAX_PDU_LENGTH = 4096;
    static final int DEFAULT_CASES = 200_000;
    static final long DEFAULT_SEED = 0x5EED_5A1L;

    /**
     * What one decode may allocate: the copy of each field it keeps, the objects around them and
     * an exception's message come to a few times the input; claiming a length is not a reason.
     */
    private static final int ALLOCATION_PER_OCTET = 16;
    private static final int ALLOCATION_OVERHEAD = 16 * 1024;

    private static final HexFormat HEX = HexFormat.of();
    private static final CommandId[] IDS = CommandId.values();
    private static final WireMutation[] MUTATIONS = WireMutation.values();

    private final PduDecoder decoder = new PduDecoder(MAX_PDU_LENGTH);
    /** Re-decodes what we encode: re-encoding may add a byte or two (an absent message_id's NUL). */
    private final PduDecoder reDecoder = new PduDecoder();
    private final PduEncoder encoder = PduEncoder.WITH_TLVS;
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final List<byte[]> samples = SamplePdus.all().values().stream().map(encoder::toBytes).toList();
    private final Map<WireMutation, int[]> outcomes = new EnumMap<>(WireMutation.class);
    private long largestAllocation;
    private int largestAllocationInput;

    @Test
    void decoderSurvivesRandomAndDamagedPdus() {
        int cases = Integer.getInteger("fuzz.cases", DEFAULT_CASES);
        long seed = Long.getLong("fuzz.seed", DEFAULT_SEED);
        assertTrue(threads.isThreadAllocatedMemorySupported(),
                "this JVM cannot count a thread's allocations, which the allocation check needs");
        for (WireMutation mutation : MUTATIONS) {
            outcomes.put(mutation, new int[3]);
        }
        long started = System.nanoTime();
        // A guard against a decoder that loops forever, not a speed check: ~100x what a case takes.
        Duration hangGuard = Duration.ofSeconds(120 + cases / 2_000);
        assertTimeoutPreemptively(hangGuard, () -> {
            threads.setThreadAllocatedMemoryEnabled(true);
            for (int i = 0; i < cases; i++) {
                runCase(seed, i);
            }
        }, () -> "a decode did not return; seed 0x" + Long.toHexString(seed));
        long millis = (System.nanoTime() - started) / 1_000_000;

        int[] total = new int[3];
        StringBuilder table = new StringBuilder();
        for (Map.Entry<WireMutation, int[]> entry : outcomes.entrySet()) {
            int[] counts = entry.getValue();
            table.append(String.format("%n  %-18s decoded %8d  invalid %8d  framing %8d", entry.getKey(), counts[0],
                    counts[1], counts[2]));
            for (int k = 0; k < 3; k++) {
                total[k] += counts[k];
            }
        }
        System.out.printf("fuzz: %d cases, seed 0x%X, %d ms: decoded %d, InvalidPduException %d, PduFramingException %d;"
                        + " largest decode allocation %d bytes for %d octets%s%n",
                cases, seed, millis, total[0], total[1], total[2], largestAllocation, largestAllocationInput, table);
        assertEquals(cases, total[0] + total[1] + total[2]);
        if (cases >= 10_000) {
            // The mix must reach all three outcomes, or the fuzzer has gone blind.
            assertTrue(total[0] > cases / 20 && total[1] > cases / 20 && total[2] > cases / 50, table::toString);
        }
    }

    private void runCase(long seed, int index) {
        SplittableRandom r = new SplittableRandom(seed ^ (index * 0x9E3779B97F4A7C15L));
        byte[] valid = r.nextInt(4) == 0 ? samples.get(r.nextInt(samples.size())) : randomValid(r);
        WireMutation mutation = MUTATIONS[r.nextInt(MUTATIONS.length)];
        byte[] other = mutation != WireMutation.SPLICE ? null
                : r.nextBoolean() ? samples.get(r.nextInt(samples.size())) : randomValid(r);
        byte[] wire = mutation.apply(valid, other, r);
        try {
            outcomes.get(mutation)[check(wire)]++;
        } catch (AssertionError e) {
            throw new AssertionError(String.format("case %d (seed 0x%X, -Dfuzz.seed=%d), %s of %s:%n  wire %s%n  %s",
                    index, seed, seed, mutation, HEX.formatHex(valid), HEX.formatHex(wire), e.getMessage()), e);
        }
    }

    private byte[] randomValid(SplittableRandom r) {
        Pdu pdu = RandomPdus.of(IDS[r.nextInt(IDS.length)], r);
        byte[] wire = encoder.toBytes(pdu);
        if (wire.length <= MAX_PDU_LENGTH) {
            assertEquals(pdu, decoder.decode(wire), "a random valid PDU did not round-trip");
        }
        return wire;
    }

    /** Decodes {@code wire} once and checks every property; returns 0 decoded, 1 invalid, 2 framing. */
    private int check(byte[] wire) {
        ByteBuf in = Unpooled.wrappedBuffer(wire);
        Outcome outcome = decodeCountingAllocation(in);
        if (outcome.allocated > allowedAllocation(wire)) {
            // The first pass through a code path may load classes; only a repeat counts.
            outcome = decodeCountingAllocation(Unpooled.wrappedBuffer(wire));
            assertTrue(outcome.allocated <= allowedAllocation(wire),
                    "decoding " + wire.length + " octets allocated " + outcome.allocated + " bytes");
        }
        if (outcome.allocated > largestAllocation) {
            largestAllocation = outcome.allocated;
            largestAllocationInput = wire.length;
        }
        if (outcome.unexpected != null) {
            throw new AssertionError("decoder threw " + outcome.unexpected, outcome.unexpected);
        }
        if (outcome.error instanceof PduFramingException framing) {
            assertEquals(CommandStatus.ESME_RINVCMDLEN.value(), framing.commandStatus());
            return 2;
        }
        int commandLength = WireMutation.readInt(wire, 0);
        assertEquals(commandLength, in.readerIndex(), "the decoder must move past exactly command_length octets");
        if (outcome.error instanceof InvalidPduException invalid) {
            assertNotNull(invalid.header());
            assertEquals(WireMutation.readInt(wire, 12), invalid.header().sequenceNumber());
            assertTrue(invalid.commandStatus() != 0 && CommandStatus.of(invalid.commandStatus()) != null,
                    "status " + invalid.commandStatus());
            return 1;
        }
        assertDecodedValueIsConsistent(outcome.pdu, wire);
        return 0;
    }

    private void assertDecodedValueIsConsistent(Pdu pdu, byte[] wire) {
        assertEquals(WireMutation.readInt(wire, 4), pdu.commandId().value());
        assertEquals(WireMutation.readInt(wire, 12), pdu.sequenceNumber());
        if (pdu instanceof PduResponse) {
            assertEquals(WireMutation.readInt(wire, 8), pdu.commandStatus());
        }
        byte[] encoded = encoder.toBytes(pdu);
        assertEquals(encoded.length, encoder.encodedLength(pdu));
        Pdu again = reDecoder.decode(encoded);
        assertEquals(pdu, again, "the decoded value does not survive encode and decode");
        assertArrayEquals(encoded, encoder.toBytes(again), "re-encoding is not a fixed point");
    }

    private static long allowedAllocation(byte[] wire) {
        return (long) ALLOCATION_PER_OCTET * wire.length + ALLOCATION_OVERHEAD;
    }

    private Outcome decodeCountingAllocation(ByteBuf in) {
        Pdu pdu = null;
        PduException error = null;
        Throwable unexpected = null;
        long before = threads.getCurrentThreadAllocatedBytes();
        try {
            pdu = decoder.decode(in);
        } catch (PduException e) {
            error = e;
        } catch (Throwable e) {
            unexpected = e;
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        return new Outcome(pdu, error, unexpected, allocated);
    }

    private record Outcome(Pdu pdu, PduException error, Throwable unexpected, long allocated) {
    }
}
