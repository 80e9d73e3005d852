package io.smppgateway.http.live;

import java.util.Objects;

/**
 * The outcome of one health probe, as {@code GET /api/health} lists it.
 *
 * @param name     what was probed: "database", "nsq", "gateway mysmsc-id-example"
 * @param up       whether it works
 * @param required whether the gateway is not ready without it (the database and NSQ are; one
 *                 SMSC being down is reported but does not make the whole gateway unready)
 * @param detail   a sentence for the operator
 */
public record ProbeResult(String name, boolean up, boolean required, String detail) {

    public ProbeResult {
        Objects.requireNonNull(name, "name");
        detail = detail == null ? "" : detail;
    }
}
