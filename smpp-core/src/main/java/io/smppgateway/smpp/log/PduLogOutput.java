package io.smppgateway.smpp.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Where the PDU log writer's bytes go: one stream per log file, opened for appending. The files
 * of {@link #files()} are created {@code 0640} in folders {@code 0750} ({@link FileModes#PDU_LOGS});
 * another output (a disk that fills up, in a test) only changes where the bytes go, not what the
 * writer does with a refusal.
 */
@FunctionalInterface
public interface PduLogOutput {

    /** Opens {@code file} for appending, creating it and its folders when missing. */
    OutputStream openAppending(Path file) throws IOException;

    /** The log files themselves. */
    static PduLogOutput files() {
        return file -> {
            FileModes.PDU_LOGS.createFolders(file.getParent());
            boolean existed = Files.exists(file);
            OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            if (!existed) {
                FileModes.PDU_LOGS.restrictFile(file);
            }
            return out;
        };
    }
}
