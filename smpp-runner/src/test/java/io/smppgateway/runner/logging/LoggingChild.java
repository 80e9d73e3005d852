package io.smppgateway.runner.logging;

import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A JVM of its own for {@link LogFormatsTest}: logging set up as the gateway's is when the first
 * logger is made ({@link EnvironmentConfigurator}, from the environment it was started with), then
 * one event of each kind.
 */
public final class LoggingChild {

    private LoggingChild() {
    }

    public static void main(String[] args) {
        Logger log = LoggerFactory.getLogger(LoggingChild.class);
        log.debug("a debug line of the child");
        log.info("an info line");
        log.warn("a warning");
        log.error("a failure", new IllegalStateException("boom", new IOException("disk gone")));
        LoggerFactory.getLogger("io.smppgateway.bridge.flow.OutboundFlow").debug("a debug line of the bridge");
        log.info("a message\nof two lines");
        MDC.put("smsc", "smsc01");
        log.info("with a context");
        MDC.clear();
        log.info("text: Привет, مرحبا, \uD83D\uDE00");
    }
}
