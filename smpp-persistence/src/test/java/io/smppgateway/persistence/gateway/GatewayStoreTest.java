package io.smppgateway.persistence.gateway;

import io.smppgateway.store.gateway.Gateway;
import io.smppgateway.store.gateway.GatewayStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.persistence.DatabaseTest;
import io.smppgateway.store.DuplicateException;
import io.smppgateway.store.NotFoundException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class GatewayStoreTest extends DatabaseTest {

    private final GatewayStore store = db().gateways();

    static Gateway.Builder manualExample(String smscId) {
        // the manual's POST /api/gateways example
        return Gateway.builder().smscId(smscId).host("smpp.mygateway.com").port(2775).username("myusername")
                .password("mypassw").enqInterval(30).srcAutodetect(true).dstAutodetect(true)
                .txBinds(0).rxBinds(0).trxBinds(1).smppVersion("3.4").gsm7(true).secure(false).enabled(true);
    }

    private static String uniqueSmscId() {
        return "smsc-" + UUID.randomUUID();
    }

    @Test
    void createAssignsIdAndUnixSecondTimes() {
        long before = Instant.now().getEpochSecond();
        Gateway created = store.create(manualExample(uniqueSmscId()).build());
        long after = Instant.now().getEpochSecond();

        assertTrue(created.id() > 0);
        assertTrue(created.created() >= before && created.created() <= after, "created in Unix seconds");
        assertEquals(created.created(), created.updated());
        assertEquals(Optional.of(created), store.find(created.id()));
    }

    @Test
    void everyFieldRoundTrips() {
        Gateway gateway = Gateway.builder().smscId(uniqueSmscId()).host("10.0.0.1").port(65535).username("u16u16u16u16u16u")
                .password("123456789").systemType("abcdefghijklm").enqInterval(120).srcAutodetect(false)
                .sourceTon(6).sourceNpi(18).dstAutodetect(false).destTon(5).destNpi(9).txBinds(10).rxBinds(9)
                .trxBinds(8).windowSize(1000).smppVersion("5.0").gsm7(false).secure(true).enabled(false).build();

        Gateway created = store.create(gateway);

        assertEquals(gateway.stored(created.id(), created.created(), created.updated()), created);
        assertEquals(created, store.findBySmscId(gateway.smscId()).orElseThrow());
    }

    @Test
    void manualTypoVersionIsStoredDotted() {
        Gateway created = store.create(manualExample(uniqueSmscId()).smppVersion("3,4").build());

        assertEquals("3.4", store.find(created.id()).orElseThrow().smppVersion());
    }

    @Test
    void duplicateSmscIdIsRefusedByName() {
        String smscId = uniqueSmscId();
        store.create(manualExample(smscId).build());

        DuplicateException error = assertThrows(DuplicateException.class,
                () -> store.create(manualExample(smscId).host("other.example").build()));
        assertEquals("smsc_id", error.field());
    }

    @Test
    void smscIdsDifferingOnlyInCaseAreDistinct() {
        String smscId = uniqueSmscId();
        store.create(manualExample(smscId).build());

        Gateway upper = store.create(manualExample(smscId.toUpperCase()).build());

        assertEquals(upper, store.findBySmscId(smscId.toUpperCase()).orElseThrow());
    }

    @Test
    void updateKeepsCreatedAndReplacesFields() {
        Gateway created = store.create(manualExample(uniqueSmscId()).build());

        Gateway updated = store.update(created.toBuilder().host("new.example").trxBinds(3).enabled(false).build());

        assertEquals(created.created(), updated.created());
        assertTrue(updated.updated() >= created.updated());
        Gateway read = store.find(created.id()).orElseThrow();
        assertEquals(updated, read);
        assertEquals("new.example", read.host());
        assertEquals(3, read.trxBinds());
    }

    @Test
    void updateToAnotherGatewaysSmscIdIsRefused() {
        String taken = uniqueSmscId();
        store.create(manualExample(taken).build());
        Gateway other = store.create(manualExample(uniqueSmscId()).build());

        assertThrows(DuplicateException.class, () -> store.update(other.toBuilder().smscId(taken).build()));
        assertEquals(other, store.find(other.id()).orElseThrow());
    }

    @Test
    void updateOfUnknownIdIsNotFound() {
        Gateway never = manualExample(uniqueSmscId()).id(987_654_321L).build();

        assertThrows(NotFoundException.class, () -> store.update(never));
    }

    @Test
    void deleteRemovesAndUnknownIsNotFound() {
        Gateway created = store.create(manualExample(uniqueSmscId()).build());

        store.delete(created.id());

        assertEquals(Optional.empty(), store.find(created.id()));
        assertThrows(NotFoundException.class, () -> store.delete(created.id()));
    }

    @Test
    void listIsOrderedById() {
        Gateway first = store.create(manualExample(uniqueSmscId()).build());
        Gateway second = store.create(manualExample(uniqueSmscId()).build());

        var ids = store.list().stream().map(Gateway::id).toList();

        assertTrue(ids.indexOf(first.id()) >= 0 && ids.indexOf(first.id()) < ids.indexOf(second.id()));
    }

    @Test
    void findBySmscIdOfUnknownOrOverlongIsEmpty() {
        assertEquals(Optional.empty(), store.findBySmscId("nope-" + UUID.randomUUID()));
        assertEquals(Optional.empty(), store.findBySmscId("x".repeat(101)));
    }
}
