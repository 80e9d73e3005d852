package io.smppgateway.bridge.engine;

import io.smppgateway.smpp.log.PduLogWriter;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a {@link GatewayEngine} writes the PDU logs of the product manual: one file per day per
 * ESME under {@code esmeFolder} ({@code <day>/<client_id>.log}) and per SMSC under
 * {@code smscFolder} ({@code <day>/<smsc_id>.log}), laid out as {@code LogFileLayout} says, so that
 * the REST API's log lists read the same folders.
 *
 * <pre>{@code
 * EngineOptions.builder()
 *         .pduLogs(PduLogConfig.of(Path.of("logs/server"), Path.of("logs/client")))
 *         .build();
 * }</pre>
 *
 * @param esmeFolder   the ESMEs' logs (the daemon's {@code SMPP_SERVER_LOGS_PATH})
 * @param smscFolder   the SMSCs' logs (the daemon's {@code SMPP_CLIENT_LOGS_PATH})
 * @param maxFileBytes the most one peer's file may hold in a day: a bound ESME cannot fill the
 *                     disk with its own traffic; what goes beyond is dropped and counted
 */
public record PduLogConfig(Path esmeFolder, Path smscFolder, long maxFileBytes) {

    public PduLogConfig {
        Objects.requireNonNull(esmeFolder, "esmeFolder");
        Objects.requireNonNull(smscFolder, "smscFolder");
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("maxFileBytes must be positive");
        }
    }

    /** The two folders, at most {@link PduLogWriter#DEFAULT_MAX_FILE_BYTES} (1 GiB) per file and day. */
    public static PduLogConfig of(Path esmeFolder, Path smscFolder) {
        return new PduLogConfig(esmeFolder, smscFolder, PduLogWriter.DEFAULT_MAX_FILE_BYTES);
    }

    public PduLogConfig withMaxFileBytes(long value) {
        return new PduLogConfig(esmeFolder, smscFolder, value);
    }
}
