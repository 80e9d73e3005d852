package io.smppgateway.persistence.client;

import io.smppgateway.store.client.Client;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.store.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientValidationTest {

    @Test
    void missingRequiredFieldsAreEachNamed() {
        ValidationException error = assertThrows(ValidationException.class, () -> Client.builder().build());

        assertEquals(Map.of("binds", "required", "enabled", "required", "username", "required"), error.fields());
    }

    @Test
    void limitsOfTheManualAreEnforced() {
        ValidationException error = assertThrows(ValidationException.class, () -> Client.builder()
                .username("u".repeat(17)).password("p".repeat(10)).allowIp("1.2.3.4,".repeat(32))
                .throughput(3001).binds(31).enabled(true).build());

        assertEquals(Map.of(
                "username", "max 16 characters (got 17)",
                "password", "max 9 characters (got 10)",
                "allow_ip", "max 255 characters (got 256)",
                "throughput", "must be between 0 and 3000 (got 3001)",
                "binds", "must be between 0 and 30 (got 31)"), error.fields());
    }

    @Test
    void allowIpTakesOnlyIpv4Addresses() {
        ValidationException error = assertThrows(ValidationException.class,
                () -> ClientStoreTest.manualExample("c").allowIp("11.22.33.44, 300.1.1.1").build());
        assertEquals(Map.of("allow_ip", "not an IPv4 address: '300.1.1.1'"), error.fields());

        assertThrows(ValidationException.class, () -> ClientStoreTest.manualExample("c").allowIp("example.com").build());
    }

    @Test
    void allowIpListAdmitsOnlyItsAddresses() {
        Client client = ClientStoreTest.manualExample("c").allowIp("11.22.33.44, 55.66.77.88").build();

        assertEquals(List.of("11.22.33.44", "55.66.77.88"), client.allowedAddresses());
        assertTrue(client.admits("55.66.77.88"));
        assertFalse(client.admits("11.22.33.45"));
    }

    @Test
    void absentAllowIpAdmitsAnyAddress() {
        Client client = ClientStoreTest.manualExample("c").allowIp(null).build();

        assertEquals("", client.allowIp());
        assertTrue(client.admits("198.51.100.7"));
    }

    @Test
    void toStringDoesNotShowThePassword() {
        assertFalse(ClientStoreTest.manualExample("c").build().toString().contains("qwerty123"));
    }
}
