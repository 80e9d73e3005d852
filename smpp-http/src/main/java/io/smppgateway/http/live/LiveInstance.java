package io.smppgateway.http.live;

import java.util.Objects;

/**
 * A gateway instance on the shared database, as a connection's {@code instance} and
 * {@code instanceHost} name it.
 *
 * @param id   its id in {@code gateway_instances}, new at each start (the start's log line says it)
 * @param host the host name it runs on
 */
public record LiveInstance(String id, String host) {

    public LiveInstance {
        Objects.requireNonNull(id, "id");
        host = host == null ? "" : host;
    }
}
