package io.smppgateway.nsq;

/** The producer's bounded queue of unsent publishes is full: the publish was refused at once. */
public final class NsqQueueFullException extends NsqNotSentException {

    private final int capacity;

    public NsqQueueFullException(int capacity) {
        super("nsq producer queue is full (" + capacity + " unsent messages); publish refused");
        this.capacity = capacity;
    }

    public int capacity() {
        return capacity;
    }
}
