package io.smppgateway.smpp.session;

import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RALYBND;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVBNDSTS;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_RINVCMDID;
import static io.smppgateway.smpp.pdu.CommandStatus.ESME_ROK;
import static io.smppgateway.smpp.session.SessionRole.ESME;
import static io.smppgateway.smpp.session.SessionRole.SMSC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.smpp.pdu.CommandId;
import io.smppgateway.smpp.pdu.CommandStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The state table, without Netty. */
class CommandPermissionsTest {

    @ParameterizedTest(name = "{0} receives {2} in {1}: {3}")
    @CsvSource({
            "SMSC, OPEN,      BIND_TRANSMITTER, ESME_ROK",
            "SMSC, BOUND_TX,  BIND_RECEIVER,    ESME_RALYBND",
            "SMSC, OPEN,      SUBMIT_SM,        ESME_RINVBNDSTS",
            "SMSC, BOUND_TX,  SUBMIT_SM,        ESME_ROK",
            "SMSC, BOUND_TRX, SUBMIT_SM,        ESME_ROK",
            "SMSC, BOUND_RX,  SUBMIT_SM,        ESME_RINVBNDSTS",
            "SMSC, BOUND_TX,  DATA_SM,          ESME_ROK",
            "SMSC, BOUND_RX,  DATA_SM,          ESME_RINVBNDSTS",
            "SMSC, BOUND_TX,  DELIVER_SM,       ESME_RINVCMDID",
            "SMSC, BOUND_TX,  QUERY_SM,         ESME_ROK",
            "SMSC, OPEN,      UNBIND,           ESME_RINVBNDSTS",
            "SMSC, BOUND_RX,  UNBIND,           ESME_ROK",
            "SMSC, OPEN,      ENQUIRE_LINK,     ESME_ROK",
            "ESME, BOUND_RX,  DELIVER_SM,       ESME_ROK",
            "ESME, BOUND_TRX, DELIVER_SM,       ESME_ROK",
            "ESME, BOUND_TX,  DELIVER_SM,       ESME_RINVBNDSTS",
            "ESME, BOUND_RX,  DATA_SM,          ESME_ROK",
            "ESME, BOUND_TRX, SUBMIT_SM,        ESME_RINVCMDID",
            "ESME, OPEN,      BIND_TRANSMITTER, ESME_RINVBNDSTS",
            "ESME, OPEN,      OUTBIND,          ESME_ROK",
            "ESME, BOUND_RX,  ALERT_NOTIFICATION, ESME_ROK",
    })
    void decidesIncomingRequests(SessionRole role, SessionState state, CommandId id, CommandStatus expected) {
        assertEquals(expected, CommandPermissions.checkIncoming(role, state, id));
    }

    @ParameterizedTest
    @EnumSource(SessionState.class)
    void responsesAreAlwaysPassedToTheWindow(SessionState state) {
        assertEquals(ESME_ROK, CommandPermissions.checkIncoming(SMSC, state, CommandId.SUBMIT_SM_RESP));
        assertEquals(ESME_ROK, CommandPermissions.checkIncoming(ESME, state, CommandId.GENERIC_NACK));
    }

    @Test
    void decidesOutgoingRequests() {
        assertTrue(CommandPermissions.mayOutgoing(ESME, SessionState.OPEN, CommandId.BIND_TRANSCEIVER));
        assertFalse(CommandPermissions.mayOutgoing(ESME, SessionState.BOUND_TX, CommandId.BIND_TRANSCEIVER));
        assertTrue(CommandPermissions.mayOutgoing(ESME, SessionState.BOUND_TX, CommandId.SUBMIT_SM));
        assertFalse(CommandPermissions.mayOutgoing(ESME, SessionState.BOUND_RX, CommandId.SUBMIT_SM));
        assertTrue(CommandPermissions.mayOutgoing(SMSC, SessionState.BOUND_RX, CommandId.DELIVER_SM));
        assertFalse(CommandPermissions.mayOutgoing(SMSC, SessionState.BOUND_TX, CommandId.DELIVER_SM));
        assertFalse(CommandPermissions.mayOutgoing(SMSC, SessionState.OPEN, CommandId.BIND_TRANSMITTER));
        assertEquals(ESME_RALYBND, CommandPermissions.checkIncoming(SMSC, SessionState.BOUND_TRX, CommandId.BIND_TRANSCEIVER));
        assertEquals(ESME_RINVBNDSTS, CommandPermissions.checkIncoming(SMSC, SessionState.UNBINDING, CommandId.SUBMIT_SM));
        assertEquals(CommandStatus.ESME_RX_T_APPN,
                CommandPermissions.checkIncoming(ESME, SessionState.UNBINDING, CommandId.DELIVER_SM));
        assertEquals(CommandStatus.ESME_RX_T_APPN,
                CommandPermissions.checkIncoming(ESME, SessionState.UNBINDING, CommandId.DATA_SM));
        assertEquals(ESME_RINVCMDID, CommandPermissions.checkIncoming(ESME, SessionState.BOUND_RX, CommandId.QUERY_SM));
    }
}
