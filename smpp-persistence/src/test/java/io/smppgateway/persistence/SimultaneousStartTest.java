package io.smppgateway.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Instances of a cluster started at the same moment on an empty MariaDB database all come up: the
 * schema migrations run under the database's lock, once, and every instance then sees the schema.
 * Point 9 of the cluster's behaviours (the map is in smpp-nsq-bridge's {@code TestCluster}).
 */
class SimultaneousStartTest {

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {2, 3})
    void instancesStartingAtOnceOnAnEmptyDatabaseAllComeUp(int instances) throws Exception {
        try (TestLocation location = TestLocation.create(Engine.MARIADB)) {
            ExecutorService starts = Executors.newFixedThreadPool(instances);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Database>> opened = new ArrayList<>();
            for (int i = 0; i < instances; i++) {
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
