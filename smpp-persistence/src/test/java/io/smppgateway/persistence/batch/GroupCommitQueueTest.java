package io.smppgateway.persistence.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.persistence.DatabaseTest;
import io.smppgateway.store.OverloadedException;
import io.smppgateway.store.PersistenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The group-commit writer itself, on an in-memory H2 table, with work kinds written for the test. */
class GroupCommitQueueTest {

    private Jdbi jdbi;
    private Handle keepAlive;

    @BeforeEach
    void createTable() {
        jdbi = Jdbi.create("jdbc:h2:mem:gcq" + System.nanoTime() + ";MODE=MySQL");
        keepAlive = jdbi.open();
        keepAlive.execute("CREATE TABLE rows_written (v INT NOT NULL PRIMARY KEY)");
    }

    @AfterEach
    void dropTable() {
        keepAlive.close();
    }

    /** Inserts its value; a null value violates NOT NULL; a latch makes the writer wait. */
    private static final class Insert extends QueuedWork<Integer> {
        final Integer value;
        final CountDownLatch hold;

        Insert(Integer value, CountDownLatch hold) {
            this.value = value;
            this.hold = hold;
        }

        @Override
        protected WorkKind<?> kind() {
            return INSERT;
        }
    }

    private static final WorkKind<Insert> INSERT = new WorkKind<>() {
        @Override
        public int phase() {
            return PHASE_INSERT;
        }

        @Override
        public void apply(Handle handle, List<Insert> works) {
            for (Insert work : works) {
                if (work.hold != null) {
                    try {
                        work.hold.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            var batch = handle.prepareBatch("INSERT INTO rows_written (v) VALUES (:v)");
            for (Insert work : works) {
                batch.bind("v", work.value).add();
                work.setResult(work.value);
            }
            batch.execute();
        }
    };

    private List<Integer> rows() {
        return keepAlive.createQuery("SELECT v FROM rows_written ORDER BY v").mapTo(Integer.class).list();
    }

    @Test
    void fullLaneFailsAtOnceWithOverloaded() {
        CountDownLatch hold = new CountDownLatch(1);
        try (GroupCommitQueue queue = new GroupCommitQueue(jdbi, "test", 1, 2, 1)) {
            CompletableFuture<Integer> blocking = queue.submit(0, new Insert(1, hold));
            waitUntil(() -> queue.pending() == 0);   // the writer holds it
            CompletableFuture<Integer> second = queue.submit(0, new Insert(2, null));
            CompletableFuture<Integer> third = queue.submit(0, new Insert(3, null));

            CompletableFuture<Integer> refused = queue.submit(0, new Insert(4, null));

            ExecutionException error = assertThrows(ExecutionException.class, () -> refused.get(1, TimeUnit.SECONDS));
            assertInstanceOf(OverloadedException.class, error.getCause());
            assertTrue(error.getCause().getMessage().contains("is full (2 pending writes)"), error.getCause().getMessage());
            hold.countDown();
            assertEquals(List.of(1, 2, 3), List.of(DatabaseTest.await(blocking), DatabaseTest.await(second),
                    DatabaseTest.await(third)));
        }
        assertEquals(List.of(1, 2, 3), rows());
    }

    @Test
    void oneBadWorkFailsAloneAndTheRestOfItsBatchCommits() {
        CountDownLatch hold = new CountDownLatch(1);
        List<CompletableFuture<Integer>> good = new ArrayList<>();
        CompletableFuture<Integer> bad;
        try (GroupCommitQueue queue = new GroupCommitQueue(jdbi, "test", 1, 100, 100)) {
            queue.submit(0, new Insert(0, hold));
            waitUntil(() -> queue.pending() == 0);
            for (int i = 1; i <= 5; i++) {
                good.add(queue.submit(0, new Insert(i, null)));
            }
            bad = queue.submit(0, new Insert(null, null));
            for (int i = 6; i <= 10; i++) {
                good.add(queue.submit(0, new Insert(i, null)));
            }
            hold.countDown();

            assertThrows(PersistenceException.class, () -> DatabaseTest.await(bad));
            good.forEach(DatabaseTest::await);
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10), rows());
    }

    @Test
    void writesQueuedWhileTheWriterIsBusyCommitAsOneBatch() {
        CountDownLatch hold = new CountDownLatch(1);
        try (GroupCommitQueue queue = new GroupCommitQueue(jdbi, "test", 1, 100, 100)) {
            CompletableFuture<Integer> first = queue.submit(0, new Insert(0, hold));
            waitUntil(() -> queue.pending() == 0);
            List<CompletableFuture<Integer>> queued = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                queued.add(queue.submit(0, new Insert(i, null)));
            }
            hold.countDown();
            DatabaseTest.await(first);
            queued.forEach(DatabaseTest::await);

            assertEquals(11, queue.committedWorks());
            assertEquals(2, queue.committedBatches());
        }
    }

    /** Work that only notes when it ran, ordinary or urgent. */
    private static final class Noted extends QueuedWork<Integer> {
        final int value;
        final WorkKind<Noted> kind;

        Noted(int value, WorkKind<Noted> kind) {
            this.value = value;
            this.kind = kind;
        }

        @Override
        protected WorkKind<?> kind() {
            return kind;
        }
    }

    private static WorkKind<Noted> noting(List<Integer> ran, boolean urgent) {
        return new WorkKind<>() {
            @Override
            public int phase() {
                return PHASE_LOOKUP;
            }

            @Override
            public boolean urgent() {
                return urgent;
            }

            @Override
            public void apply(Handle handle, List<Noted> works) {
                for (Noted work : works) {
                    ran.add(work.value);
                    work.setResult(work.value);
                }
            }
        };
    }

    @Test
    void urgentWorkGoesBeforeOrdinaryWorkQueuedEarlierExceptAStepOfTheSameMessage() {
        CountDownLatch hold = new CountDownLatch(1);
        List<Integer> ran = java.util.Collections.synchronizedList(new ArrayList<>());
        WorkKind<Noted> ordinary = noting(ran, false);
        WorkKind<Noted> urgent = noting(ran, true);
        try (GroupCommitQueue queue = new GroupCommitQueue(jdbi, "test", 1, 100, 1)) {
            CompletableFuture<Integer> blocking = queue.submit(0, new Insert(0, hold));
            waitUntil(() -> queue.pending() == 0);
            List<CompletableFuture<Integer>> all = new ArrayList<>();
            for (int i = 1; i <= 3; i++) {
                all.add(queue.submit("message-" + i, new Noted(i, ordinary)));
            }
            all.add(queue.submit("message-101", new Noted(101, urgent)));
            all.add(queue.submit("message-2", new Noted(102, urgent)));   // message 2 waits: queued as ordinary
            all.add(queue.submit("message-103", new Noted(103, urgent)));
            assertEquals(6, queue.pending());

            hold.countDown();
            DatabaseTest.await(blocking);
            all.forEach(DatabaseTest::await);
        }
        assertEquals(List.of(101, 103, 1, 2, 3, 102), ran);
    }

    @Test
    void closeCommitsWhatIsQueuedThenRefusesNewWork() {
        GroupCommitQueue queue = new GroupCommitQueue(jdbi, "test", 2, 1000, 50);
        List<CompletableFuture<Integer>> futures = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            futures.add(queue.submit(i, new Insert(i, null)));
        }

        queue.close();

        futures.forEach(f -> assertTrue(f.isDone() && !f.isCompletedExceptionally()));
        assertEquals(500, rows().size());
        assertThrows(PersistenceException.class, () -> DatabaseTest.await(queue.submit(0, new Insert(999, null))));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached within 30 s");
            }
            Thread.onSpinWait();
        }
    }
}
