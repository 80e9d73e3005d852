package io.smppgateway.runner.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import io.smppgateway.runner.config.LogFormat;
import io.smppgateway.runner.config.LogLevel;
import io.smppgateway.runner.config.LogSettings;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Sets up logback, the gateway's logging backend (the libraries log through SLF4J only): one console
 * appender on standard output in the format {@link LogSettings} asks for, and the loggers' levels.
 * Logging is set up once when the first logger is made, from the environment
 * ({@link EnvironmentConfigurator}), and again by {@code smpp run} once {@code smpp.conf} is read.
 */
public final class GatewayLogging {

    /**
     * Libraries that say a lot at INFO (connection pools, migrations, the HTTP and network stacks):
     * WARN unless {@code SMPP_LOG_LEVELS} names them.
     */
    public static final Map<String, LogLevel> QUIET_LIBRARIES = quietLibraries();

    /** Time with its offset, thread, level, the logger's short name, message; a stack trace on the next lines. */
    static final String TEXT_PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} [%thread] %level %logger{0} - %msg%n";

    private GatewayLogging() {
    }

    /**
     * Sets up logging as {@code settings} say, replacing what was set up before.
     *
     * @param environment where {@code JOURNAL_STREAM} is read, for {@link LogFormat#AUTO}
     * @return the format written, {@link LogFormat#AUTO} decided
     */
    public static LogFormat apply(LogSettings settings, Map<String, String> environment) {
        return apply((LoggerContext) LoggerFactory.getILoggerFactory(), settings, environment);
    }

    static LogFormat apply(LoggerContext context, LogSettings settings, Map<String, String> environment) {
        LogFormat format = decide(settings.format(), environment);
        context.reset();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setCharset(StandardCharsets.UTF_8);
        encoder.setLayout(layout(format, context));
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("console");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(settings.rootLevel()));
        root.addAppender(console);
        Map<String, LogLevel> levels = new LinkedHashMap<>(QUIET_LIBRARIES);
        levels.putAll(settings.loggerLevels());
        levels.forEach((name, level) -> context.getLogger(name).setLevel(level(level)));
        return format;
    }

    /** {@link LogFormat#AUTO} made concrete: the journal's format when standard output is the journal. */
    public static LogFormat decide(LogFormat format, Map<String, String> environment) {
        if (format != LogFormat.AUTO) {
            return format;
        }
        return JournalStream.isStandardOutput(environment) ? LogFormat.JOURNALD : LogFormat.TEXT;
    }

    private static Layout<ILoggingEvent> layout(LogFormat format, LoggerContext context) {
        Layout<ILoggingEvent> layout = switch (format) {
            case JOURNALD -> new JournaldLayout();
            case JSON -> new JsonLinesLayout();
            case TEXT, AUTO -> {
                PatternLayout pattern = new PatternLayout();
                pattern.setPattern(TEXT_PATTERN);
                yield pattern;
            }
        };
        layout.setContext(context);
        layout.start();
        return layout;
    }

    private static Level level(LogLevel level) {
        return Level.toLevel(level.name());
    }

    private static Map<String, LogLevel> quietLibraries() {
        Map<String, LogLevel> quiet = new LinkedHashMap<>();
        for (String library : new String[] {"com.zaxxer.hikari", "org.flywaydb", "io.undertow", "org.xnio",
            "org.jboss", "io.netty"}) {
            quiet.put(library, LogLevel.WARN);
        }
        return java.util.Collections.unmodifiableMap(quiet);
    }
}
