package io.smppgateway.runner.logging;

import io.smppgateway.http.live.DaemonLog;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The daemon's recent log as the admin panel shows it, kept while it is open. With logback, the
 * daemon's backend, the last events are kept ({@link RecentLogLines}); in a host whose slf4j
 * backend is another (the examples run the daemon on slf4j-simple), none are, and logback's
 * classes are not even loaded.
 */
public interface KeptLog extends DaemonLog, AutoCloseable {

    /** Starts keeping the events logged from now on, when the backend is logback. */
    static KeptLog attach() {
        if (LoggerFactory.getILoggerFactory().getClass().getName().equals("ch.qos.logback.classic.LoggerContext")) {
            return RecentLogLines.attach();
        }
        return new KeptLog() {
            @Override
            public List<String> recentLines(int max) {
                return List.of();
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    void close();
}
