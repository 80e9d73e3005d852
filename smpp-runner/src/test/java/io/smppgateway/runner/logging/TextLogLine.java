package io.smppgateway.runner.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line of the {@code text} log format ({@link GatewayLogging#TEXT_PATTERN}) taken apart: what the
 * tests compare is the event ({@code WARN PduLogWriter - PDU log: ...}) after the time and thread.
 */
public final class TextLogLine {

    /** {@code 2024-09-17T10:15:02.123+02:00 [thread name] } and the event. */
    private static final Pattern LINE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}(Z|[+-]\\d{2}:\\d{2}) \\[[^\\]]*\\] (.*)");

    private TextLogLine() {
    }

    /** The event of a text log line ({@code LEVEL logger - message}), or an {@link AssertionError} if it is none. */
    public static String event(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            throw new AssertionError("not a line of the text log format: " + line);
        }
        return matcher.group(2);
    }

    /** Whether the line is a text log line whose event starts with {@code start}. */
    public static boolean startsWith(String line, String start) {
        Matcher matcher = LINE.matcher(line);
        return matcher.matches() && matcher.group(2).startsWith(start);
    }
}
