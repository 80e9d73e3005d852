package io.smppgateway.bench.session;

import java.nio.charset.StandardCharsets;

/**
 * The submit_sm every case sends, the same as the codec benchmarks': a 160-character text of the
 * GSM 7-bit default alphabet (data_coding 0, one octet per character), source 5/0 MyBrand,
 * destination 1/1 380991234567, registered_delivery 1, no TLVs: 212 octets on the wire.
 */
final class LoadMessage {

    static final int SOURCE_TON = 5;
    static final int SOURCE_NPI = 0;
    static final String SOURCE = "MyBrand";
    static final int DESTINATION_TON = 1;
    static final int DESTINATION_NPI = 1;
    static final String DESTINATION = "380991234567";
    static final int REGISTERED_DELIVERY = 1;
    static final byte[] TEXT = ("Your verification code is 482913. It expires in 10 minutes. Never share "
            + "this code with anyone, not even with our staff. Questions? Call 0800 123 4567, any time.")
            .getBytes(StandardCharsets.US_ASCII);

    static {
        if (TEXT.length != 160) {
            throw new IllegalStateException("the sample text must be 160 characters, is " + TEXT.length);
        }
    }

    static final String SYSTEM_ID = "load";
    static final String PASSWORD = "load-pw";

    private LoadMessage() {
    }
}
