package io.smppgateway.runner.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smppgateway.runner.config.GatewaySettings;
import io.smppgateway.runner.config.GeneratedCredentials;
import io.smppgateway.runner.config.SettingsReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The daemon holds no more SMPP connections from one address than {@code SMPP_MAX_CONNECTIONS_PER_ADDRESS}. */
class GatewayConnectionLimitsTest {

    @TempDir
    Path home;

    private final List<Socket> sockets = new ArrayList<>();
    private GatewayDaemon daemon;

    @AfterEach
    void stop() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        if (daemon != null) {
            daemon.stop();
        }
    }

    @Test
    void aConnectionBeyondThePerAddressLimitIsClosedAsItIsAccepted() throws Exception {
        Map<String, String> environment = Map.of("SMPP_PORT", String.valueOf(freePort()),
                "HTTP_PORT", String.valueOf(freePort()), "SMPP_MAX_CONNECTIONS_PER_ADDRESS", "2");
        GatewaySettings settings = new SettingsReader(home, environment, warning -> { }).read(null);
        settings = settings.withHttp(new GeneratedCredentials().complete(settings.dataFolder(), settings.http()).access());
        daemon = GatewayDaemon.start(settings);

        Socket first = connect();
        Socket second = connect();
        Socket third = connect();

        assertEquals(-1, readOrTimeout(third), "the third connection from 127.0.0.1 is closed at once");
        assertEquals(0, readOrTimeout(first), "the first two stay open, waiting for a bind");
        assertEquals(0, readOrTimeout(second));
        assertEquals(2, daemon.smppServer().connectionCount());
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", daemon.smppServer().port());
        sockets.add(socket);
        return socket;
    }

    /** -1 when the server closed the connection, 0 when it is still open after a short wait. */
    private static int readOrTimeout(Socket socket) throws IOException {
        socket.setSoTimeout(1_000);
        InputStream in = socket.getInputStream();
        try {
            int read = in.read();
            assertTrue(read == -1, "the server sent nothing before a bind, yet read " + read);
            return -1;
        } catch (SocketTimeoutException stillOpen) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
