package io.smppgateway.runner.config;

import java.util.Locale;

/**
 * A logger's threshold in {@code SMPP_LOG_LEVEL} and {@code SMPP_LOG_LEVELS}: it writes this level
 * and the ones above.
 */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR,
    /** Nothing at all. */
    OFF;

    /** The level named (any case; {@code WARNING} for {@code WARN}), or an {@link IllegalArgumentException}. */
    public static LogLevel of(String name) {
        String upper = name.strip().toUpperCase(Locale.ROOT);
        if (upper.equals("WARNING")) {
            return WARN;
        }
        try {
            return valueOf(upper);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + name + "' is not a log level (TRACE, DEBUG, INFO, WARN, ERROR"
                    + " or OFF)");
        }
    }
}
