package io.smppgateway.bridge.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigReadScheduleTest {

    private static final long SECOND = 1_000_000_000L;

    /** Applied: version 7 read at t = 100 s, full reads every 30 s. */
    @ParameterizedTest(name = "version {0} at {1} s: read the tables {2}")
    @CsvSource({
            "7, 101, false",  // nothing changed, the last read is fresh
            "7, 129, false",
            "8, 101, true",   // another instance changed something
            "6, 101, true",   // a database restored from a backup: differs, so read
            "7, 130, true",   // the full read is due (hand-made changes do not move the version)
            "7, 500, true",
    })
    void readsTheTablesWhenTheVersionMovedOrTheFullReadIsDue(long version, long seconds, boolean read) {
        ConfigReadSchedule schedule = new ConfigReadSchedule(Duration.ofSeconds(30));
        schedule.applied(7, 100 * SECOND);

        assertEquals(read, schedule.readTables(version, seconds * SECOND));
    }

    @ParameterizedTest(name = "version {0}")
    @CsvSource({"0", "7"})
    void readsTheTablesBeforeAnythingWasApplied(long version) {
        assertEquals(true, new ConfigReadSchedule(Duration.ofSeconds(30)).readTables(version, 5 * SECOND));
    }
}
