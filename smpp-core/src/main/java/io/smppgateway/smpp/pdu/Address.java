package io.smppgateway.smpp.pdu;

/**
 * A type of number, numbering plan indicator and address, as submit_sm and its kin carry
 * source and destination (SMPP 5.0, sections 4.7.1-4.7.3).
 */
public record Address(int ton, int npi, String address) {

    public static final Address EMPTY = new Address(0, 0, "");

    public Address {
        Fields.requireOctet("ton", ton);
        Fields.requireOctet("npi", npi);
        address = address == null ? "" : address;
    }

    public static Address of(int ton, int npi, String address) {
        return new Address(ton, npi, address);
    }
}
