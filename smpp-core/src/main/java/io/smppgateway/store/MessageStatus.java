package io.smppgateway.store;

import java.util.Locale;

/**
 * Where a message stands, by the names the manual uses in DLR_IN and DLR_OUT. {@code accepted}
 * is ours: tracked, not yet answered by the SMSC. The last five are final: a message gets
 * exactly one of them.
 */
public enum MessageStatus {
    ACCEPTED("accepted", false),
    SENT("sent", false),
    DELIVERED("delivered", true),
    UNDELIVERED("undelivered", true),
    REJECTED("rejected", true),
    EXPIRED("expired", true),
    UNKNOWN("unknown", true);

    private final String wireName;
    private final boolean terminal;

    MessageStatus(String wireName, boolean terminal) {
        this.wireName = wireName;
        this.terminal = terminal;
    }

    /** The lower-case name used in the manual's JSON and in the database. */
    public String wireName() {
        return wireName;
    }

    public boolean isFinal() {
        return terminal;
    }

    /** Parses a manual status name, case-insensitively. */
    public static MessageStatus of(String name) {
        if (name != null) {
            String lower = name.trim().toLowerCase(Locale.ROOT);
            for (MessageStatus status : values()) {
                if (status.wireName.equals(lower)) {
                    return status;
                }
            }
        }
        throw new IllegalArgumentException("unknown message status: " + name);
    }
}
