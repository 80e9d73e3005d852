package io.smppgateway.http.engine;

import java.util.Objects;

/**
 * An ESME account as its metrics name it: the client's id and its username (the system_id it
 * binds with), so that {@code smpp_client_messages_total} says whose messages they are, and a
 * client renamed or deleted and created again under the same name keeps its series apart.
 */
record EsmeName(long clientId, String username) {

    EsmeName {
        Objects.requireNonNull(username, "username");
    }
}
