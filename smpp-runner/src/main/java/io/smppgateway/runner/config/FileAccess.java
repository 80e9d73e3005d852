package io.smppgateway.runner.config;

import io.smppgateway.smpp.log.FileModes;

/**
 * Who may read what the daemon writes beside the PDU logs (those are {@link FileModes#PDU_LOGS}):
 * the data folder holds the embedded database (ESME and SMSC passwords) and the generated
 * credentials, so it is the gateway's user's only ({@code 0700} folders, {@code 0600} files).
 */
public final class FileAccess {

    /** The database and credentials: owner only. */
    public static final FileModes DATA = FileModes.of("rwx------", "rw-------");

    private FileAccess() {
    }
}
