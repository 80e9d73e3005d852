package io.smppgateway.smpp.async;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The failure a future stands for, without the {@link CompletionException} and
 * {@link ExecutionException} wrappers that composing and waiting add around it.
 */
public final class FailureCause {

    private FailureCause() {
    }

    /** The innermost cause below the wrappers; the failure itself when it is not wrapped. */
    public static Throwable of(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
