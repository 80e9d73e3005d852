package io.smppgateway.smpp.receipt;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Seeded random inputs: the reader never throws, and what the writer writes reads back unchanged. */
class DeliveryReceiptRandomTest {

    private static final long SEED = 0x5EED_D1A2L;
    private static final List<String> FRAGMENTS = List.of("id:", "ID:", " sub:", "dlvrd:", " submit date:", "done date:",
            "submitdate:", " stat:", "err:", " text:", "Text:", ":", " ", ",", ";", "|", "\u0000", "\n", "\t", "\u00A0",
            "DELIVRD", "ACKED", "2401020304", "240102030405", "240102030405012+", "0x1F", "000", "-", "_", "id: ",
            "\uD83D\uDE00", "\uD83D", "ß", "İ", "ﬁ");

    @Test
    void parsingArbitraryInputNeverThrows() {
        Random random = new Random(SEED);
        int withId = 0;
        for (int i = 0; i < 50_000; i++) {
            String input = i % 2 == 0 ? randomChars(random) : randomFragments(random);

            Optional<DeliveryReceipt> receipt = assertDoesNotThrow(() -> DeliveryReceipt.parse(input), () -> "input: " + escape(input));

            if (receipt.isPresent()) {
                withId++;
                String id = receipt.get().id();
                assertFalse(id.isEmpty(), () -> escape(input));
                assertDoesNotThrow(receipt.get()::toText, () -> escape(input));
                assertDoesNotThrow(receipt.get()::errorCode, () -> escape(input));
                assertDoesNotThrow(receipt.get()::state, () -> escape(input));
            }
        }
        // The fragments make many inputs that do hold an id: the test exercises both outcomes.
        assertTrue(withId > 1_000, "receipts found: " + withId);
    }

    @Test
    void everyCompleteReceiptWeWriteReadsBackUnchanged() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            FinalStatus status = FinalStatus.values()[random.nextInt(FinalStatus.values().length)];
            DeliveryReceipt written = DeliveryReceipt.of(randomId(random), status, random.nextInt(1000),
                    randomMinute(random), randomMinute(random), randomText(random));

            Optional<DeliveryReceipt> read = DeliveryReceipt.parse(written.toText());

            assertEquals(Optional.of(written), read, () -> escape(written.toText()));
            assertEquals(Optional.of(status), read.get().state().flatMap(FinalStatus::of));
        }
    }

    private static String randomChars(Random random) {
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(200);
        for (int i = 0; i < length; i++) {
            s.append(switch (random.nextInt(4)) {
                case 0 -> (char) random.nextInt(0x80);
                case 1 -> (char) random.nextInt(0x10000);
                case 2 -> ":id ".charAt(random.nextInt(4));
                default -> (char) ('0' + random.nextInt(10));
            });
        }
        return s.toString();
    }

    private static String randomFragments(Random random) {
        StringBuilder s = new StringBuilder();
        int count = random.nextInt(30);
        for (int i = 0; i < count; i++) {
            s.append(random.nextInt(3) == 0 ? String.valueOf((char) random.nextInt(0x10000))
                    : FRAGMENTS.get(random.nextInt(FRAGMENTS.size())));
        }
        return s.toString();
    }

    private static String randomId(Random random) {
        String alphabet = "0123456789abcdefABCDEF-";
        StringBuilder id = new StringBuilder();
        int length = 1 + random.nextInt(64);
        for (int i = 0; i < length; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    /** Message text of any printable characters, colons, spaces and key-like words included. */
    private static String randomText(Random random) {
        String alphabet = "abc XYZ:019 id:stat:err:text:,;|.-_ÄéŞ€";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(30);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static LocalDateTime randomMinute(Random random) {
        return LocalDateTime.of(2000 + random.nextInt(100), 1 + random.nextInt(12), 1 + random.nextInt(28),
                random.nextInt(24), random.nextInt(60));
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.toString();
    }
}
