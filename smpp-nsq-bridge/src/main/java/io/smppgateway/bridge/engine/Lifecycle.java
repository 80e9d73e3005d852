package io.smppgateway.bridge.engine;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a host or the engine started, in stages, so that it stops in the reverse order within a fixed time:
 * the last stage started (the HTTP server, the bus consumers) stops first, the database last. The
 * parts of one stage stop in parallel (every ESME and SMSC session unbinds at once). A part that
 * does not stop in time is left behind with a warning, so that the process still exits when
 * promised; a part that fails to stop is logged and the others go on.
 */
public final class Lifecycle implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Lifecycle.class);

    /** One thing to stop, by name. */
    public record Part(String name, AutoCloseable closeable) {
    }

    private final Deque<List<Part>> stages = new ArrayDeque<>();
    private final Duration budget;
    private boolean closed;

    /** @param budget how long stopping everything may take, all stages together */
    public Lifecycle(Duration budget) {
        this.budget = budget;
    }

    /** Registers a stage of one part; returns the part's closeable for chaining. */
    public synchronized <T extends AutoCloseable> T add(String name, T closeable) {
        stages.push(List.of(new Part(name, closeable)));
        return closeable;
    }

    /** Registers parts that stop together, in parallel. */
    public synchronized void addTogether(Part... parts) {
        stages.push(List.of(parts));
    }

    /**
     * Stops every stage, last started first, within the budget.
     *
     * @return whether everything stopped cleanly and in time
     */
    public boolean stop() {
        List<List<Part>> toStop;
        synchronized (this) {
            if (closed) {
                return true;
            }
            closed = true;
            toStop = new ArrayList<>(stages);
            stages.clear();
        }
        long deadline = System.nanoTime() + budget.toNanos();
        boolean clean = true;
        for (List<Part> stage : toStop) {
            clean &= stopStage(stage, deadline);
        }
        return clean;
    }

    private static boolean stopStage(List<Part> stage, long deadline) {
        List<Thread> threads = new ArrayList<>();
        boolean[] failed = new boolean[stage.size()];
        for (int i = 0; i < stage.size(); i++) {
            Part part = stage.get(i);
            int index = i;
            Thread thread = new Thread(() -> {
                long started = System.nanoTime();
                try {
                    part.closeable().close();
                    log.info("stopped {} in {} ms", part.name(),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                } catch (Exception e) {
                    failed[index] = true;
                    log.warn("stopping {} failed: {}", part.name(), e.toString());
                }
            }, "stop-" + part.name().replace(' ', '-'));
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
        boolean clean = true;
        for (int i = 0; i < threads.size(); i++) {
            Thread thread = threads.get(i);
            long remaining = deadline - System.nanoTime();
            try {
                if (remaining > 0) {
                    thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                log.warn("{} did not stop in time; leaving it behind", stage.get(i).name());
                clean = false;
            } else {
                clean &= !failed[i];
            }
        }
        return clean;
    }

    @Override
    public void close() {
        stop();
    }
}
