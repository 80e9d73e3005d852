package io.smppgateway.persistence;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Base of every repository test: the test class runs once on MariaDB and once on the embedded
 * database, each time on a fresh database of its own.
 */
@ParameterizedClass(name = "{0}")
@EnumSource(Engine.class)
public abstract class DatabaseTest {

    /** Options of the shared database: a short receipt window and a small pending bound keep tests quick. */
    public static final StoreOptions OPTIONS = StoreOptions.defaults()
            .withReceiptLookupWindow(Duration.ofMillis(1500))
            .withPendingReceiptsPerClient(5)
            .withRetention(Duration.ofDays(7), 7, Duration.ZERO);

    private static TestLocation location;
    private static Database database;

    @Parameter
    protected Engine engine;

    @BeforeParameterizedClassInvocation
    static void openDatabase(Engine engine) {
        location = TestLocation.create(engine);
        database = location.open(OPTIONS);
    }

    @AfterParameterizedClassInvocation
    static void closeDatabase() {
        try {
            if (database != null) {
                database.close();
            }
        } finally {
            database = null;
            if (location != null) {
                location.close();
                location = null;
            }
        }
    }

    protected static Database db() {
        return database;
    }

    protected static TestLocation location() {
        return location;
    }

    /** Waits, generously, for an async result; a failure comes back as the future's own cause. */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new AssertionError("no result within 30 s", e);
        }
    }
}
