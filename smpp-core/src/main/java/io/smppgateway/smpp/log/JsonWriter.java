package io.smppgateway.smpp.log;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes indented JSON in the layout of the product manual's PDU log: two spaces per level,
 * {@code "name": value}, one member per line, members in the order they are written. The core
 * module is a protocol library and takes no JSON dependency for the few shapes the log needs.
 *
 * <p>Strings are escaped per RFC 8259: the quote, the backslash and every control character; lone
 * UTF-16 surrogates and U+2028/U+2029 are written as {@code \\uXXXX} too, so that the text stays
 * valid whatever octets a peer sent. Everything else (Cyrillic, emoji) is written as it is.
 */
final class JsonWriter {

    private static final String INDENT = "  ";
    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

    private final StringBuilder out;
    /** The objects and arrays open, innermost first. */
    private final Deque<Container> open = new ArrayDeque<>();
    private boolean afterName;
    private boolean started;

    JsonWriter(StringBuilder out) {
        this.out = out;
    }

    JsonWriter beginObject() {
        beforeValue();
        out.append('{');
        open.push(new Container(true));
        return this;
    }

    JsonWriter endObject() {
        return close(true, '}');
    }

    JsonWriter beginArray() {
        beforeValue();
        out.append('[');
        open.push(new Container(false));
        return this;
    }

    JsonWriter endArray() {
        return close(false, ']');
    }

    /** The name of the next member of the current object. */
    JsonWriter name(String name) {
        if (open.isEmpty() || !open.peek().object || afterName) {
            throw new IllegalStateException("a name belongs inside an object, before its value");
        }
        newMember();
        writeString(name);
        out.append(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String value) {
        beforeValue();
        writeString(value);
        return this;
    }

    JsonWriter value(long value) {
        beforeValue();
        out.append(value);
        return this;
    }

    JsonWriter value(boolean value) {
        beforeValue();
        out.append(value);
        return this;
    }

    /** {@code "name": value} */
    JsonWriter member(String name, String value) {
        return name(name).value(value);
    }

    JsonWriter member(String name, long value) {
        return name(name).value(value);
    }

    JsonWriter member(String name, boolean value) {
        return name(name).value(value);
    }

    private void beforeValue() {
        if (afterName) {
            afterName = false;
        } else if (open.isEmpty()) {
            if (started) {
                throw new IllegalStateException("one JSON value per writer");
            }
            started = true;
        } else if (open.peek().object) {
            throw new IllegalStateException("a value in an object needs a name first");
        } else {
            newMember();
        }
    }

    private void newMember() {
        Container container = open.peek();
        out.append(container.hasMembers ? ",\n" : "\n");
        container.hasMembers = true;
        indent(open.size());
    }

    private JsonWriter close(boolean object, char bracket) {
        if (open.isEmpty() || open.peek().object != object || afterName) {
            throw new IllegalStateException("nothing to close with " + bracket);
        }
        if (open.pop().hasMembers) {
            out.append('\n');
            indent(open.size());
        }
        out.append(bracket);
        return this;
    }

    private void indent(int depth) {
        for (int i = 0; i < depth; i++) {
            out.append(INDENT);
        }
    }

    private void writeString(String text) {
        out.append('"');
        // Most text needs no escape: copy it in runs rather than a character at a time (the PDU
        // log renders every PDU on one thread, and that loop was most of its time).
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\' && (c < '\u2028' || !needsUnicodeEscape(text, i))) {
                continue;
            }
            out.append(text, run, i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> unicodeEscape(c);
            }
            run = i + 1;
        }
        out.append(text, run, text.length()).append('"');
    }

    /** U+2028, U+2029 and lone surrogates, which are valid JSON but break readers of the log. */
    private static boolean needsUnicodeEscape(String text, int index) {
        char c = text.charAt(index);
        return c == '\u2028' || c == '\u2029' || isLoneSurrogate(text, index);
    }

    private static boolean isLoneSurrogate(String text, int index) {
        char c = text.charAt(index);
        if (Character.isHighSurrogate(c)) {
            return index + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(index + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return index == 0 || !Character.isHighSurrogate(text.charAt(index - 1));
        }
        return false;
    }

    private void unicodeEscape(char c) {
        out.append("\\u")
                .append(HEX_DIGITS[(c >> 12) & 0xF])
                .append(HEX_DIGITS[(c >> 8) & 0xF])
                .append(HEX_DIGITS[(c >> 4) & 0xF])
                .append(HEX_DIGITS[c & 0xF]);
    }

    /** An open object or array, and whether it has a member yet. */
    private static final class Container {
        final boolean object;
        boolean hasMembers;

        Container(boolean object) {
            this.object = object;
        }
    }
}
