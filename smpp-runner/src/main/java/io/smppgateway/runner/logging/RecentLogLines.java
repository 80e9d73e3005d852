package io.smppgateway.runner.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The last {@link #CAPACITY} events the daemon logged, in memory, for the admin panel's log page:
 * an appender on logback's root logger beside the console's, each event formatted with its time in
 * ISO 8601 UTC (the panel's one time form) and cut at {@link #MAX_EVENT_CHARS}. Closing it takes it
 * off the root logger again.
 */
public final class RecentLogLines extends AppenderBase<ILoggingEvent> implements KeptLog {

    public static final int CAPACITY = 1_000;
    static final int MAX_EVENT_CHARS = 8 * 1024;
    static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} [%thread] %level %logger{0} - %msg%n%ex{20}";

    private final Deque<String> lines = new ArrayDeque<>(CAPACITY);
    private final PatternLayout layout = new PatternLayout();
    private Logger root;

    private RecentLogLines() {
    }

    /** Starts keeping the events logged from now on (through {@link KeptLog#attach()}, which checks the backend). */
    static RecentLogLines attach() {
        RecentLogLines recent = new RecentLogLines();
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
            recent.setContext(context);
            recent.setName("recent");
            recent.layout.setContext(context);
            recent.layout.setPattern(PATTERN);
            recent.layout.start();
            recent.start();
            recent.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            recent.root.addAppender(recent);
        }
        return recent;
    }

    @Override
    protected void append(ILoggingEvent event) {
        String text = layout.doLayout(event);
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.length() > MAX_EVENT_CHARS) {
            text = text.substring(0, MAX_EVENT_CHARS) + " ...";
        }
        synchronized (lines) {
            if (lines.size() == CAPACITY) {
                lines.removeFirst();
            }
            lines.addLast(text);
        }
    }

    @Override
    public List<String> recentLines(int max) {
        synchronized (lines) {
            List<String> all = new ArrayList<>(lines);
            return List.copyOf(all.subList(Math.max(0, all.size() - max), all.size()));
        }
    }

    @Override
    public void close() {
        if (root != null) {
            root.detachAppender(this);
        }
        stop();
    }
}
