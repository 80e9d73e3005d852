package io.smppgateway.smpp.session;

import java.util.concurrent.atomic.AtomicInteger;

/** Hands out sequence numbers from 1 to 0x7FFFFFFF, then wraps back to 1 (SMPP 5.0, 3.2). */
public final class SequenceNumbers {

    public static final int MAX = 0x7FFFFFFF;

    private final AtomicInteger last;

    public SequenceNumbers() {
        this(0);
    }

    /** Starts after {@code last}: the first number handed out is {@code last + 1} (or 1 after MAX). */
    public SequenceNumbers(int last) {
        this.last = new AtomicInteger(last);
    }

    public int next() {
        return last.updateAndGet(current -> current >= MAX || current < 0 ? 1 : current + 1);
    }
}
