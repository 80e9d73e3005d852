package io.smppgateway.runner.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;

/**
 * One line per event for systemd's journal, which reads a leading {@code <N>} as the entry's syslog
 * priority ({@code journalctl -p warning} selects on it) and makes an entry of every line. So the
 * line starts with the priority, and a message's or stack trace's own line breaks are folded into
 * {@value #FOLD}: a stack trace stays in the one entry of its event, and no text logged can make
 * an entry of its own. No time: the journal stamps each entry itself.
 *
 * <pre>{@code <4>WARN PduLogWriter - PDU log: 120 entries dropped ...
 * <3>ERROR smpp - thread worker-1 died ... | java.lang.IllegalStateException: boom | at io.smppgateway...}</pre>
 */
final class JournaldLayout extends LayoutBase<ILoggingEvent> {

    static final String FOLD = " | ";

    /**
     * The most characters of a folded stack trace: journald splits lines longer than its
     * {@code LineMax} (48 KiB by default) into several entries.
     */
    static final int MAX_STACK_TRACE_CHARS = 32 * 1024;

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder line = new StringBuilder(128);
        line.append('<').append(priority(event.getLevel())).append('>').append(event.getLevel()).append(' ')
                .append(shortName(event.getLoggerName())).append(" - ");
        fold(line, String.valueOf(event.getFormattedMessage()));
        IThrowableProxy thrown = event.getThrowableProxy();
        if (thrown != null) {
            StringBuilder stack = new StringBuilder(1024);
            fold(stack, ThrowableProxyUtil.asString(thrown));
            if (stack.length() > MAX_STACK_TRACE_CHARS) {
                int more = stack.length() - MAX_STACK_TRACE_CHARS;
                stack.setLength(MAX_STACK_TRACE_CHARS);
                stack.append(FOLD).append("... ").append(more).append(" characters more");
            }
            line.append(FOLD).append(stack);
        }
        return line.append('\n').toString();
    }

    /** The syslog priority of a level: err 3, warning 4, info 6, debug 7. */
    static int priority(Level level) {
        if (level.isGreaterOrEqual(Level.ERROR)) {
            return 3;
        }
        if (level.isGreaterOrEqual(Level.WARN)) {
            return 4;
        }
        return level.isGreaterOrEqual(Level.INFO) ? 6 : 7;
    }

    /** The last part of a dotted logger name: {@code PduLogWriter}, or {@code smpp} as it is. */
    static String shortName(String loggerName) {
        return loggerName.substring(loggerName.lastIndexOf('.') + 1);
    }

    /**
     * Appends {@code text} with its line breaks as {@link #FOLD}, and without the tabs that indent
     * stack frames. NUL counts as a line break: journald ends an entry at NUL too. So a message
     * cannot start an entry of its own (an ESME's system_id of {@code "x\n<0>..."} stays in its line).
     */
    private static void fold(StringBuilder line, String text) {
        String[] lines = text.split("\r\n|\r|\n|\u0000");
        boolean first = true;
        for (String part : lines) {
            String kept = part.strip();
            if (kept.isEmpty()) {
                continue;
            }
            if (!first) {
                line.append(FOLD);
            }
            line.append(kept);
            first = false;
        }
    }
}
