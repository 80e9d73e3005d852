package io.smppgateway.runner.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance id of this daemon's last run, kept in its data folder ({@code instance-id}), so
 * that a run after a crash removes the crashed run's membership at once: otherwise the other
 * instances, and this one, count it as live for 10 more seconds and deal it a share of the SMSC
 * binds that nobody opens.
 */
final class InstanceIdFile {

    private static final Logger log = LoggerFactory.getLogger(InstanceIdFile.class);
    private static final String NAME = "instance-id";

    private final Path file;

    InstanceIdFile(Path dataFolder) {
        this.file = dataFolder.resolve(NAME);
    }

    /** The last run's id, or {@code null} when there is none (or the file holds something else). */
    String previous() {
        try {
            if (!Files.isRegularFile(file)) {
                return null;
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return UUID.fromString(text).toString().equals(text) ? text : null;
        } catch (IOException | IllegalArgumentException e) {
            log.debug("{} not read: {}", file, e.toString());
            return null;
        }
    }

    /** Records this run's id; a failure only costs the next run after a crash its 10 s. */
    void record(String instanceId) {
        try {
            Path written = file.resolveSibling(NAME + ".tmp");
            Files.writeString(written, instanceId + "\n", StandardCharsets.US_ASCII);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("cannot record this instance's id in {} ({}); after a crash the next start shares the SMSC"
                    + " binds with the crashed run for 10 s", file, e.toString());
        }
    }
}
