package io.smppgateway.runner.tools.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Counting the gateway's answers from their command_length, whatever pieces they come in. */
class AnswerFramesTest {

    // generic_nack (16 octets) then submit_sm_resp with message_id "m1" (19 octets)
    private static final byte[] TWO_ANSWERS = HexFormat.of().parseHex(
            "00000010" + "80000000" + "00000003" + "00000007"
            + "00000013" + "80000004" + "00000000" + "00000008" + "6d3100");

    @Test
    void answersInOneReadAreCountedWhole() {
        AnswerFrames frames = new AnswerFrames();

        frames.consume(ByteBuffer.wrap(TWO_ANSWERS));

        assertEquals(2, frames.count());
    }

    @Test
    void anAnswerSplitAnywhereIsCountedOnceItsLastOctetCame() {
        for (int cut = 1; cut < TWO_ANSWERS.length; cut++) {
            AnswerFrames frames = new AnswerFrames();
            frames.consume(ByteBuffer.wrap(TWO_ANSWERS, 0, cut));
            assertEquals(cut >= 16 ? 1 : 0, frames.count(), "cut at " + cut);
            frames.consume(ByteBuffer.wrap(TWO_ANSWERS, cut, TWO_ANSWERS.length - cut));
            assertEquals(2, frames.count(), "cut at " + cut);
        }
    }

    @Test
    void octetByOctetIsTheSame() {
        AnswerFrames frames = new AnswerFrames();
        for (byte octet : TWO_ANSWERS) {
            frames.consume(ByteBuffer.wrap(new byte[] {octet}));
        }
        assertEquals(2, frames.count());
    }
}
