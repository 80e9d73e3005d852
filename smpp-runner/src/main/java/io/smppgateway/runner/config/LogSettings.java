package io.smppgateway.runner.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the gateway logs (ours): {@code SMPP_LOG_FORMAT}, {@code SMPP_LOG_LEVEL} and {@code SMPP_LOG_LEVELS}.
 *
 * @param format       the line format; {@link LogFormat#AUTO} is decided when logging is set up
 * @param rootLevel    the threshold of every logger not named in {@code loggerLevels}
 * @param loggerLevels thresholds by logger name, in the order given; a name covers the loggers below it
 *                     ({@code io.smppgateway.bridge} covers {@code io.smppgateway.bridge.engine.GatewayEngine})
 */
public record LogSettings(LogFormat format, LogLevel rootLevel, Map<String, LogLevel> loggerLevels) {

    /** A logger name: Java identifiers joined by dots (the gateway's own loggers include {@code smpp}). */
    private static final Pattern LOGGER_NAME =
            Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    public LogSettings {
        loggerLevels = Collections.unmodifiableMap(new LinkedHashMap<>(loggerLevels));
    }

    /** Automatic format, INFO, no logger of its own. */
    public static LogSettings defaults() {
        return new LogSettings(LogFormat.AUTO, LogLevel.INFO, Map.of());
    }

    /**
     * {@code SMPP_LOG_LEVELS}: {@code logger=LEVEL} pairs separated by commas, e.g.
     * {@code io.smppgateway.bridge=DEBUG, io.netty=WARN}; spaces around each part are ignored.
     *
     * @throws IllegalArgumentException naming the first pair that is wrong and why
     */
    public static Map<String, LogLevel> parseLoggerLevels(String text) {
        Map<String, LogLevel> levels = new LinkedHashMap<>();
        for (String pair : text.split(",", -1)) {
            String entry = pair.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException("'" + entry + "' is not logger=LEVEL");
            }
            String logger = entry.substring(0, equals).strip();
            if (!LOGGER_NAME.matcher(logger).matches()) {
                throw new IllegalArgumentException("'" + logger + "' is not a logger name (a package or class name"
                        + " such as io.smppgateway.bridge)");
            }
            levels.put(logger, LogLevel.of(entry.substring(equals + 1)));
        }
        return levels;
    }
}
