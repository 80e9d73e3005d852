package io.smppgateway.runner.config;

import java.nio.file.Path;

/**
 * Everything {@code smpp.conf} and the environment say, checked and with defaults filled in.
 * Relative paths are resolved against {@code home} (the launcher's folder), so that a systemd
 * unit, which starts in {@code /}, finds the same folders as a shell in the install folder.
 *
 * @param home       the launcher's folder ({@code SMPP_HOME}), where {@code smpp.conf} is looked for
 * @param source     where the settings came from, for messages (the file, or "defaults")
 * @param dataFolder {@code SMPP_DATA_PATH}: the embedded database and the generated credentials
 * @param clientCa   {@code SMPP_CLIENT_CA_PATH}: the PEM certificates {@code is_secure} gateways trust
 *                   instead of the JVM's authorities, or {@code null} for the JVM's
 * @param pduLogMaxFileBytes {@code SMPP_PDU_LOG_MAX_FILE_MB} in octets: the most one peer's PDU log file holds in a day
 * @param logging    {@code SMPP_LOG_FORMAT}, {@code SMPP_LOG_LEVEL} and {@code SMPP_LOG_LEVELS}: how the gateway logs
 */
public record GatewaySettings(Path home, String source, DatabaseChoice database, BusChoice bus, SmppListeners smpp,
                              Path serverLogs, Path clientLogs, Path dataFolder, HttpAccess http, Path clientCa,
                              long pduLogMaxFileBytes, LogSettings logging) {

    /** Whether both the database and the bus are the embedded ones (nothing to install). */
    public boolean embeddedDefaults() {
        return database instanceof DatabaseChoice.Embedded && bus instanceof BusChoice.InProcess;
    }

    public GatewaySettings withHttp(HttpAccess access) {
        return new GatewaySettings(home, source, database, bus, smpp, serverLogs, clientLogs, dataFolder, access,
                clientCa, pduLogMaxFileBytes, logging);
    }

    public GatewaySettings withSmpp(SmppListeners listeners) {
        return new GatewaySettings(home, source, database, bus, listeners, serverLogs, clientLogs, dataFolder, http,
                clientCa, pduLogMaxFileBytes, logging);
    }
}
