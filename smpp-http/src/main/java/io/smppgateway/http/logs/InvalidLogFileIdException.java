package io.smppgateway.http.logs;

/** A requested log file id is malformed or points outside the log folder: answered with 400. */
public final class InvalidLogFileIdException extends RuntimeException {

    private final String fileId;

    public InvalidLogFileIdException(String fileId, String reason) {
        super("invalid log file id '" + shortened(fileId) + "': " + reason);
        this.fileId = fileId;
    }

    /** Up to 100 characters of an id: the answer need not echo kilobytes back. */
    private static String shortened(String fileId) {
        return fileId.length() <= 100 ? fileId : fileId.substring(0, 100) + "... (" + fileId.length() + " characters)";
    }

    public String fileId() {
        return fileId;
    }
}
