package io.smppgateway.smpp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Splits many random texts (seeded, so a failure repeats) and joins them back the way a receiver
 * does: by decoding each segment's short_message, header and all, with {@link InboundMessageDecoder}.
 */
class SplitJoinPropertyTest {
    private static final String GSM_BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    private static final String GSM_EXTENSION = "\f^{}\\[~]|€";
    private static final String[] OTHER = {"ç", "Ж", "ש", "漢", "😀", "🇮🇹", "👍🏽", "\u0301", "ß"};

    @Test
    void splitThenJoinReturnsTheOriginalText() {
        Random random = new Random(20240726L);
        int multipart = 0;
        for (int round = 0; round < 2000; round++) {
            String text = randomText(random);
            boolean gsm7 = random.nextBoolean();
            ConcatenationMethod method = ConcatenationMethod.values()[random.nextInt(3)];
            Gsm7Packing packing = random.nextBoolean() ? Gsm7Packing.PACKED : Gsm7Packing.UNPACKED;
            int reference = random.nextInt(method.maxReference() + 1);

            EncodingChoice choice = EncodingChooser.choose(text, gsm7, method);
            SplitMessage message = MessageSplitter.split(text, choice, reference, packing);
            String context = "round " + round + ": " + choice + ", " + packing;

            assertEquals(choice.segments(), message.totalParts(), context);
            if (message.totalParts() > 1) {
                multipart++;
            }
            StringBuilder joined = new StringBuilder();
            for (Segment segment : message.segments()) {
                assertFalse(segment.udhi() && segment.sarTlvs(), context);
                DecodedMessage decoded = InboundMessageDecoder.decode(segment.shortMessage(), segment.udhi(),
                        message.dataCoding().value(), gsm7, packing);
                assertEquals(segment.text(), decodedText(decoded, segment, packing), context);
                if (segment.udhi()) {
                    assertEquals(segment.part(), decoded.concatenation().orElseThrow(), context);
                }
                assertTrue(choice.alphabet().units(segment.text()) <= choice.segmentCapacity(), context);
                joined.append(segment.text());
            }
            assertEquals(text, joined.toString(), context);
        }
        assertTrue(multipart > 500, "too few multipart texts to mean anything: " + multipart);
    }

    /**
     * The decoded text; for packed GSM7 with 7 spare bits at the end the septet count is not on the
     * wire (see {@link SeptetPacker}), and a text ending with '@' or CR there reads one septet short,
     * so that case is checked with the count a TP-UDL would carry.
     */
    private static String decodedText(DecodedMessage decoded, Segment segment, Gsm7Packing packing) {
        if (packing != Gsm7Packing.PACKED || decoded.scheme().alphabet() != Alphabet.GSM7
                || decoded.text().equals(segment.text())) {
            return decoded.text();
        }
        byte[] octets = segment.shortMessage();
        int start = decoded.header().map(UserDataHeader::length).orElse(0);
        int septets = Gsm7Alphabet.septetCount(segment.text());
        return Gsm7Alphabet.decode(SeptetPacker.unpack(octets, start, octets.length - start,
                SeptetPacker.fillBitsAfter(start), septets));
    }

    private static String randomText(Random random) {
        int length = switch (random.nextInt(4)) {
            case 0 -> random.nextInt(20);
            case 1 -> 60 + random.nextInt(110);
            case 2 -> 130 + random.nextInt(400);
            default -> 1000 + random.nextInt(3000);
        };
        int otherChance = random.nextInt(3) == 0 ? 0 : random.nextInt(40);
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            int roll = random.nextInt(100);
            if (roll < otherChance) {
                text.append(OTHER[random.nextInt(OTHER.length)]);
            } else if (roll < otherChance + 10) {
                text.append(GSM_EXTENSION.charAt(random.nextInt(GSM_EXTENSION.length())));
            } else {
                text.append(GSM_BASIC.charAt(random.nextInt(GSM_BASIC.length())));
            }
        }
        return text.toString();
    }
}
