package io.smppgateway.persistence.gateway;

import io.smppgateway.store.gateway.Gateway;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smppgateway.store.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayValidationTest {

    @Test
    void missingRequiredFieldsAreEachNamed() {
        ValidationException error = assertThrows(ValidationException.class, () -> Gateway.builder().build());

        assertEquals(Map.ofEntries(
                Map.entry("port", "required"), Map.entry("enq_interval", "required"),
                Map.entry("src_autodetect", "required"), Map.entry("dst_autodetect", "required"),
                Map.entry("tx_binds", "required"), Map.entry("rx_binds", "required"),
                Map.entry("trx_binds", "required"), Map.entry("is_gsm7", "required"),
                Map.entry("is_secure", "required"), Map.entry("enabled", "required"),
                Map.entry("smsc_id", "required"), Map.entry("host", "required"),
                Map.entry("username", "required"), Map.entry("smpp_version", "required")), error.fields());
    }

    @Test
    void overlongTextsAreRefusedNotTruncated() {
        ValidationException error = assertThrows(ValidationException.class, () -> GatewayStoreTest.manualExample("s".repeat(101))
                .host("h".repeat(101)).username("u".repeat(17)).password("p".repeat(10)).systemType("t".repeat(14))
                .build());

        assertEquals(Map.of(
                "smsc_id", "max 100 characters (got 101)",
                "host", "max 100 characters (got 101)",
                "username", "max 16 characters (got 17)",
                "password", "max 9 characters (got 10)",
                "system_type", "max 13 characters (got 14)"), error.fields());
    }

    @Test
    void numbersOutsideTheManualsRangesAreRefused() {
        ValidationException error = assertThrows(ValidationException.class, () -> GatewayStoreTest.manualExample("s")
                .port(65536).enqInterval(121).sourceTon(7).sourceNpi(19).destTon(-1).destNpi(19)
                .txBinds(11).rxBinds(-1).trxBinds(11).windowSize(1001).build());

        assertEquals(java.util.Set.of("port", "enq_interval", "source_ton", "source_npi", "dest_ton", "dest_npi",
                "tx_binds", "rx_binds", "trx_binds", "window_size"), error.fields().keySet());
        assertEquals("must be between 1 and 65535 (got 65536)", error.fields().get("port"));
        assertEquals("must be between 1 and 1000 (got 1001)", error.fields().get("window_size"));
    }

    @Test
    void windowSizeDefaultsToOne() {
        assertEquals(1, GatewayStoreTest.manualExample("s").build().windowSize());
    }

    @Test
    void windowSizeZeroIsRefused() {
        ValidationException error = assertThrows(ValidationException.class,
                () -> GatewayStoreTest.manualExample("s").windowSize(0).build());
        assertEquals(Map.of("window_size", "must be between 1 and 1000 (got 0)"), error.fields());
    }

    @Test
    void smppVersionIsOneOfThreeWithTheManualsTypoTolerated() {
        assertEquals("3.3", GatewayStoreTest.manualExample("s").smppVersion("3.3").build().smppVersion());
        assertEquals("3.4", GatewayStoreTest.manualExample("s").smppVersion("3,4").build().smppVersion());
        assertEquals("5.0", GatewayStoreTest.manualExample("s").smppVersion("5.0").build().smppVersion());

        ValidationException error = assertThrows(ValidationException.class,
                () -> GatewayStoreTest.manualExample("s").smppVersion("4.0").build());
        assertEquals(Map.of("smpp_version", "must be one of 3.3, 3.4, 5.0 (got '4.0')"), error.fields());
    }

    @Test
    void theRecordConstructorValidatesToo() {
        ValidationException error = assertThrows(ValidationException.class, () -> new Gateway(0, "s", "h", 0, "u", null,
                null, 30, true, 0, 0, true, 0, 0, 0, 0, 1, 1, "3.4", true, false, true, 0, 0));
        assertEquals(Map.of("port", "must be between 1 and 65535 (got 0)"), error.fields());
    }

    @Test
    void optionalTextsDefaultToEmpty() {
        Gateway gateway = GatewayStoreTest.manualExample("s").password(null).systemType(null).build();
        assertEquals("", gateway.password());
        assertEquals("", gateway.systemType());
    }

    @Test
    void toStringDoesNotShowThePassword() {
        Gateway gateway = GatewayStoreTest.manualExample("s").password("secret99").build();
        assertEquals(-1, gateway.toString().indexOf("secret99"));
    }
}
