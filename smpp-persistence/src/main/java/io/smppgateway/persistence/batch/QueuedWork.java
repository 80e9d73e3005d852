package io.smppgateway.persistence.batch;

import java.util.concurrent.CompletableFuture;

/**
 * One write (or message-path read) waiting in a {@link GroupCommitQueue} lane. Its
 * {@link WorkKind} runs it together with the other work of the same kind in the batch; the result
 * it sets is published to {@link #future()} only after the batch's transaction commits.
 *
 * @param <R> what the caller's future completes with
 */
public abstract class QueuedWork<R> {

    private final CompletableFuture<R> future = new CompletableFuture<>();
    private R result;
    private RuntimeException refusal;
    /** The key it was routed by, set when it is queued. */
    Object routingKey;

    /** How this work is executed together with others of its kind. */
    protected abstract WorkKind<?> kind();

    /** How many rows this work writes, for batch sizing. */
    protected int size() {
        return 1;
    }

    public final CompletableFuture<R> future() {
        return future;
    }

    /** Called by the work's kind inside the transaction; a retried batch sets it again. */
    public final void setResult(R value) {
        result = value;
        refusal = null;
    }

    /**
     * Called by the work's kind when this work alone is refused (a bound reached) while the rest of
     * the batch commits; the future fails with it after the commit.
     */
    public final void setRefusal(RuntimeException error) {
        result = null;
        refusal = error;
    }

    final void complete() {
        if (refusal != null) {
            future.completeExceptionally(refusal);
        } else {
            future.complete(result);
        }
    }

    final void fail(Throwable error) {
        future.completeExceptionally(error);
    }
}
