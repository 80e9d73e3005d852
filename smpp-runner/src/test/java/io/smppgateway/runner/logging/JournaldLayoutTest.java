package io.smppgateway.runner.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

/**
 * The journal's line for what no test process writes easily: a text that tries to start entries of
 * its own, and a stack trace deeper than one entry holds.
 */
class JournaldLayoutTest {

    private final LoggerContext context = new LoggerContext();
    private final Logger logger = context.getLogger("io.smppgateway.smpp.server.EsmeBinder");
    private final JournaldLayout layout = new JournaldLayout();

    @Test
    void aLineBreakOrNulInALoggedTextCannotStartAnEntry() {
        String line = layout.doLayout(new LoggingEvent(Logger.class.getName(), logger, Level.INFO,
                "bind refused for system_id {}", null, new Object[] {"x\n<0>EMERG forged\r\nmore\u0000<0>again"}));

        assertEquals("<6>INFO EsmeBinder - bind refused for system_id x | <0>EMERG forged | more | <0>again\n", line);
    }

    @Test
    void aStackTraceDeeperThanAnEntryHoldsIsCut() {
        Throwable deep = recurse(3000);
        String line = layout.doLayout(new LoggingEvent(Logger.class.getName(), logger, Level.ERROR, "failed", deep,
                null));

        assertTrue(line.startsWith("<3>ERROR EsmeBinder - failed | java.lang.IllegalStateException: at the bottom | at "
                + JournaldLayoutTest.class.getName() + ".recurse("), line.substring(0, 200));
        assertEquals(1, line.split("\n", -1).length - 1, "one line");
        assertTrue(line.matches("(?s).* \\| \\.\\.\\. \\d+ characters more\n"), line.substring(line.length() - 100));
        assertTrue(line.length() < JournaldLayout.MAX_STACK_TRACE_CHARS + 200, line.length() + " characters");
    }

    private static Throwable recurse(int depth) {
        return depth == 0 ? new IllegalStateException("at the bottom") : recurse(depth - 1);
    }
}
