package io.smppgateway.persistence.outbound;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How an SMSC's message id is matched between submit_sm_resp and its receipt, which often give it
 * in different forms: hex in one and decimal in the other, upper or lower case, with or without
 * leading zeros.
 *
 * <p>The rule: the stored key is the id trimmed, lower-cased and stripped of leading zeros
 * ("0" if nothing is left). A receipt's id gives up to three candidate keys, looked up together
 * in one index read: the id itself normalised; if it is all decimal digits, its value in hex; if
 * it is all hex digits, its value in decimal. A row whose key is the id itself wins over one
 * found through a conversion.
 */
public final class GatewayMessageId {

    /** Longer ids are not converted: no SMSC sends a number this long, and it bounds the work. */
    private static final int MAX_CONVERTIBLE = 64;

    private GatewayMessageId() {
    }

    /** The key stored for an id. */
    public static String normalise(String id) {
        String lower = id.strip().toLowerCase(Locale.ROOT);
        int start = 0;
        while (start < lower.length() - 1 && lower.charAt(start) == '0') {
            start++;
        }
        return lower.substring(start);
    }

    /** The keys a receipt's id may be stored under; the first is the id's own form. */
    public static List<String> candidates(String receiptId) {
        String exact = normalise(receiptId);
        List<String> keys = new ArrayList<>(3);
        keys.add(exact);
        if (exact.isEmpty() || exact.length() > MAX_CONVERTIBLE) {
            return keys;
        }
        if (isDigits(exact, 10)) {
            addIfNew(keys, new BigInteger(exact, 10).toString(16));
        }
        if (isDigits(exact, 16)) {
            addIfNew(keys, new BigInteger(exact, 16).toString(10));
        }
        return keys;
    }

    private static void addIfNew(List<String> keys, String key) {
        if (!keys.contains(key)) {
            keys.add(key);
        }
    }

    private static boolean isDigits(String text, int radix) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), radix) < 0) {
                return false;
            }
        }
        return true;
    }
}
