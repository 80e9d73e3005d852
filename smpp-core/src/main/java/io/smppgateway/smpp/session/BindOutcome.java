package io.smppgateway.smpp.session;

import io.smppgateway.smpp.pdu.CommandStatus;

/**
 * The answer to a bind: accepted with our system_id and the bind's message limit, or refused with
 * the bind_resp status (ESME_RINVPASWD, ESME_RINVSYSID, ESME_RBINDFAIL, ESME_RALYBND, ...).
 */
public record BindOutcome(int commandStatus, String systemId, int throughputPerMinute) {

    public static BindOutcome accepted(String ourSystemId, int throughputPerMinute) {
        return new BindOutcome(0, ourSystemId, throughputPerMinute);
    }

    public static BindOutcome refused(CommandStatus status) {
        if (status == CommandStatus.ESME_ROK) {
            throw new IllegalArgumentException("a refusal needs an error status");
        }
        return new BindOutcome(status.value(), "", 0);
    }

    public boolean isAccepted() {
        return commandStatus == 0;
    }
}
