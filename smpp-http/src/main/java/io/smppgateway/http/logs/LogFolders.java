package io.smppgateway.http.logs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the PDU logs are: {@code SMPP_CLIENT_LOGS_PATH} (our SMPP client, one log per SMSC) and
 * {@code SMPP_SERVER_LOGS_PATH} (our SMPP server, one log per ESME). Laid out as
 * {@link io.smppgateway.smpp.log.LogFileLayout} says.
 */
public record LogFolders(Path gateways, Path clients) {

    public LogFolders {
        gateways = Objects.requireNonNull(gateways, "gateways").toAbsolutePath().normalize();
        clients = Objects.requireNonNull(clients, "clients").toAbsolutePath().normalize();
    }
}
