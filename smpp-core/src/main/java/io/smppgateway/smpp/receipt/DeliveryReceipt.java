package io.smppgateway.smpp.receipt;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The fields of a delivery receipt's text, the {@code short_message} of a deliver_sm (or the
 * {@code message_payload} of a data_sm) with esm_class 0x04. SMPP 3.4 Appendix B gives the format
 * as a "typical example", vendor specific:
 * <pre>
 * id:IIIIIIIIII sub:SSS dlvrd:DDD submit date:YYMMDDhhmm done date:YYMMDDhhmm stat:DDDDDDD err:E Text: . . . . . . . . .
 * </pre>
 *
 * <p>{@link #parse(CharSequence)} reads whatever SMSCs send in that spirit (see
 * {@link ReceiptTextParser}); {@link #toText()} writes the standard form. A parsed receipt keeps
 * every value as it was sent: the id is not normalised (hex, decimal, leading zeros and case are
 * matched where ids are looked up), {@code stat} and {@code err} are the raw words. Dates are the
 * SMSC's local time, which carries no zone.
 *
 * @param id             the message id, as sent; never blank, no whitespace
 * @param submittedCount {@code sub}: messages originally submitted; null when absent or unreadable
 * @param deliveredCount {@code dlvrd}: messages delivered; null when absent or unreadable
 * @param submitDate     {@code submit date}; null when absent or not a valid date
 * @param doneDate       {@code done date}: when the message reached this state; null likewise
 * @param stat           the {@code stat} word as sent ({@code DELIVRD}, {@code ACKED}...); null when absent
 * @param err            the {@code err} value as sent ({@code 000}, {@code 0000}, {@code A1}...); null when absent
 * @param text           {@code text}: in a receipt we send, the start of the message; null when absent
 */
public record DeliveryReceipt(
        String id,
        Integer submittedCount,
        Integer deliveredCount,
        LocalDateTime submitDate,
        LocalDateTime doneDate,
        String stat,
        String err,
        String text) {

    /** How much of the message a receipt repeats (Appendix B: "the first 20 characters"). */
    public static final int TEXT_LENGTH = 20;

    /** Written for a missing date, as cloudhopper does, so that strict parsers still find ten digits. */
    private static final String NO_DATE = "0000000000";

    public DeliveryReceipt {
        if (id == null || id.isEmpty() || hasWhitespace(id)) {
            throw new IllegalArgumentException("receipt id must be a non-empty word, got [" + id + "]");
        }
        requireCount("submittedCount", submittedCount);
        requireCount("deliveredCount", deliveredCount);
        requireWord("stat", stat);
        requireWord("err", err);
    }

    /**
     * The receipt we send an ESME for a DLR_OUT event: one message submitted, one delivered when
     * the status is {@code delivered}, the status's stat word, the error code and the first
     * {@value #TEXT_LENGTH} characters of the message.
     *
     * @param messageText the message the receipt is for, or null when it is not known
     */
    public static DeliveryReceipt of(String id, FinalStatus status, int errorCode,
            LocalDateTime submitDate, LocalDateTime doneDate, String messageText) {
        if (errorCode < 0) {
            throw new IllegalArgumentException("errorCode must not be negative, got " + errorCode);
        }
        return new DeliveryReceipt(id, 1, status == FinalStatus.DELIVERED ? 1 : 0, submitDate, doneDate,
                status.statWord(), threeDigits(errorCode), leading(messageText));
    }

    /**
     * Reads a receipt's text. Never throws: empty when no message id can be found at all; any
     * other field that is absent or unreadable is null in the result.
     */
    public static Optional<DeliveryReceipt> parse(CharSequence receiptText) {
        return ReceiptTextParser.parse(receiptText);
    }

    /** The state the {@code stat} word stands for, empty when it is absent or unrecognised. */
    public Optional<MessageState> state() {
        return MessageState.fromStatWord(stat);
    }

    /**
     * {@code err} as a number: decimal digits, or hex after {@code 0x}; empty when absent or
     * anything else (an alphanumeric code is kept as {@link #err()}).
     */
    public OptionalInt errorCode() {
        if (err == null) {
            return OptionalInt.empty();
        }
        String digits = err;
        int radix = 10;
        if (digits.length() > 2 && (digits.startsWith("0x") || digits.startsWith("0X"))) {
            digits = digits.substring(2);
            radix = 16;
        }
        String significant = stripLeadingZeros(digits);
        if (digits.isEmpty() || significant.length() > 7 || !isDigits(digits, radix)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(significant.isEmpty() ? 0 : Integer.parseInt(significant, radix));
    }

    /**
     * The standard text: {@code id:.. sub:001 dlvrd:001 submit date:YYMMDDhhmm done date:YYMMDDhhmm
     * stat:DELIVRD err:000 text:..}. Counts and a numeric err are zero-padded to three digits, the
     * text cut to {@value #TEXT_LENGTH} characters. A missing field is written as its zero value
     * (dates as {@code 0000000000}, stat as {@code UNKNOWN}) so that strict parsers, which want
     * every field, still read the receipt.
     */
    public String toText() {
        StringBuilder out = new StringBuilder(140);
        out.append("id:").append(id)
                .append(" sub:").append(threeDigits(submittedCount))
                .append(" dlvrd:").append(threeDigits(deliveredCount))
                .append(" submit date:");
        if (submitDate == null) {
            out.append(NO_DATE);
        } else {
            appendDate(out, submitDate);
        }
        out.append(" done date:");
        if (doneDate == null) {
            out.append(NO_DATE);
        } else {
            appendDate(out, doneDate);
        }
        out.append(" stat:").append(stat == null ? MessageState.UNKNOWN.statWord() : stat)
                .append(" err:").append(err == null ? "000" : padNumber(err))
                .append(" text:").append(leading(text));
        return out.toString();
    }

    private static String leading(String text) {
        if (text == null) {
            return "";
        }
        int codePoints = text.codePointCount(0, text.length());
        return codePoints <= TEXT_LENGTH ? text : text.substring(0, text.offsetByCodePoints(0, TEXT_LENGTH));
    }

    private static String threeDigits(Integer count) {
        return threeDigits(count == null ? 0 : count.intValue());
    }

    /** {@code String.format("%03d", n)} without a Formatter, which costs more than the rest of the receipt. */
    private static String threeDigits(int n) {
        if (n < 0 || n > 99) {
            return n < 0 ? String.format("%03d", n) : Integer.toString(n);
        }
        return (n < 10 ? "00" : "0") + n;
    }

    /** {@code yyMMddHHmm}, written field by field: DateTimeFormatter's general machinery is slow for ten digits. */
    private static void appendDate(StringBuilder out, LocalDateTime date) {
        twoDigits(out, date.getYear() % 100);
        twoDigits(out, date.getMonthValue());
        twoDigits(out, date.getDayOfMonth());
        twoDigits(out, date.getHour());
        twoDigits(out, date.getMinute());
    }

    private static void twoDigits(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static String padNumber(String err) {
        return err.length() < 3 && isDigits(err, 10) ? "0".repeat(3 - err.length()) + err : err;
    }

    private static String stripLeadingZeros(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == '0') {
            i++;
        }
        return s.substring(i);
    }

    private static boolean isDigits(String s, int radix) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x7F || Character.digit(c, radix) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i)) || Character.isSpaceChar(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static void requireCount(String name, Integer count) {
        if (count != null && count < 0) {
            throw new IllegalArgumentException(name + " must not be negative, got " + count);
        }
    }

    private static void requireWord(String name, String value) {
        if (value != null && (value.isEmpty() || hasWhitespace(value))) {
            throw new IllegalArgumentException(name + " must be a non-empty word, got [" + value + "]");
        }
    }
}
