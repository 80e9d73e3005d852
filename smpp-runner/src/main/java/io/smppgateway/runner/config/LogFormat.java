package io.smppgateway.runner.config;

import java.util.Locale;

/** {@code SMPP_LOG_FORMAT} (ours): how the gateway writes its log lines to standard output. */
public enum LogFormat {
    /** {@link #JOURNALD} when standard output is the journal (systemd's {@code JOURNAL_STREAM}), else {@link #TEXT}. */
    AUTO,
    /** For a person at a console: time, thread, level, logger, message; a stack trace on the lines after. */
    TEXT,
    /** For systemd's journal: a {@code <N>} syslog priority first, the whole event (stack trace too) on one line. */
    JOURNALD,
    /** For log shippers: one JSON object per line. */
    JSON;

    /** The format named (any case), or an {@link IllegalArgumentException} listing the names. */
    public static LogFormat of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not a log format (auto, text, journald or json)");
        }
    }
}
