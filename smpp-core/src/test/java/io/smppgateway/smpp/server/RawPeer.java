package io.smppgateway.smpp.server;

import io.smppgateway.smpp.codec.PduDecoder;
import io.smppgateway.smpp.codec.PduEncoder;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.Pdu;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;

/**
 * A peer on a plain socket that sends exactly the bytes a test gives it, in the order given, as a
 * hostile or careless ESME would; no session logic of ours in between.
 */
final class RawPeer implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final DataInputStream in;
    private final PduDecoder decoder = new PduDecoder();

    private RawPeer(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
        socket.setSoTimeout(10_000);
    }

    static RawPeer connect(int port) throws IOException {
        return connect(port, "127.0.0.1");
    }

    /** Connects from a chosen loopback address (any of 127.0.0.0/8 works on Linux). */
    static RawPeer connect(int port, String fromAddress) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(fromAddress), 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        return new RawPeer(socket);
    }

    static Pdu bind(BindType type, int sequence, String systemId, String password) {
        return (Pdu) BindRequest.of(type, sequence, systemId, password, "", InterfaceVersion.SMPP_3_4, Address.EMPTY);
    }

    void send(Pdu pdu) throws IOException {
        out.write(PduEncoder.WITH_TLVS.toBytes(pdu));
        out.flush();
    }

    void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next PDU, waiting up to 10 s. */
    Pdu read() throws IOException {
        int length = in.readInt();
        byte[] pdu = new byte[length];
        java.nio.ByteBuffer.wrap(pdu).putInt(length);
        in.readFully(pdu, 4, length - 4);
        return decoder.decode(pdu);
    }

    /** Whether the server closed the connection within 10 s, reading and dropping what came before. */
    boolean closedByServer() throws IOException {
        try {
            while (true) {
                if (in.read() < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (EOFException | SocketException e) {
            return true;
        }
    }

    /** Whether the server closes the connection before sending anything more. */
    boolean endsWithoutAnotherPdu() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException e) {
            return true;
        }
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
