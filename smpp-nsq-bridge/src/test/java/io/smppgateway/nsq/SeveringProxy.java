package io.smppgateway.nsq;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay to nsqd whose connections the test can cut at once, with a reset and no goodbye, as
 * the network or a killed process would: what the client held is left to nsqd's msg_timeout.
 */
final class SeveringProxy implements AutoCloseable {

    private final ServerSocket listener = new ServerSocket();
    private final NsqAddress target;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    SeveringProxy(NsqAddress target) throws IOException {
        this.target = target;
        listener.bind(new InetSocketAddress("127.0.0.1", 0));
        Thread acceptor = new Thread(this::accept, "severing-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Where clients connect instead of nsqd. */
    NsqAddress address() {
        return NsqAddress.parse("127.0.0.1:" + listener.getLocalPort());
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(target.host(), target.port());
                sockets.add(client);
                sockets.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                }
            } catch (IOException severed) {
                // one side is gone: the other goes with it
            }
        }, "severing-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    /** Resets every connection and takes no new one. */
    void sever() throws IOException {
        listener.close();
        for (Socket socket : sockets) {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
                socket.close();
            }
        }
    }

    @Override
    public void close() throws IOException {
        sever();
    }
}
