package io.smppgateway.smpp.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * A budget for log lines that a peer can make us write as often as it likes (an invalid PDU, a
 * refused bind, a connection over the limit): the first few lines of a kind per window are
 * written, the rest only counted, and the counts come back as one summary line per kind. A peer
 * that sends a megabyte of garbage thus costs a few lines, not ten megabytes of journal.
 *
 * <pre>{@code
 * long skipped = lines.take("refused bind from " + address);
 * if (skipped >= 0) log.info("bind refused ...{}", RepeatedLines.suffix(skipped));
 * ...
 * lines.drainEnded().forEach(s -> log.info("{} more lines like '{}' were not written", s.count(), s.key()));
 * }</pre>
 *
 * <p>It keeps at most {@code maxKeys} kinds; further kinds share one, so that many peers cannot
 * grow it either. Thread-safe.
 */
public final class RepeatedLines {

    /** The key that counts lines of kinds beyond {@code maxKeys}. */
    public static final String OTHERS = "(other peers)";

    /** Lines of one kind that were not written. */
    public record Summary(String key, long count) {
    }

    private static final class Window {
        final long startedNanos;
        int written;
        long skipped;

        Window(long startedNanos) {
            this.startedNanos = startedNanos;
        }
    }

    private final int linesPerWindow;
    private final long windowNanos;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final Map<String, Window> windows = new LinkedHashMap<>();
    private long lastDrainNanos;
    private boolean drained;

    public RepeatedLines(int linesPerWindow, Duration window, int maxKeys, LongSupplier nanoTime) {
        if (linesPerWindow < 1 || maxKeys < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a budget needs at least one line, one key and a window");
        }
        this.linesPerWindow = linesPerWindow;
        this.windowNanos = window.toNanos();
        this.maxKeys = maxKeys;
        this.nanoTime = nanoTime;
    }

    /** Five lines per kind per minute, for 1,000 kinds. */
    public static RepeatedLines perMinute() {
        return new RepeatedLines(5, Duration.ofMinutes(1), 1_000, System::nanoTime);
    }

    /**
     * Asks to write a line of kind {@code key}.
     *
     * @return -1 when the line is not to be written (it is counted), else how many lines of this
     *         kind were skipped in its previous window (usually 0), to be said in the line
     */
    public synchronized long take(String key) {
        long now = nanoTime.getAsLong();
        Window window = windows.get(key);
        if (window == null) {
            if (windows.size() >= maxKeys) {
                dropEnded(now, null);
            }
            if (windows.size() >= maxKeys) {
                key = OTHERS;
                window = windows.get(OTHERS);
            }
        }
        long skippedBefore = 0;
        if (window == null || now - window.startedNanos >= windowNanos) {
            skippedBefore = window == null ? 0 : window.skipped;
            window = new Window(now);
            windows.put(key, window);
        }
        if (window.written < linesPerWindow) {
            window.written++;
            return skippedBefore;
        }
        window.skipped++;
        return -1;
    }

    /**
     * The kinds whose window has ended with lines skipped; they are forgotten. Cheap to call often:
     * it looks at the kinds at most once a second and answers an empty list in between.
     */
    public synchronized List<Summary> drainEnded() {
        long now = nanoTime.getAsLong();
        if (drained && now - lastDrainNanos < 1_000_000_000L) {
            return List.of();
        }
        drained = true;
        lastDrainNanos = now;
        List<Summary> ended = new ArrayList<>();
        dropEnded(now, ended);
        return ended;
    }

    private void dropEnded(long now, List<Summary> ended) {
        for (Iterator<Map.Entry<String, Window>> it = windows.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Window> entry = it.next();
            Window window = entry.getValue();
            if (now - window.startedNanos >= windowNanos) {
                if (window.skipped > 0 && ended != null) {
                    ended.add(new Summary(entry.getKey(), window.skipped));
                }
                if (window.skipped == 0 || ended != null) {
                    it.remove();
                }
            }
        }
    }

    /** The text to end a written line with when lines were skipped before it. */
    public static String suffix(long skippedBefore) {
        return skippedBefore > 0 ? " (" + skippedBefore + " more like it in the last window were not logged)" : "";
    }
}
