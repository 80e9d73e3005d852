package io.smppgateway.runner.logging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whether a file descriptor of this process is systemd's journal. systemd sets {@code JOURNAL_STREAM}
 * to the {@code device:inode} of the stream it connected to the journal; the variable alone is not
 * enough, since it is inherited by whatever a unit starts with its output elsewhere (a script's
 * {@code > file}, a pipe into another program), so the descriptor must be that very stream.
 */
public final class JournalStream {

    static final String VARIABLE = "JOURNAL_STREAM";

    private JournalStream() {
    }

    /** Whether standard output (descriptor 1) is the journal. */
    public static boolean isStandardOutput(Map<String, String> environment) {
        return connects(environment.get(VARIABLE), Path.of("/proc/self/fd/1"));
    }

    /** Whether standard error (descriptor 2) is the journal. */
    public static boolean isStandardError(Map<String, String> environment) {
        return connects(environment.get(VARIABLE), Path.of("/proc/self/fd/2"));
    }

    /**
     * Whether {@code descriptor} (a {@code /proc/self/fd/N} link, or any file) is the stream that
     * {@code journalStream} names. Where the descriptor cannot be looked at (no {@code /proc}), the
     * variable is believed.
     */
    static boolean connects(String journalStream, Path descriptor) {
        if (journalStream == null) {
            return false;
        }
        String[] parts = journalStream.strip().split(":", -1);
        long device;
        long inode;
        try {
            if (parts.length != 2) {
                return false;
            }
            device = Long.parseUnsignedLong(parts[0]);
            inode = Long.parseUnsignedLong(parts[1]);
        } catch (NumberFormatException e) {
            return false;
        }
        try {
            return ((Number) Files.getAttribute(descriptor, "unix:dev")).longValue() == device
                    && ((Number) Files.getAttribute(descriptor, "unix:ino")).longValue() == inode;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
            return true;
        }
    }
}
