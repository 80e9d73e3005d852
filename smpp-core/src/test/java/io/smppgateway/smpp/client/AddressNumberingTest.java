package io.smppgateway.smpp.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smppgateway.smpp.pdu.Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressNumberingTest {

    @ParameterizedTest(name = "[{0}] -> {1}/{2} [{3}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // alphanumeric senders: 5/0, kept as they are
            "MyShop        | 5 | 0 | MyShop",
            "Info-24       | 5 | 0 | Info-24",
            "\"My Shop\"   | 5 | 0 | My Shop",
            "+Info         | 5 | 0 | +Info",
            "123abc        | 5 | 0 | 123abc",
            "+             | 5 | 0 | +",
            // + and digits: international, the + removed
            "+380991234567 | 1 | 1 | 380991234567",
            "+12025550123  | 1 | 1 | 12025550123",
            "+4475         | 1 | 1 | 4475",
            // 10-15 digits without a trunk 0: international (the manual's 390991234567)
            "390991234567  | 1 | 1 | 390991234567",
            "4915112345678 | 1 | 1 | 4915112345678",
            "1234567890    | 1 | 1 | 1234567890",
            "123456789012345 | 1 | 1 | 123456789012345",
            // up to 8 digits: short code, network specific
            "7575          | 3 | 0 | 7575",
            "123           | 3 | 0 | 123",
            "12345678      | 3 | 0 | 12345678",
            "1             | 3 | 0 | 1",
            // ambiguous numbers: unknown/E.164, the SMSC decides
            "123456789     | 0 | 1 | 123456789",
            "0991234567    | 0 | 1 | 0991234567",
            "00380991234567 | 0 | 1 | 00380991234567",
            "1234567890123456 | 0 | 1 | 1234567890123456",
    })
    void detectsFromTheAddressForm(String address, int ton, int npi, String sent) {
        assertEquals(new Address(ton, npi, sent), AddressNumbering.detect(address));
    }

    @Test
    void emptyAddressIsUnknown() {
        assertEquals(new Address(0, 0, ""), AddressNumbering.detect(""));
        assertEquals(new Address(0, 0, ""), AddressNumbering.detect(null));
    }

    @Test
    void fixedRuleUsesTheGatewaysValuesAndLeavesTheAddressAlone() {
        NumberingRule fixed = NumberingRule.fixed(2, 1);
        assertEquals(new Address(2, 1, "+380991234567"), fixed.apply("+380991234567"));
        assertEquals(new Address(2, 1, "MyShop"), fixed.apply("MyShop"));
    }

    @Test
    void detectingRuleDetects() {
        assertEquals(new Address(5, 0, "MyShop"), NumberingRule.detected().apply("MyShop"));
        assertEquals(new Address(1, 1, "380991234567"), NumberingRule.detected().apply("+380991234567"));
    }

    @Test
    void fixedValuesOutsideTheManualsRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> NumberingRule.fixed(7, 0));
        assertThrows(IllegalArgumentException.class, () -> NumberingRule.fixed(0, 19));
    }
}
