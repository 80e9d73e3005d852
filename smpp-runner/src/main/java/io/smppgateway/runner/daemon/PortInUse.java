package io.smppgateway.runner.daemon;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A listening port the daemon could not open because something else holds it: the start-up
 * failure an operator meets most (a second gateway started, an old one not yet stopped), told in
 * one line that names the port, says it is in use, and names the smpp.conf key that moves it.
 */
public final class PortInUse extends RuntimeException {

    private PortInUse(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /**
     * The failure to open a listener, said as an operator needs it when it is a port in use, or
     * {@code failure} itself otherwise.
     *
     * @param what         the listener ("SMPP", "HTTP")
     * @param portsByKey   each port the listener opens, by the smpp.conf key that sets it, in the order opened
     */
    static RuntimeException orElse(Throwable failure, String what, Map<String, Integer> portsByKey) {
        if (!isBindFailure(failure)) {
            return failure instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(what + " could not start: " + failure, failure);
        }
        Map<String, Integer> busy = new LinkedHashMap<>();
        portsByKey.forEach((key, port) -> {
            if (!canListen(port)) {
                busy.put(key, port);
            }
        });
        Map<String, Integer> named = busy.isEmpty() || busy.size() == portsByKey.size() && portsByKey.size() > 1
                ? portsByKey : busy;
        List<String> ports = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        named.forEach((key, port) -> {
            ports.add(String.valueOf(port));
            keys.add(key);
        });
        String portText = String.join(" or ", ports);
        return new PortInUse("the " + what + " port " + portText + " is already in use (another gateway, or another"
                + " program, listens on it): stop that program, or set " + String.join(" / ", keys)
                + " in smpp.conf to a free port", failure);
    }

    private static boolean isBindFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof BindException) {
                return true;
            }
        }
        return false;
    }

    private static boolean canListen(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
