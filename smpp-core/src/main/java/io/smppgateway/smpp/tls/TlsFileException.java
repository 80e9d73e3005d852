package io.smppgateway.smpp.tls;

import java.nio.file.Path;

/**
 * A certificate or key file that cannot be used, with what is wrong in words an operator can act on.
 * The message names the file; {@link #reason()} is the same without it, for callers that name the
 * file (or the setting that points to it) themselves.
 */
public final class TlsFileException extends IllegalArgumentException {

    private final transient Path file;
    private final String reason;

    public TlsFileException(Path file, String reason) {
        this(file, reason, null);
    }

    public TlsFileException(Path file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.reason = reason;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** What is wrong with it, without its name. */
    public String reason() {
        return reason;
    }
}
