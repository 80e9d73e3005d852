package io.smppgateway.smpp.client;

import io.smppgateway.smpp.pdu.Address;

/**
 * How a gateway sets the TON/NPI of one side of every message: guessed from the address
 * ({@code src_autodetect}/{@code dst_autodetect}, see {@link AddressNumbering}) or the gateway's
 * fixed {@code source_ton}/{@code source_npi} (or {@code dest_...}) values.
 */
public record NumberingRule(boolean autodetect, int ton, int npi) {

    public NumberingRule {
        if (ton < 0 || ton > 6 || npi < 0 || npi > 18) {
            throw new IllegalArgumentException("TON must be 0-6 and NPI 0-18, were " + ton + "/" + npi);
        }
    }

    public static NumberingRule detected() {
        return new NumberingRule(true, 0, 0);
    }

    public static NumberingRule fixed(int ton, int npi) {
        return new NumberingRule(false, ton, npi);
    }

    /** The address as it goes out. With fixed values the address itself is left exactly as given. */
    public Address apply(String address) {
        return autodetect ? AddressNumbering.detect(address) : new Address(ton, npi, address);
    }
}
