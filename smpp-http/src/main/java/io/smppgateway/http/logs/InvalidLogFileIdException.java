package io.smppgateway.http.logs;

/** A requested log file id is malformed or points outside the log folder: answered with 400. */
public final class InvalidLogFileIdException extends RuntimeException {

    private final String fileId;

    public InvalidLogFileIdException(String fileId, String reason) {
        super("invalid log file id '" + fileId + "': " + reason);
        this.fileId = fileId;
    }

    public String fileId() {
        return fileId;
    }
}
