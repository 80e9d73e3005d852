package io.smppgateway.http.live;

import java.util.Objects;

/**
 * What the running gateway did with its live sessions after a gateway or client was saved or
 * deleted; the REST API puts it in its answer under {@code "live"}.
 *
 * @param action      what was done
 * @param connections how many connections it touched (closed, reopened or opened)
 * @param message     a sentence for the operator, e.g. "2 binds reopening with the new settings"
 */
public record LiveChange(Action action, int connections, String message) {

    public LiveChange {
        Objects.requireNonNull(action, "action");
        message = message == null ? "" : message;
    }

    /** What happened to the sessions, as the answer names it (lower case). */
    public enum Action {
        /** A new or re-enabled gateway started binding. */
        BIND,
        /** An edited gateway or client: its connections are reopened with the new settings. */
        REBIND,
        /** Disabled or deleted: its connections were unbound and closed. */
        UNBIND,
        /** Nothing was live to change (e.g. a client with no connection). */
        NONE,
        /** The change is saved but the runtime did not confirm it in time, or failed; see the message. */
        PENDING
    }

    public static LiveChange none(String message) {
        return new LiveChange(Action.NONE, 0, message);
    }
}
