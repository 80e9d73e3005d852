package io.smppgateway.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Instances of a cluster started at the same moment on an empty MariaDB database all come up: the
 * schema migrations run under the database's lock, once, and every instance then sees the schema.
 */
class SimultaneousStartTest {

    @Test
    void threeInstancesStartingAtOnceOnAnEmptyDatabaseAllComeUp() throws Exception {
        try (TestLocation location = TestLocation.create(Engine.MARIADB)) {
            ExecutorService starts = Executors.newFixedThreadPool(3);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Database>> opened = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                opened.add(starts.submit(() -> {
                    go.await();
                    return location.open(StoreOptions.defaults());
                }));
            }
            go.countDown();
            List<Database> databases = new ArrayList<>();
            try {
                for (Future<Database> each : opened) {
                    databases.add(each.get(120, TimeUnit.SECONDS));
                }
                for (Database database : databases) {
                    assertEquals(List.of(), database.gateways().list(), "each instance reads the migrated schema");
                }
            } finally {
                databases.forEach(Database::close);
                starts.shutdownNow();
            }
        }
    }
}
