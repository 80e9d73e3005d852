package io.smppgateway.smpp.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayFilesTest {

    private static final Path SERVER = Path.of("/var/log/smpp/server");
    private static final Path CLIENT = Path.of("/var/log/smpp/client");
    private static final LocalDate DAY = LocalDate.of(2024, 8, 25);

    private final List<String> built = new ArrayList<>();
    private final DayFiles files = new DayFiles((root, day, peer) -> {
        built.add(root.getFileName() + " " + day + " " + peer);
        return LogFileLayout.file(root, day, peer);
    });

    @Test
    void buildsEachPeersFileOnceADayAndGivesTheLayoutsPath() {
        Path first = files.file(SERVER, DAY, "1234");

        assertEquals(LogFileLayout.file(SERVER, DAY, "1234"), first);
        assertSame(first, files.file(SERVER, DAY, "1234"));
        assertEquals(LogFileLayout.file(SERVER, DAY, "5678"), files.file(SERVER, DAY, "5678"));
        assertEquals(LogFileLayout.file(CLIENT, DAY, "1234"), files.file(CLIENT, DAY, "1234"));
        assertEquals(List.of("server 2024-08-25 1234", "server 2024-08-25 5678", "client 2024-08-25 1234"), built);
    }

    @Test
    void aNewDayGivesTheNewDaysFilesAndAnEntryOfTheDayBeforeStillItsOwn() {
        files.file(SERVER, DAY, "1234");

        assertEquals(LogFileLayout.file(SERVER, DAY.plusDays(1), "1234"), files.file(SERVER, DAY.plusDays(1), "1234"));
        // an entry queued before midnight and written after it
        assertEquals(LogFileLayout.file(SERVER, DAY, "1234"), files.file(SERVER, DAY, "1234"));
        assertEquals(3, built.size());
    }

    @Test
    void startsOverOnceItHoldsItsMostPeers() {
        for (int i = 0; i < DayFiles.MAX_PEERS; i++) {
            files.file(SERVER, DAY, Integer.toString(i));
        }
        files.file(SERVER, DAY, "0");
        files.file(SERVER, DAY, "0");

        assertEquals(DayFiles.MAX_PEERS + 1, built.size());
    }
}
