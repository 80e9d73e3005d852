package io.smppgateway.persistence.client;

import io.smppgateway.store.client.Client;
import io.smppgateway.store.client.ClientStore;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.persistence.DatabaseTest;
import io.smppgateway.store.DuplicateException;
import io.smppgateway.store.NotFoundException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ClientStoreTest extends DatabaseTest {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private final ClientStore store = db().clients();

    static Client.Builder manualExample(String username) {
        // the manual's POST /api/clients example
        return Client.builder().username(username).password("qwerty123").allowIp("11.22.33.44,55.66.77.88")
                .throughput(0).binds(3).enabled(true);
    }

    private static String uniqueUsername() {
        return "esme" + System.nanoTime() % 1_000_000 + "-" + NEXT.incrementAndGet();
    }

    @Test
    void createAssignsIdAndUnixSecondTimes() {
        long before = Instant.now().getEpochSecond();
        Client created = store.create(manualExample(uniqueUsername()).build());

        assertTrue(created.id() > 0);
        assertTrue(created.created() >= before && created.created() <= Instant.now().getEpochSecond());
        assertEquals(Optional.of(created), store.find(created.id()));
        assertEquals(Optional.of(created), store.findByUsername(created.username()));
    }

    @Test
    void duplicateUsernameIsRefusedByName() {
        String username = uniqueUsername();
        store.create(manualExample(username).build());

        DuplicateException error = assertThrows(DuplicateException.class,
                () -> store.create(manualExample(username).password("other").build()));
        assertEquals("username", error.field());
    }

    @Test
    void updateKeepsCreatedAndReplacesFields() {
        Client created = store.create(manualExample(uniqueUsername()).build());

        Client updated = store.update(created.toBuilder().allowIp("").throughput(3000).binds(30).enabled(false).build());

        assertEquals(created.created(), updated.created());
        assertEquals(updated, store.find(created.id()).orElseThrow());
        assertEquals("", updated.allowIp());
        assertTrue(updated.admits("203.0.113.9"), "empty allow_ip admits any address");
    }

    @Test
    void updateToAnotherClientsUsernameIsRefused() {
        String taken = uniqueUsername();
        store.create(manualExample(taken).build());
        Client other = store.create(manualExample(uniqueUsername()).build());

        assertThrows(DuplicateException.class, () -> store.update(other.toBuilder().username(taken).build()));
    }

    @Test
    void unknownIdsAreNotFound() {
        assertThrows(NotFoundException.class, () -> store.update(manualExample(uniqueUsername()).id(987_654_321L).build()));
        assertThrows(NotFoundException.class, () -> store.delete(987_654_321L));
        assertEquals(Optional.empty(), store.find(987_654_321L));
    }

    @Test
    void deleteRemoves() {
        Client created = store.create(manualExample(uniqueUsername()).build());

        store.delete(created.id());

        assertEquals(Optional.empty(), store.findByUsername(created.username()));
        assertTrue(store.list().stream().noneMatch(c -> c.id() == created.id()));
    }
}
