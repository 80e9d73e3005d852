package io.smppgateway.runner.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;
import io.smppgateway.runner.config.LogFormat;
import io.smppgateway.runner.config.LogLevel;
import io.smppgateway.runner.config.LogSettings;
import io.smppgateway.runner.config.Setting;
import java.util.Map;
import java.util.function.Function;

/**
 * logback's set-up when the first logger is made (found through {@code META-INF/services}): the
 * {@code SMPP_LOG_*} keys of the environment, before {@code smpp.conf} is read. A wrong value counts
 * as not set here; {@code smpp run} reports it with the other settings.
 */
public final class EnvironmentConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        Map<String, String> environment = System.getenv();
        LogSettings defaults = LogSettings.defaults();
        LogSettings settings = new LogSettings(
                read(environment, Setting.SMPP_LOG_FORMAT, LogFormat::of, defaults.format()),
                read(environment, Setting.SMPP_LOG_LEVEL, LogLevel::of, defaults.rootLevel()),
                read(environment, Setting.SMPP_LOG_LEVELS, LogSettings::parseLoggerLevels, defaults.loggerLevels()));
        GatewayLogging.apply(context, settings, environment);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    private static <T> T read(Map<String, String> environment, Setting key, Function<String, T> parser, T fallback) {
        String value = environment.get(key.name());
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
