package io.smppgateway.runner.tools.soak;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * A blocking socket to the gateway from a chosen local address, sending exactly the octets it is
 * given (no session logic in between) and reading answers as bare headers: what a hostile peer
 * needs and no more. An answer's body is read and dropped, so what it holds is bounded by one
 * frame of at most {@value #MAX_ANSWER} octets.
 */
final class PeerSocket implements AutoCloseable {

    /** Longer answers are not SMPP from our gateway: the connection is given up. */
    static final int MAX_ANSWER = 65_536;

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;

    private PeerSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    /**
     * @param from        the local address to connect from, or null for the system's choice
     * @param readTimeout how long a read waits for the gateway
     */
    static PeerSocket connect(SoakTarget target, InetAddress from, Duration readTimeout) throws IOException {
        Socket socket = new Socket();
        try {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress(target.host(), target.port()), 5_000);
            socket.setSoTimeout((int) readTimeout.toMillis());
            socket.setTcpNoDelay(true);
            return new PeerSocket(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    void send(byte[] octets) throws IOException {
        out.write(octets);
        out.flush();
    }

    /** The header of one answer from the gateway; its body is dropped. */
    record Answer(int commandId, int commandStatus, int sequenceNumber) {
    }

    /**
     * The next answer; null when the gateway closed the connection first.
     *
     * @throws SocketTimeoutException when nothing came within the read timeout
     */
    Answer read() throws IOException {
        byte[] header = new byte[16];
        try {
            in.readFully(header);
            ByteBuffer fields = ByteBuffer.wrap(header);
            int length = fields.getInt();
            if (length < 16 || length > MAX_ANSWER) {
                throw new IOException("the gateway sent a command_length of " + length);
            }
            in.skipNBytes(length - 16L);
            return new Answer(fields.getInt(), fields.getInt(), fields.getInt());
        } catch (EOFException e) {
            return null;
        } catch (SocketException e) {
            if (isReset(e)) {
                return null;
            }
            throw e;
        }
    }

    /** Whether the gateway closes the connection within the read timeout, dropping what it sends first. */
    boolean closedByServer() throws IOException {
        byte[] drop = new byte[4096];
        try {
            while (true) {
                if (in.read(drop) < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            if (isReset(e)) {
                return true;
            }
            throw e;
        }
    }

    Socket socket() {
        return socket;
    }

    /** Whether an exception says the peer reset or closed the connection, rather than a fault of ours. */
    static boolean isReset(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("reset") || message.contains("Broken pipe") || message.contains("closed");
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
