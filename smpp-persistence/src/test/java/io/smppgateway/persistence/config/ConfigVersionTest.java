package io.smppgateway.persistence.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smppgateway.persistence.DatabaseTest;
import io.smppgateway.store.ConfigVersion;
import io.smppgateway.store.DuplicateException;
import io.smppgateway.store.NotFoundException;
import io.smppgateway.store.client.Client;
import io.smppgateway.store.gateway.Gateway;
import org.junit.jupiter.api.Test;

/** Every write to the gateways and clients moves the version, in its own transaction; reads and failed writes do not. */
class ConfigVersionTest extends DatabaseTest {

    private final ConfigVersion version = db().configVersion();

    private static Gateway.Builder gateway(String smscId) {
        return Gateway.builder().smscId(smscId).host("smpp.example.com").port(2775).username("user")
                .password("pw").enqInterval(30).srcAutodetect(true).dstAutodetect(true).txBinds(0).rxBinds(0)
                .trxBinds(1).smppVersion("3.4").gsm7(true).secure(false).enabled(true);
    }

    @Test
    void eachGatewayCreateUpdateAndDeleteMovesTheVersionByOne() {
        long before = version.current();

        Gateway created = db().gateways().create(gateway("versioned-gw").build());
        assertEquals(before + 1, version.current(), "after the create");
        db().gateways().update(created.toBuilder().enabled(false).build());
        assertEquals(before + 2, version.current(), "after the update");
        db().gateways().delete(created.id());
        assertEquals(before + 3, version.current(), "after the delete");
    }

    @Test
    void eachClientCreateUpdateAndDeleteMovesTheVersionByOne() {
        long before = version.current();

        Client created = db().clients().create(Client.builder().username("versioned-esme").password("secret")
                .binds(1).enabled(true).build());
        assertEquals(before + 1, version.current(), "after the create");
        db().clients().update(created.toBuilder().binds(2).build());
        assertEquals(before + 2, version.current(), "after the update");
        db().clients().delete(created.id());
        assertEquals(before + 3, version.current(), "after the delete");
    }

    @Test
    void readsAndRefusedWritesLeaveTheVersion() {
        Gateway kept = db().gateways().create(gateway("kept-gw").build());
        long before = version.current();

        db().gateways().list();
        db().gateways().find(kept.id());
        db().clients().list();
        assertThrows(DuplicateException.class, () -> db().gateways().create(gateway("kept-gw").build()));
        assertThrows(NotFoundException.class, () -> db().gateways().delete(kept.id() + 1_000));
        assertThrows(NotFoundException.class, () -> db().clients().delete(987_654));
        assertThrows(NotFoundException.class, () -> db().gateways().update(gateway("missing-gw").build()
                .stored(kept.id() + 1_000, 0, 0)));

        assertEquals(before, version.current());
    }
}
