package io.smppgateway.smpp.log;

/**
 * A value a peer chose (a system_id, a password field's length, a message id, a JSON field),
 * made safe to put in a log line: control characters, line and paragraph separators, and the
 * bidirectional overrides are written as escapes, so that a peer cannot end our line and forge
 * the next one, colour a terminal, or reorder what an operator reads; and it is cut to a length
 * that keeps one line one line.
 *
 * <pre>{@code
 * log.info("bind of '{}' refused", PeerText.of(request.systemId()));
 * // "ab\ncd" is logged as ab\ncd, ESC[31m as \x1b[31m
 * }</pre>
 */
public final class PeerText {

    /** Characters kept of a value; the rest is counted, not written. */
    public static final int MAX_LENGTH = 100;

    private final String value;

    private PeerText(String value) {
        this.value = value;
    }

    /** The value to log; {@code toString()} escapes it when the line is written. */
    public static PeerText of(String value) {
        return new PeerText(value);
    }

    /** The escaped, shortened text of {@code value} ({@code null} is written as null). */
    public static String escape(String value) {
        if (value == null) {
            return "null";
        }
        int length = Math.min(value.length(), MAX_LENGTH);
        StringBuilder out = null;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (isSafe(c)) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(length + 16).append(value, 0, i);
            }
            appendEscape(out, c);
        }
        if (value.length() > length) {
            if (out == null) {
                out = new StringBuilder(length + 24).append(value, 0, length);
            }
            out.append("...(").append(value.length() - length).append(" more)");
        }
        return out == null ? value : out.toString();
    }

    private static boolean isSafe(char c) {
        if (c < 0x20 || c == 0x7f || c == '\\') {
            return false;
        }
        if (c >= 0x80 && c <= 0x9f) {
            return false; // C1 controls, among them the 8-bit CSI that terminals read as ESC [
        }
        return switch (c) {
            case '\u2028', '\u2029', '\u200e', '\u200f', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
                 '\u2066', '\u2067', '\u2068', '\u2069', '\ufeff' -> false;
            default -> true;
        };
    }

    private static void appendEscape(StringBuilder out, char c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            case '\\' -> out.append("\\\\");
            default -> {
                if (c < 0x100) {
                    out.append("\\x").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xf, 16));
                } else {
                    out.append("\\u").append(String.format("%04x", (int) c));
                }
            }
        }
    }

    @Override
    public String toString() {
        return escape(value);
    }
}
