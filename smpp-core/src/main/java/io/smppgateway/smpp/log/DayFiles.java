package io.smppgateway.smpp.log;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The log files of the day being written, remembered per root and peer: the writer asks for an
 * entry's file with every PDU, and building it (the day's folder name, the peer's escaped file
 * name, two path joins) costs more than looking it up. A new day forgets the previous one's files.
 * Not thread-safe: the PDU log writer's thread owns it.
 */
final class DayFiles {

    /** Peers remembered at most; beyond it the cache starts over (memory stays bounded). */
    static final int MAX_PEERS = 10_000;

    private final LogFiles files;
    private final Map<Path, Map<String, Path>> byRoot = new HashMap<>();
    private LocalDate day;
    private int peers;

    DayFiles(LogFiles files) {
        this.files = files;
    }

    /** What {@link LogFiles#file} gives for these arguments. */
    Path file(Path root, LocalDate entryDay, String peer) {
        if (!entryDay.equals(day) || peers >= MAX_PEERS) {
            byRoot.clear();
            peers = 0;
            day = entryDay;
        }
        Map<String, Path> ofRoot = byRoot.get(root);
        if (ofRoot == null) {
            ofRoot = new HashMap<>();
            byRoot.put(root, ofRoot);
        }
        Path path = ofRoot.get(peer);
        if (path == null) {
            path = files.file(root, entryDay, peer);
            ofRoot.put(peer, path);
            peers++;
        }
        return path;
    }
}
