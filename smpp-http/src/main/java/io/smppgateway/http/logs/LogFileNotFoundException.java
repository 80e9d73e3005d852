package io.smppgateway.http.logs;

/** A well-formed log file id with no file behind it: answered with 404. */
public final class LogFileNotFoundException extends RuntimeException {

    public LogFileNotFoundException(String fileId) {
        super("no log file '" + fileId + "'");
    }
}
