package io.smppgateway.smpp.interop.session;

import java.util.List;

/**
 * An SMSC built with another SMPP library, for our client side to bind to: one system_id and
 * password, submits answered with ids of its own (or ESME_RTHROTTLED when told), receipts sent
 * on request through the library's own API.
 */
interface ForeignSmsc extends AutoCloseable {

    /** A submit_sm as the library read it, with what it answered. */
    record ForeignSubmit(String source, int sourceTon, String destination, int destinationTon, int esmClass,
                         int dataCoding, byte[] shortMessage, int answeredStatus, String answeredId) {
    }

    int port();

    /** The next submit_sm it received, waiting for one. */
    ForeignSubmit nextSubmit();

    /** Answers the next {@code count} submits with ESME_RTHROTTLED. */
    void throttleNext(int count);

    /** The bind types of its bound sessions, as SMPP names the commands: bind_transmitter and so on. */
    List<String> boundTypes();

    /**
     * Sends a delivered receipt for {@code messageId}, text written by the library's own receipt
     * class, on a session that can receive; returns the command_status of the deliver_sm_resp.
     */
    int sendReceipt(String messageId) throws Exception;

    /** Makes the library send enquire_link on its bound session (directly, or by its idle timer). */
    void enquireLink() throws Exception;

    @Override
    void close();
}
