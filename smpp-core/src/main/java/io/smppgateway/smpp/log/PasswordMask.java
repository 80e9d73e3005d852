package io.smppgateway.smpp.log;

import io.smppgateway.smpp.codec.PduHeader;
import io.smppgateway.smpp.pdu.CommandId;

/**
 * Keeps bind and outbind passwords out of the PDU log: in the JSON and in the hex alike, each
 * password octet becomes {@code *} (0x2A). The length stays, so that the hex still decodes and its
 * command_length still holds; a password of at most 8 characters gives little away by its length.
 */
final class PasswordMask {

    private static final byte MASK = '*';

    private PasswordMask() {
    }

    static String mask(String password) {
        return "*".repeat(password.length());
    }

    /**
     * {@code wire} with the password octets masked when it is a bind_transmitter, bind_receiver,
     * bind_transceiver or outbind (the password follows system_id in all four); {@code wire} itself
     * otherwise. Works on octets that do not decode too: when system_id has no terminating NUL,
     * the whole body is masked, since the password cannot be told apart.
     */
    static byte[] maskWire(byte[] wire) {
        if (wire.length <= PduHeader.LENGTH || !carriesPassword(commandId(wire))) {
            return wire;
        }
        byte[] masked = wire.clone();
        int systemIdEnd = indexOfNul(masked, PduHeader.LENGTH);
        int from = systemIdEnd < 0 ? PduHeader.LENGTH : systemIdEnd + 1;
        int passwordEnd = systemIdEnd < 0 ? -1 : indexOfNul(masked, from);
        int to = passwordEnd < 0 ? masked.length : passwordEnd;
        for (int i = from; i < to; i++) {
            masked[i] = MASK;
        }
        return masked;
    }

    private static int commandId(byte[] wire) {
        return ((wire[4] & 0xFF) << 24) | ((wire[5] & 0xFF) << 16) | ((wire[6] & 0xFF) << 8) | (wire[7] & 0xFF);
    }

    private static boolean carriesPassword(int commandId) {
        CommandId id = CommandId.of(commandId);
        return id == CommandId.BIND_TRANSMITTER || id == CommandId.BIND_RECEIVER
                || id == CommandId.BIND_TRANSCEIVER || id == CommandId.OUTBIND;
    }

    private static int indexOfNul(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
