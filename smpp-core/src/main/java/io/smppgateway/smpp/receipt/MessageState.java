package io.smppgateway.smpp.receipt;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The state of a short message in the SMSC: the value of the {@code message_state} TLV (SMPP 5.0,
 * section 4.8.4.37) and, in its seven-letter form, the {@code stat:} word of
 * a delivery receipt's text (SMPP 3.4, Appendix B).
 *
 * <p>Appendix B's table names seven words: DELIVRD, EXPIRED, DELETED, UNDELIV, ACCEPTD, UNKNOWN,
 * REJECTD. ENROUTE has no word there but is the one SMSCs and other stacks (cloudhopper, Kannel)
 * send for it; SCHEDULED and SKIPPED came with 5.0 and have no word in the table, so we write
 * SCHEDUL and SKIPPED (seven letters, as the field is seven octets).
 *
 * <p>{@link #isFinal()} is the gateway's reading, not the specification's: the spec lists ACCEPTED
 * among the final states ("manually read on behalf of the subscriber by customer service"), but in
 * the field SMSCs send ACCEPTD, like ACKED, to say only that they took the message on, and a real
 * delivery receipt follows. Kannel treats it the same way. A message whose SMSC really ends in
 * ACCEPTED is reported {@code expired} when no later receipt comes.
 */
public enum MessageState {
    SCHEDULED(0, "SCHEDUL", false),
    ENROUTE(1, "ENROUTE", false),
    DELIVERED(2, "DELIVRD", true),
    EXPIRED(3, "EXPIRED", true),
    DELETED(4, "DELETED", true),
    UNDELIVERABLE(5, "UNDELIV", true),
    ACCEPTED(6, "ACCEPTD", false),
    UNKNOWN(7, "UNKNOWN", true),
    REJECTED(8, "REJECTD", true),
    SKIPPED(9, "SKIPPED", true);

    /**
     * Every word we read as a state, upper case with anything but letters removed. Besides the
     * standard words: the spelled-out names, and what SMSCs and aggregators send in the field
     * (mBlox's ACKED, BUFFRED and FAILED; Kannel's BUFFRED and BUFFERD; SENT, QUEUED and the like
     * from HTTP-born aggregators).
     */
    private static final Map<String, MessageState> WORDS = new HashMap<>();

    static {
        for (MessageState state : values()) {
            WORDS.put(state.statWord, state);
            WORDS.put(state.name(), state);
        }
        alias(SCHEDULED, "SCHEDULD", "SCHEDLD");
        alias(ENROUTE, "BUFFRED", "BUFFERD", "BUFFERED", "SENT", "SUBMITD", "SUBMITTED", "PENDING", "QUEUED");
        alias(DELIVERED, "DELIVERD", "DELIVRED");
        alias(EXPIRED, "EXPIRD");
        alias(DELETED, "DELETD");
        alias(UNDELIVERABLE, "UNDELIVERED", "UNDELIVERD", "UNDELIVRD", "FAILED", "FAILD", "FAIL", "FAILURE");
        alias(ACCEPTED, "ACKED", "ACK", "ACKNOWLEDGED");
        alias(UNKNOWN, "UNKNWN");
        alias(REJECTED, "REJECT");
        alias(SKIPPED, "SKIPPD");
    }

    private static void alias(MessageState state, String... words) {
        for (String word : words) {
            WORDS.put(word, state);
        }
    }

    private final int value;
    private final String statWord;
    private final boolean terminal;

    MessageState(int value, String statWord, boolean terminal) {
        this.value = value;
        this.statWord = statWord;
        this.terminal = terminal;
    }

    /** The value of the {@code message_state} TLV. */
    public int value() {
        return value;
    }

    /** The word we write after {@code stat:} in a receipt's text. */
    public String statWord() {
        return statWord;
    }

    /**
     * Whether a receipt in this state settles the message, so that no other receipt is awaited.
     * False for SCHEDULED, ENROUTE and ACCEPTED (see the class comment for ACCEPTED).
     */
    public boolean isFinal() {
        return terminal;
    }

    /** The state for a {@code message_state} value, or empty for a value no version defines. */
    public static Optional<MessageState> of(int value) {
        for (MessageState state : values()) {
            if (state.value == value) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }

    /**
     * The state a receipt's {@code stat:} word stands for, in any case and with separators
     * ignored ({@code EN_ROUTE}, {@code delivered}); a number is read as a {@code message_state}
     * value. Empty for null, blank or unrecognised words.
     */
    public static Optional<MessageState> fromStatWord(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String trimmed = word.strip();
        if (!trimmed.isEmpty() && trimmed.length() <= 3 && trimmed.chars().allMatch(MessageState::isAsciiDigit)) {
            return of(Integer.parseInt(trimmed));
        }
        StringBuilder letters = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                letters.append(c);
            }
        }
        return Optional.ofNullable(WORDS.get(letters.toString().toUpperCase(Locale.ROOT)));
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
