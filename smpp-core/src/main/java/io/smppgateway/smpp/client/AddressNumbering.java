package io.smppgateway.smpp.client;

import io.smppgateway.smpp.pdu.Address;

/**
 * Guesses the type of number and numbering plan of a source or destination address from its
 * form, for gateways with {@code src_autodetect}/{@code dst_autodetect} on. Pure and total.
 *
 * <table>
 *   <caption>address form to TON/NPI</caption>
 *   <tr><th>form</th><th>TON/NPI</th><th>example</th></tr>
 *   <tr><td>empty</td><td>0/0 unknown</td><td></td></tr>
 *   <tr><td>anything that is not (+)digits</td><td>5/0 alphanumeric</td><td>{@code MyShop}, {@code +Info}</td></tr>
 *   <tr><td>{@code +} and digits: the {@code +} is removed</td><td>1/1 international, E.164</td><td>{@code +380991234567}</td></tr>
 *   <tr><td>10-15 digits, no leading 0</td><td>1/1 international, E.164</td><td>{@code 380991234567}</td></tr>
 *   <tr><td>up to 8 digits</td><td>3/0 network specific (short code)</td><td>{@code 7575}</td></tr>
 *   <tr><td>other digit strings: 9 digits, a leading 0, more than 15</td><td>0/1 unknown, E.164</td><td>{@code 0991234567}</td></tr>
 * </table>
 *
 * <p>Kannel's {@code autodetect-addr} is the model for the first three rows: alphanumeric is 5/0,
 * and a leading {@code +} means international with the {@code +} removed, since SMSCs reject or
 * misroute a {@code +} in the address field. Kannel leaves every other number at its configured
 * default (2/1, national); we follow the manual instead, whose examples send an international
 * number without {@code +} ({@code 390991234567}) as 1/1. E.164 numbers have at most 15 digits, and
 * international mobile numbers at least 10 in practice; no country code starts with 0, so a
 * leading 0 is a national trunk prefix. Short codes (3-8 digits) are 3/0 as the large aggregators
 * document them. What stays ambiguous (9 digits could be national or international) goes as
 * 0/1, "unknown", so that the SMSC applies its own numbering rules rather than ours.
 */
public final class AddressNumbering {

    public static final int TON_UNKNOWN = 0;
    public static final int TON_INTERNATIONAL = 1;
    public static final int TON_NETWORK_SPECIFIC = 3;
    public static final int TON_ALPHANUMERIC = 5;
    public static final int NPI_UNKNOWN = 0;
    public static final int NPI_E164 = 1;

    private static final int MAX_SHORT_CODE_DIGITS = 8;
    private static final int MIN_INTERNATIONAL_DIGITS = 10;
    private static final int MAX_E164_DIGITS = 15;

    private AddressNumbering() {
    }

    /** The address with the TON/NPI its form suggests (and a leading {@code +} removed from a number). */
    public static Address detect(String address) {
        if (address == null || address.isEmpty()) {
            return new Address(TON_UNKNOWN, NPI_UNKNOWN, "");
        }
        if (address.charAt(0) == '+') {
            String digits = address.substring(1);
            return isDigits(digits)
                    ? new Address(TON_INTERNATIONAL, NPI_E164, digits)
                    : new Address(TON_ALPHANUMERIC, NPI_UNKNOWN, address);
        }
        if (!isDigits(address)) {
            return new Address(TON_ALPHANUMERIC, NPI_UNKNOWN, address);
        }
        int length = address.length();
        if (length <= MAX_SHORT_CODE_DIGITS) {
            return new Address(TON_NETWORK_SPECIFIC, NPI_UNKNOWN, address);
        }
        if (length >= MIN_INTERNATIONAL_DIGITS && length <= MAX_E164_DIGITS && address.charAt(0) != '0') {
            return new Address(TON_INTERNATIONAL, NPI_E164, address);
        }
        return new Address(TON_UNKNOWN, NPI_E164, address);
    }

    private static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
