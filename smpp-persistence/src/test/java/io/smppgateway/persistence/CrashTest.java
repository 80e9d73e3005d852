package io.smppgateway.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A writer process killed with SIGKILL in the middle of its batches: every batch it saw committed
 * is there in full, and every other batch is either all there or not there at all.
 */
class CrashTest {

    private static final int COMMITTED_BEFORE_KILL = 40;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void killedWriterLosesNoCommittedRowAndLeavesNoHalfBatch(Engine engine) throws Exception {
        try (TestLocation location = TestLocation.create(engine)) {
            Set<Integer> committed = ConcurrentHashMap.newKeySet();
            Process child = startWriter(location);
            try {
                CountDownLatch enough = new CountDownLatch(1);
                Thread reader = new Thread(() -> readCommitted(child, committed, enough));
                reader.setDaemon(true);
                reader.start();
                assertTrue(enough.await(120, TimeUnit.SECONDS), "the writer committed " + committed.size() + " batches");
            } finally {
                child.destroyForcibly();   // SIGKILL: no shutdown hook, no close
                child.waitFor(30, TimeUnit.SECONDS);
            }
            Set<Integer> seen = Set.copyOf(committed);
            int highest = seen.stream().mapToInt(Integer::intValue).max().orElseThrow();

            try (Database database = location.open(StoreOptions.defaults())) {
                for (int batch = 0; batch <= highest + 40; batch++) {
                    int present = countPresent(database, batch);
                    if (seen.contains(batch)) {
                        assertEquals(CrashingWriter.BATCH, present, "committed batch " + batch + " is complete");
                    } else {
                        assertTrue(present == 0 || present == CrashingWriter.BATCH,
                                "batch " + batch + " is all in or all out, found " + present);
                    }
                }
            }
        }
    }

    private static int countPresent(Database database, int batch) {
        List<CompletableFuture<Boolean>> found = new ArrayList<>();
        for (int i = 0; i < CrashingWriter.BATCH; i++) {
            found.add(database.outbound().find(CrashingWriter.msgId(batch, i), 1).thenApply(o -> o.isPresent()));
        }
        return (int) found.stream().filter(DatabaseTest::await).count();
    }

    private static Process startWriter(TestLocation location) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrashingWriter.class.getName());
        command.addAll(location.childArgs());
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static void readCommitted(Process child, Set<Integer> committed, CountDownLatch enough) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("committed ")) {
                    committed.add(Integer.parseInt(line.substring("committed ".length())));
                    if (committed.size() >= COMMITTED_BEFORE_KILL) {
                        enough.countDown();
                    }
                }
            }
        } catch (Exception e) {
            // the child was killed: its output ends here
        }
    }
}
