package io.smppgateway.smpp.session;

import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.CommandStatus;

/**
 * Which requests a session may receive, as a pure function of who we are, the session state and
 * the command id (SMPP 5.0, section 2.3 and table 2-1). It answers with the command_status for a
 * refusal, so the session needs no branching of its own.
 */
public final class CommandPermissions {

    private CommandPermissions() {
    }

    /**
     * The status to refuse a request {@code id} arriving in {@code state} with, or
     * {@link CommandStatus#ESME_ROK} when it is allowed.
     */
    public static CommandStatus checkIncoming(SessionRole role, SessionState state, CommandId id) {
        if (id.isResponse()) {
            return CommandStatus.ESME_ROK;
        }
        return switch (id) {
            case ENQUIRE_LINK -> state == SessionState.CLOSED ? CommandStatus.ESME_RINVBNDSTS : CommandStatus.ESME_ROK;
            case UNBIND -> state.isBound() || state == SessionState.UNBINDING
                    ? CommandStatus.ESME_ROK : CommandStatus.ESME_RINVBNDSTS;
            case BIND_TRANSMITTER, BIND_RECEIVER, BIND_TRANSCEIVER -> checkBind(role, state);
            case OUTBIND -> role == SessionRole.ESME && state == SessionState.OPEN
                    ? CommandStatus.ESME_ROK : CommandStatus.ESME_RINVBNDSTS;
            default -> checkMessage(role, state, id);
        };
    }

    private static CommandStatus checkBind(SessionRole role, SessionState state) {
        if (role != SessionRole.SMSC) {
            return CommandStatus.ESME_RINVBNDSTS;
        }
        if (state == SessionState.OPEN) {
            return CommandStatus.ESME_ROK;
        }
        return state.isBound() ? CommandStatus.ESME_RALYBND : CommandStatus.ESME_RINVBNDSTS;
    }

    private static CommandStatus checkMessage(SessionRole role, SessionState state, CommandId id) {
        boolean esmeToSmsc = switch (id) {
            case SUBMIT_SM, SUBMIT_MULTI, QUERY_SM, CANCEL_SM, REPLACE_SM, BROADCAST_SM, QUERY_BROADCAST_SM,
                 CANCEL_BROADCAST_SM -> true;
            case DELIVER_SM, ALERT_NOTIFICATION -> false;
            case DATA_SM -> role == SessionRole.SMSC;
            default -> throw new IllegalArgumentException(id + " is not a message operation");
        };
        if (esmeToSmsc != (role == SessionRole.SMSC)) {
            // An SMSC-bound operation sent to an ESME, or the reverse.
            return CommandStatus.ESME_RINVCMDID;
        }
        if (role == SessionRole.ESME && state == SessionState.UNBINDING) {
            // A deliver_sm or data_sm that crossed an unbind: "not now" asks the SMSC to send it again
            // on a later bind; "invalid bind status" lets some SMSCs give a delivery receipt up.
            return CommandStatus.ESME_RX_T_APPN;
        }
        boolean allowed = role == SessionRole.SMSC ? state.isTransmittable() : state.isReceivable();
        return allowed ? CommandStatus.ESME_ROK : CommandStatus.ESME_RINVBNDSTS;
    }

    /** Whether we may send request {@code id} in {@code state}. */
    public static boolean mayOutgoing(SessionRole role, SessionState state, CommandId id) {
        SessionRole peer = role == SessionRole.ESME ? SessionRole.SMSC : SessionRole.ESME;
        if (id == CommandId.BIND_TRANSMITTER || id == CommandId.BIND_RECEIVER || id == CommandId.BIND_TRANSCEIVER) {
            return role == SessionRole.ESME && state == SessionState.OPEN;
        }
        return checkIncoming(peer, state, id) == CommandStatus.ESME_ROK;
    }
}
