package io.smppgateway.persistence.inbound;

import io.smppgateway.store.inbound.InboundTracking;
import io.smppgateway.store.inbound.IssuedMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smppgateway.persistence.DatabaseTest;
import io.smppgateway.store.DuplicateException;
import io.smppgateway.store.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InboundTrackingTest extends DatabaseTest {

    private final InboundTracking tracking = db().inbound();

    private static IssuedMessage issued(String msgId, String text) {
        return new IssuedMessage(msgId, 1234, 1721980552913L, "Mysender", 5, 0, "390991234567", 1, 1, 1, 8, 1,
                IssuedMessage.textStartOf(text));
    }

    @Test
    void recordedIdIsFoundWithWhatItsReceiptNeeds() {
        String msgId = UUID.randomUUID().toString();
        IssuedMessage message = issued(msgId, "Привет, это тестовое сообщение");

        await(tracking.record(message));

        assertEquals(Optional.of(message), await(tracking.find(msgId)));
        assertEquals("Привет, это тестовое", await(tracking.find(msgId)).orElseThrow().textStart());
    }

    @Test
    void unknownIdIsEmpty() {
        assertEquals(Optional.empty(), await(tracking.find(UUID.randomUUID().toString())));
        assertEquals(Optional.empty(), await(tracking.find("x".repeat(65))));
    }

    @Test
    void reissuedIdIsRefusedAndOnlyThatOneFails() {
        String taken = UUID.randomUUID().toString();
        await(tracking.record(issued(taken, "first")));

        // in one batch with others: only the duplicate fails
        List<String> fresh = IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID().toString()).toList();
        CompletableFuture<Void> duplicate = tracking.record(issued(taken, "second"));
        List<CompletableFuture<Void>> others = fresh.stream().map(id -> tracking.record(issued(id, "x"))).toList();

        DuplicateException error = assertThrows(DuplicateException.class, () -> await(duplicate));
        assertEquals("msg_id", error.field());
        others.forEach(DatabaseTest::await);
        for (String id : fresh) {
            assertEquals(id, await(tracking.find(id)).orElseThrow().msgId());
        }
        assertEquals("first", await(tracking.find(taken)).orElseThrow().textStart());
    }

    @Test
    void textStartCutsAtTwentyCharactersWithoutSplittingASurrogatePair() {
        assertEquals("short", IssuedMessage.textStartOf("short"));
        assertEquals("a".repeat(20), IssuedMessage.textStartOf("a".repeat(30)));
        String emojiAtTheCut = "a".repeat(19) + "\uD83D\uDE00" + "tail";
        assertEquals("a".repeat(19), IssuedMessage.textStartOf(emojiAtTheCut));
    }

    @Test
    void invalidValuesAreRefusedBeforeSql() {
        ValidationException error = assertThrows(ValidationException.class, () -> new IssuedMessage("m".repeat(65), 0,
                -1, "s".repeat(26), 256, 0, "d", 1, 1, 1, 0, 1000, "t".repeat(21)));

        assertEquals(Map.of(
                "msg_id", "max 64 characters (got 65)",
                "client_id", "must be between 1 and 9223372036854775807 (got 0)",
                "submit_time", "must be between 0 and 9223372036854775807 (got -1)",
                "source_addr", "max 25 characters (got 26)",
                "source_ton", "must be between 0 and 255 (got 256)",
                "sub", "must be between 0 and 999 (got 1000)",
                "text_start", "max 20 characters (got 21)"), error.fields());
    }
}
