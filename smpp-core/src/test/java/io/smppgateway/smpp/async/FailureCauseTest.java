package io.smppgateway.smpp.async;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FailureCauseTest {

    @Test
    void theWrappersOfComposingAndWaitingAreTakenOff() {
        IOException cause = new IOException("refused");
        assertSame(cause, FailureCause.of(new CompletionException(new ExecutionException(cause))));
        Throwable composed = CompletableFuture.failedFuture(cause).thenApply(x -> x).handle((x, f) -> f).join();
        assertSame(cause, FailureCause.of(composed));
    }

    @Test
    void aFailureThatIsNotAWrapperIsItsOwnCause() {
        IllegalStateException failure = new IllegalStateException("outer", new IOException("inner"));
        assertSame(failure, FailureCause.of(failure));
    }

    @Test
    void aWrapperWithoutACauseIsKept() {
        CompletionException empty = new CompletionException("no cause", null);
        assertSame(empty, FailureCause.of(empty));
    }
}
