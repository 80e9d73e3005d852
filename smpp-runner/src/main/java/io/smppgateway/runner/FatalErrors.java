package io.smppgateway.runner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the process when one of its threads dies of an {@link Error} (an OutOfMemoryError, a
 * StackOverflowError, a broken class): a daemon with a dead writer, worker or store thread would
 * look alive to systemd while it quietly stops doing its work. The handler logs one line and halts
 * with {@link #EXIT_CODE}, without running the shutdown hooks (a JVM in that state may not get
 * through them), so that {@code Restart=on-failure} starts a healthy one; what the process held is
 * recovered as after a crash (NSQ redelivers, the database has what was committed).
 *
 * <p>An exception in any other thread than {@code main} is a bug worth a log line with its stack,
 * not a reason to stop: the thread's pool replaces it. Errors that a library catches itself (Netty
 * logs what its event loops' tasks throw) never reach this handler; {@code -XX:+ExitOnOutOfMemoryError}
 * covers the out-of-memory case there.
 */
public final class FatalErrors implements Thread.UncaughtExceptionHandler {

    /** The exit code after a fatal error: not 0, 1 (a part could not start) or 2 (wrong settings). */
    public static final int EXIT_CODE = 3;

    private static final Logger log = LoggerFactory.getLogger("smpp");

    private FatalErrors() {
    }

    /** Makes this the handler of every thread that has none of its own. */
    public static void install() {
        Thread.setDefaultUncaughtExceptionHandler(new FatalErrors());
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        if (!(failure instanceof Error) && !thread.getName().equals("main")) {
            log.error("thread {} died of an unexpected exception (a bug; its work is retried by the next thread)",
                    thread.getName(), failure);
            return;
        }
        try {
            log.error("fatal: {} in thread {}; the process stops now (exit {}) so that it can be restarted",
                    failure, thread.getName(), EXIT_CODE);
        } catch (Throwable loggingFailed) {
            // out of memory, the logger may fail too: the console is all that is left
            System.err.println("fatal: " + failure + " in thread " + thread.getName() + "; exit " + EXIT_CODE);
        }
        System.err.flush();
        Runtime.getRuntime().halt(EXIT_CODE);
    }
}
