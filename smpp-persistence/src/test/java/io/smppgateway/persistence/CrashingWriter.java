package io.smppgateway.persistence;

import io.smppgateway.store.MessageStatus;
import io.smppgateway.store.outbound.TrackedSegment;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;

/**
 * A child process for {@link CrashTest}: writes batches of {@value #BATCH} segments, each batch in
 * one {@code recordAll}, and prints {@code committed <n>} once batch n is committed, until it is
 * killed. Arguments: those of {@link TestLocation#childArgs()}.
 */
public final class CrashingWriter {

    static final int BATCH = 20;

    private CrashingWriter() {
    }

    public static void main(String[] args) throws Exception {
        Database database = TestLocation.openFromArgs(args, StoreOptions.defaults());
        Semaphore inFlight = new Semaphore(8);
        System.out.println("ready");
        System.out.flush();
        for (int n = 0; ; n++) {
            inFlight.acquire();
            List<TrackedSegment> batch = new ArrayList<>(BATCH);
            long now = System.currentTimeMillis();
            for (int i = 0; i < BATCH; i++) {
                batch.add(new TrackedSegment(msgId(n, i), "crash", 1, 1, 0, 0, MessageStatus.SENT, 0,
                        "g" + n + "-" + i, now, now, now, 0));
            }
            int number = n;
            database.outbound().recordAll(batch).whenComplete((results, error) -> {
                inFlight.release();
                if (error == null) {
                    synchronized (System.out) {
                        System.out.println("committed " + number);
                        System.out.flush();
                    }
                }
            });
        }
    }

    static String msgId(int batch, int index) {
        return "crash-" + batch + "-" + index;
    }
}
