package io.smppgateway.runner.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code KEY=VALUE} lines of {@code smpp.conf}, read as systemd's {@code EnvironmentFile=} reads
 * them, so that one file serves both the launcher and a systemd unit:
 * <ul>
 *   <li>blank lines and lines starting with {@code #} or {@code ;} are ignored;</li>
 *   <li>spaces around the key and the value are dropped; an {@code export } prefix is tolerated;</li>
 *   <li>a value in double quotes may hold {@code \"}, {@code \\}, {@code \n}; a value in single quotes
 *       is taken as written; an unquoted value keeps {@code #} and everything else up to the line end;</li>
 *   <li>a key given twice keeps its last value.</li>
 * </ul>
 * A line that is not a setting is reported by its number, together with the file's other mistakes.
 *
 * @param values      the settings, in file order
 * @param lineErrors  each malformed line, as {@code "line 7: ..."}
 */
public record ConfFile(Map<String, String> values, List<String> lineErrors) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public ConfFile {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        lineErrors = List.copyOf(lineErrors);
    }

    public static ConfFile read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static ConfFile parse(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (i == 0 && line.startsWith("\uFEFF")) {
                line = line.substring(1).strip();
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("export ")) {
                line = line.substring("export ".length()).strip();
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                errors.add("line " + (i + 1) + ": not a KEY=VALUE setting");
                continue;
            }
            String key = line.substring(0, equals).strip();
            if (!KEY.matcher(key).matches()) {
                errors.add("line " + (i + 1) + ": '" + printable(key) + "' is not a setting name");
                continue;
            }
            try {
                values.put(key, value(line.substring(equals + 1).strip()));
            } catch (IllegalArgumentException e) {
                errors.add("line " + (i + 1) + " (" + key + "): " + e.getMessage());
            }
        }
        return new ConfFile(values, errors);
    }

    private static String value(String raw) {
        if (raw.isEmpty()) {
            return raw;
        }
        char quote = raw.charAt(0);
        if (quote != '"' && quote != '\'') {
            return raw;
        }
        StringBuilder value = new StringBuilder(raw.length());
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == quote) {
                if (i != raw.length() - 1) {
                    throw new IllegalArgumentException("text after the closing quote");
                }
                return value.toString();
            }
            if (c == '\\' && quote == '"' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                value.append(next == 'n' ? '\n' : next);
            } else {
                value.append(c);
            }
        }
        throw new IllegalArgumentException("the value's quote is not closed");
    }

    private static String printable(String key) {
        return key.length() > 40 ? key.substring(0, 40) + "..." : key;
    }
}
