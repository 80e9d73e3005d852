package io.smppgateway.smpp.interop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.cloudhopper.smpp.type.UnknownCommandIdException;
import io.smppgateway.smpp.codec.PduDecoder;
import io.smppgateway.smpp.codec.PduEncoder;
import io.smppgateway.smpp.codec.SamplePdus;
import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.Pdu;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-checks our codec against cloudhopper-smpp 5.0.9 (its {@code DefaultPduTranscoder} on
 * Netty 3): what we encode, cloudhopper decodes to the same fields, and what cloudhopper encodes,
 * we decode to the same value and encode back to the same octets. cloudhopper always writes a
 * response's body, even an empty one, so its error responses are canonical octets too.
 *
 * <p>cloudhopper lacks outbind, submit_multi and the 5.0 broadcast PDUs
 * ({@link CloudhopperPdus#UNSUPPORTED}); {@link #cloudhopperRejectsThePduTypesItLacks} shows that
 * they are absent from cloudhopper rather than left out here.
 */
class CloudhopperCodecInteropTest {

    private final PduDecoder decoder = new PduDecoder();
    private final PduEncoder encoder = PduEncoder.WITH_TLVS;

    static List<InteropCases.Case> casesCloudhopperSupports() {
        return InteropCases.all().stream().filter(c -> CloudhopperPdus.supports(c.pdu().commandId())).toList();
    }

    static List<InteropCases.Case> errorResponsesCloudhopperSupports() {
        return InteropCases.errorResponses().stream().filter(c -> CloudhopperPdus.supports(c.pdu().commandId())).toList();
    }

    static List<CommandId> unsupported() {
        return List.copyOf(CloudhopperPdus.UNSUPPORTED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesCloudhopperSupports")
    void cloudhopperDecodesWhatWeEncodeToTheSameFields(InteropCases.Case sample) throws Exception {
        byte[] ours = encoder.toBytes(sample.pdu());

        assertEquals(sample.pdu(), CloudhopperPdus.decode(ours));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("casesCloudhopperSupports")
    void weDecodeWhatCloudhopperEncodesAndEncodeItBackToTheSameOctets(InteropCases.Case sample) throws Exception {
        byte[] theirs = CloudhopperPdus.encode(sample.pdu());

        Pdu decoded = decoder.decode(theirs);

        assertEquals(sample.pdu(), decoded);
        assertArrayEquals(theirs, encoder.toBytes(decoded));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("errorResponsesCloudhopperSupports")
    void errorResponsesWithEmptyBodiesAreTheSameOctetsInBothCodecs(InteropCases.Case error) throws Exception {
        byte[] theirs = CloudhopperPdus.encode(error.pdu());

        assertArrayEquals(theirs, encoder.toBytes(error.pdu()));
        assertEquals(error.pdu(), decoder.decode(theirs));
        assertEquals(error.pdu(), CloudhopperPdus.decode(theirs));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupported")
    void cloudhopperRejectsThePduTypesItLacks(CommandId id) {
        byte[] ours = encoder.toBytes(SamplePdus.all().get(id));

        assertThrows(UnknownCommandIdException.class, () -> CloudhopperPdus.decode(ours));
    }

    @Test
    void everyPduTypeCloudhopperHasIsCheckedInBothDirections() {
        Set<CommandId> covered = casesCloudhopperSupports().stream().map(c -> c.pdu().commandId())
                .collect(Collectors.toSet());
        Set<CommandId> expected = EnumSet.complementOf(EnumSet.copyOf(CloudhopperPdus.UNSUPPORTED));

        assertEquals(expected, covered);
        assertEquals(24, covered.size());
    }
}
