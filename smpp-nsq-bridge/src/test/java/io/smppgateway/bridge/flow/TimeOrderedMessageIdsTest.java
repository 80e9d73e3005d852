package io.smppgateway.bridge.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedMessageIdsTest {

    @Test
    void anIdIsAVersion7UuidStringCarryingTheTimeInItsFirst48Bits() {
        long millis = 1721980552913L;
        String id = new TimeOrderedMessageIds(Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC)).next();

        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
        UUID uuid = UUID.fromString(id);
        assertEquals(7, uuid.version());
        assertEquals(2, uuid.variant());
        assertEquals(millis, uuid.getMostSignificantBits() >>> 16);
    }

    @Test
    void idsMadeLaterSortLaterAsStrings() {
        String earlier = new TimeOrderedMessageIds(Clock.fixed(Instant.ofEpochMilli(1_000_000), ZoneOffset.UTC)).next();
        String later = new TimeOrderedMessageIds(Clock.fixed(Instant.ofEpochMilli(1_000_001), ZoneOffset.UTC)).next();

        assertTrue(earlier.compareTo(later) < 0, earlier + " before " + later);
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        TimeOrderedMessageIds ids = new TimeOrderedMessageIds(Clock.fixed(Instant.ofEpochMilli(5), ZoneOffset.UTC));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            assertTrue(seen.add(ids.next()));
        }
    }
}
