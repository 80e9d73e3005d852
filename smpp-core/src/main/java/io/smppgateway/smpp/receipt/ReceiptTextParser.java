package io.smppgateway.smpp.receipt;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a delivery receipt's text as SMSCs really write it, which is often not as Appendix B's
 * example does. What it accepts:
 * <ul>
 *   <li>keys in any case ({@code Text:} is the spec's own spelling), with or without the space in
 *       {@code submit date} / {@code done date} ({@code submitdate}, {@code submit_date});</li>
 *   <li>fields missing ({@code sub} and {@code dlvrd}: jsmpp #62, cloudhopper #105; the dates;
 *       the text), extra fields of the vendor's own ({@code mcc:}, {@code imsi:}), fields
 *       separated by commas or semicolons;</li>
 *   <li>dates of 10 digits (YYMMDDhhmm), 12 (YYMMDDhhmmss), 14 (YYYYMMDDhhmmss), with separators
 *       ({@code 2010-07-29 10:49:00}), or in SMPP's absolute time format
 *       ({@code 180711070003912+}, whose local time is its first twelve digits); an impossible
 *       date such as {@code 000000000000} is read as absent;</li>
 *   <li>{@code err} of any length or alphanumeric, any {@code stat} word;</li>
 *   <li>a {@code text:} holding spaces and colons: it is the last field, so it runs to the end.</li>
 * </ul>
 * When no {@code id:} stands where a key can start, the first {@code id:} anywhere is taken, so
 * that even a mangled receipt still names its message. Nothing here throws on any input.
 */
final class ReceiptTextParser {

    /**
     * A key: a word at the start or after a separator, then a colon. Unknown keys are matched too,
     * so that an extra field's value does not run into the field before it.
     */
    private static final Pattern KEY = Pattern.compile(
            "(?<![^\\p{javaWhitespace}\\p{javaSpaceChar}\\p{javaISOControl},;|])"
                    + "(submit[ _-]?date|done[ _-]?date|[a-z][a-z0-9_-]*)[ \\t]*:",
            Pattern.CASE_INSENSITIVE);

    /**
     * The last resort: {@code id:} anywhere, and only the characters ids are made of after it,
     * since the rest is garbage. A word after a space that is itself followed by a colon is the
     * next key ({@code id: sub:001}), not an id.
     */
    private static final Pattern ANY_ID = Pattern.compile(
            "id[ \\t]*:(?:([a-z0-9._-]++)|[ \\t]+([a-z0-9._-]++)(?![ \\t]*:))", Pattern.CASE_INSENSITIVE);

    /** SMPP absolute time, YYMMDDhhmmsstnnp (SMPP 3.4, section 7.1.1): local time, then its offset from UTC. */
    private static final Pattern ABSOLUTE_TIME = Pattern.compile("(\\d{12})\\d{3}[+-]");

    private ReceiptTextParser() {
    }

    static Optional<DeliveryReceipt> parse(CharSequence input) {
        if (input == null) {
            return Optional.empty();
        }
        String receipt = input.toString();
        Map<String, String> fields = fields(receipt);
        String id = firstWord(fields.get("id"));
        if (id == null) {
            id = idAnywhere(receipt);
        }
        if (id == null) {
            return Optional.empty();
        }
        return Optional.of(new DeliveryReceipt(
                id,
                count(firstWord(fields.get("sub"))),
                count(firstWord(fields.get("dlvrd"))),
                date(fields.get("submitdate")),
                date(fields.get("donedate")),
                firstWord(fields.get("stat")),
                firstWord(fields.getOrDefault("err", fields.get("error"))),
                text(fields.get("text"))));
    }

    /** Each key, normalised ({@code submit date} -> {@code submitdate}), to the raw text up to the next key; the first of a repeated key wins. */
    private static Map<String, String> fields(String receipt) {
        Map<String, String> fields = new HashMap<>();
        Matcher key = KEY.matcher(receipt);
        String name = null;
        int valueStart = 0;
        while (key.find()) {
            if (name != null) {
                fields.putIfAbsent(name, receipt.substring(valueStart, key.start()));
            }
            name = normalise(key.group(1));
            valueStart = key.end();
            if (name.equals("text")) {
                break;
            }
        }
        if (name != null) {
            fields.putIfAbsent(name, receipt.substring(valueStart));
        }
        return fields;
    }

    private static String normalise(String key) {
        StringBuilder name = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != ' ' && c != '_' && c != '-') {
                name.append(c);
            }
        }
        return name.toString().toLowerCase(Locale.ROOT);
    }

    private static String idAnywhere(String receipt) {
        Matcher id = ANY_ID.matcher(receipt);
        if (!id.find()) {
            return null;
        }
        return id.group(1) != null ? id.group(1) : id.group(2);
    }

    /** The value's first word: up to whitespace or a field separator; null when there is none. */
    private static String firstWord(String value) {
        if (value == null) {
            return null;
        }
        int start = 0;
        while (start < value.length() && isSeparator(value.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < value.length() && !isSeparator(value.charAt(end))) {
            end++;
        }
        return end > start ? value.substring(start, end) : null;
    }

    /** Control characters count as separators: no field holds them, and C-string terminators and stray bytes do occur. */
    private static boolean isSeparator(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || c == ',' || c == ';' || c == '|';
    }

    private static Integer count(String word) {
        if (word == null || word.length() > 9) {
            return null;
        }
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) < '0' || word.charAt(i) > '9') {
                return null;
            }
        }
        return Integer.parseInt(word);
    }

    /** The text as sent, without the C-string terminators some SMSCs leave in the field. */
    private static String text(String value) {
        if (value == null) {
            return null;
        }
        int end = value.length();
        while (end > 0 && value.charAt(end - 1) == '\0') {
            end--;
        }
        return value.substring(0, end);
    }

    private static LocalDateTime date(String value) {
        if (value == null) {
            return null;
        }
        LocalDateTime whole = dateOf(value.strip());
        return whole != null ? whole : dateOf(firstWord(value));
    }

    private static LocalDateTime dateOf(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        Matcher absolute = ABSOLUTE_TIME.matcher(value);
        if (absolute.matches()) {
            return digitsToDate(absolute.group(1));
        }
        StringBuilder digits = new StringBuilder(14);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if ("-:/. T".indexOf(c) < 0) {
                return null;
            }
        }
        return digitsToDate(digits.toString());
    }

    private static LocalDateTime digitsToDate(String d) {
        int year;
        int at;
        switch (d.length()) {
            case 10, 12 -> {
                year = 2000 + number(d, 0);
                at = 2;
            }
            case 14 -> {
                year = number(d, 0) * 100 + number(d, 2);
                at = 4;
            }
            default -> {
                return null;
            }
        }
        int second = d.length() == 10 ? 0 : number(d, at + 8);
        try {
            return LocalDateTime.of(year, number(d, at), number(d, at + 2), number(d, at + 4), number(d, at + 6), second);
        } catch (DateTimeException impossibleDate) {
            return null;
        }
    }

    private static int number(String digits, int at) {
        return (digits.charAt(at) - '0') * 10 + (digits.charAt(at + 1) - '0');
    }
}
