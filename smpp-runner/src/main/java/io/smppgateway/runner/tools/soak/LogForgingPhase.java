package io.smppgateway.runner.tools.soak;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Phase (e): binds whose system_id tries to forge or garble the gateway's log: line breaks with a
 * fake log line after them, terminal escapes, NUL, invalid UTF-8, an over-long value. Each is sent
 * on a connection of its own, written octet by octet as a hostile peer would (our encoder would
 * refuse some of them), and should be refused. Whether the log stayed one escaped line per event
 * can only be seen in the gateway's log: grep it for {@code FORGED}.
 */
final class LogForgingPhase implements SoakPhase {

    static final List<byte[]> SYSTEM_IDS = List.of(
            ascii("x\nFORGED admin"),
            ascii("x\r\nINFO FORGED"),
            ascii("\u001b[2J\u001b[1;31mFORGED"),
            ascii("x\u0000FORGED"),
            new byte[] {'x', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, 'F', 'O', 'R', 'G', 'E', 'D'},
            ascii("FORGED".repeat(40)),
            ascii("x\u2028FORGED"),
            ascii("%n%s%x${jndi:FORGED}"));

    private final SoakTarget target;
    private final int binds;

    LogForgingPhase(SoakTarget target, int binds) {
        this.target = target;
        this.binds = binds;
    }

    @Override
    public PhaseResult run(long deadlineNanos, HealthyEsme esme) {
        long sent = 0;
        long refused = 0;
        long accepted = 0;
        long closed = 0;
        long errors = 0;
        for (int i = 0; i < binds && System.nanoTime() < deadlineNanos; i++) {
            byte[] systemId = SYSTEM_IDS.get(i % SYSTEM_IDS.size());
            try (PeerSocket peer = PeerSocket.connect(target, target.peerAddress(), Duration.ofSeconds(15))) {
                peer.send(bindTransceiver(i + 1, systemId, ascii("pw")));
                sent++;
                PeerSocket.Answer answer = peer.read();
                if (answer == null) {
                    closed++;
                } else if (answer.commandStatus() == 0) {
                    accepted++;
                } else {
                    refused++;
                }
            } catch (SocketTimeoutException e) {
                errors++;
            } catch (IOException e) {
                if (PeerSocket.isReset(e)) {
                    closed++;
                } else {
                    errors++;
                }
            }
        }
        String detail = String.format(Locale.ROOT, "binds with log-forging system_ids: %d refused, %d closed"
                + " unanswered, %d accepted (expected 0), %d unanswered in 15 s", refused, closed, accepted, errors);
        return new PhaseResult("log-forging system_ids", sent, closed, errors + accepted, detail, esme.check());
    }

    /** A bind_transceiver written field by field: header, system_id, password, system_type, version, range. */
    static byte[] bindTransceiver(int sequence, byte[] systemId, byte[] password) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(systemId);
        body.write(0);
        body.writeBytes(password);
        body.write(0);
        body.write(0);          // system_type: empty
        body.write(0x34);       // interface_version 3.4
        body.write(0);          // addr_ton
        body.write(0);          // addr_npi
        body.write(0);          // address_range: empty
        ByteBuffer pdu = ByteBuffer.allocate(16 + body.size());
        pdu.putInt(16 + body.size()).putInt(0x00000009).putInt(0).putInt(sequence).put(body.toByteArray());
        return pdu.array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
