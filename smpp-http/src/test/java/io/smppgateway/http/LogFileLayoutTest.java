package io.smppgateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.log.LogFileLayout;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The log layout shared by the log writer and the REST API. */
class LogFileLayoutTest {

    @Test
    void oneFolderPerDayOneFilePerPeer() {
        Path root = Path.of("/var/log/smpp-client");
        assertEquals(Path.of("/var/log/smpp-client/2024-08-25/mysmsc-id-example.log"),
                LogFileLayout.file(root, LocalDate.of(2024, 8, 25), "mysmsc-id-example"));
        assertEquals("2024-08-251234.log", LogFileLayout.fileId(LocalDate.of(2024, 8, 25), LogFileLayout.fileName("1234")));
    }

    @Test
    void charactersOutsideTheSafeSetAreEscapedAsUtf8Hex() {
        assertEquals("my%2Fsmsc.log", LogFileLayout.fileName("my/smsc"));
        assertEquals("..log", LogFileLayout.fileName("."));
        assertEquals("...log", LogFileLayout.fileName(".."));
        assertEquals("a%20b%C3%A9%25.log", LogFileLayout.fileName("a bé%"));
        assertEquals("%5C%3A%00.log", LogFileLayout.fileName("\\:\0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysmsc-id-example", "1234", "my/smsc", "..", ".", "a bé%", "\\:\0", "日本", "an-smsc-id-that-is-rather-long-0123456789-0123456789-0123456789-0123456789-0123456789"})
    void everyPeerNameRoundTrips(String peer) {
        assertEquals(Optional.of(peer), LogFileLayout.peerOf(LogFileLayout.fileName(peer)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.log", "a/b.log", "a%2fb.log", "%41.log", "%2E%2E.log", "x.txt", ".log", "%.log",
            "%4.log", "%C3.log", "a\\b.log", "a b.log", "é.log"})
    void namesNotInCanonicalFormBelongToNoPeer(String fileName) {
        assertEquals(Optional.empty(), LogFileLayout.peerOf(fileName));
    }

    @Test
    void fileIdsStartWithAStrictDate() {
        assertEquals(Optional.of(LocalDate.of(2024, 2, 29)), LogFileLayout.dayOf("2024-02-29x.log"));
        assertEquals(Optional.empty(), LogFileLayout.dayOf("2023-02-29x.log"));
        assertEquals(Optional.empty(), LogFileLayout.dayOf("2024-08-25"));
        assertEquals(Optional.empty(), LogFileLayout.dayOf("24-08-25xxxx.log"));
        assertTrue(LogFileLayout.parseDay("2024-08-25").isPresent());
    }

    @Test
    void aPeerNeedsAName() {
        assertThrows(IllegalArgumentException.class, () -> LogFileLayout.fileName(""));
    }
}
