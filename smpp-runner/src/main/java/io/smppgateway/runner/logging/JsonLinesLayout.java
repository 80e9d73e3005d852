package io.smppgateway.runner.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * One JSON object per line, for log shippers (Vector, Fluent Bit, Promtail, Filebeat):
 *
 * <pre>{@code {"timestamp":"2024-09-17T08:15:02.123Z","level":"WARN",
 *  "logger":"io.smppgateway.smpp.log.PduLogWriter","thread":"pdu-log-writer","message":"PDU log: ...",
 *  "exception":"java.io.IOException: ...\n\tat ...","mdc":{...}}}</pre>
 *
 * {@code exception} (the stack trace as Java prints it) and {@code mdc} are there only when the event
 * has them. The time is UTC with milliseconds. logback's own {@code JsonEncoder} writes epoch
 * milliseconds, the unformatted message with its arguments apart, and the stack trace as nested
 * objects: more than a shipper's parser wants.
 */
final class JsonLinesLayout extends LayoutBase<ILoggingEvent> {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Override
    public String doLayout(ILoggingEvent event) {
        StringWriter text = new StringWriter(256);
        try (JsonWriter json = new JsonWriter(text)) {
            json.beginObject();
            json.name("timestamp").value(TIMESTAMP.format(event.getInstant()));
            json.name("level").value(event.getLevel().toString());
            json.name("logger").value(event.getLoggerName());
            json.name("thread").value(event.getThreadName());
            json.name("message").value(String.valueOf(event.getFormattedMessage()));
            IThrowableProxy thrown = event.getThrowableProxy();
            if (thrown != null) {
                json.name("exception").value(ThrowableProxyUtil.asString(thrown));
            }
            Map<String, String> mdc = event.getMDCPropertyMap();
            if (mdc != null && !mdc.isEmpty()) {
                json.name("mdc").beginObject();
                for (Map.Entry<String, String> entry : mdc.entrySet()) {
                    json.name(entry.getKey()).value(entry.getValue());
                }
                json.endObject();
            }
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.append('\n').toString();
    }
}
