package io.smppgateway.bridge.flow;

import io.smppgateway.store.gateway.Gateway;
import io.smppgateway.smpp.pdu.Address;

/**
 * What the outbound flow needs of a gateway: whether it takes messages now, whether its default
 * alphabet is GSM 7-bit ({@code is_gsm7}), and how sender and receiver get their TON/NPI.
 *
 * <p>With {@code src_autodetect} the sender's TON/NPI follow from its form, as Kannel and Jasmin
 * do: anything but digits (an alphanumeric sender) gives 5/0; up to 8 digits without {@code +} (a
 * short code) 3/0; more digits, or a leading {@code +}, 1/1 (international, E.164). With {@code dst_autodetect} the receiver
 * is always 1/1, the form SMS_OUT's phone numbers have. Without autodetect the gateway's fixed
 * values are used. A leading {@code +} is never sent: SMPP addresses carry digits only.
 */
public record SmscSettings(String smscId, boolean enabled, boolean gsm7, boolean srcAutodetect, int sourceTon,
                           int sourceNpi, boolean dstAutodetect, int destTon, int destNpi) {

    /** The longest all-digit sender still taken for a short code rather than a phone number. */
    static final int SHORT_CODE_DIGITS = 8;

    public static SmscSettings of(Gateway gateway) {
        return new SmscSettings(gateway.smscId(), gateway.enabled(), gateway.gsm7(), gateway.srcAutodetect(),
                gateway.sourceTon(), gateway.sourceNpi(), gateway.dstAutodetect(), gateway.destTon(), gateway.destNpi());
    }

    /** The source address for an SMS_OUT {@code sender}. */
    public Address source(String sender) {
        String digits = withoutPlus(sender);
        if (!srcAutodetect) {
            return new Address(sourceTon, sourceNpi, digits);
        }
        if (!digits.chars().allMatch(c -> c >= '0' && c <= '9') || digits.isEmpty()) {
            return new Address(5, 0, sender);
        }
        if (!sender.startsWith("+") && digits.length() <= SHORT_CODE_DIGITS) {
            return new Address(3, 0, digits);
        }
        return new Address(1, 1, digits);
    }

    /** The destination address for an SMS_OUT {@code receiver}. */
    public Address destination(String receiver) {
        String digits = withoutPlus(receiver);
        return dstAutodetect ? new Address(1, 1, digits) : new Address(destTon, destNpi, digits);
    }

    private static String withoutPlus(String address) {
        return address.startsWith("+") && address.length() > 1 ? address.substring(1) : address;
    }
}
