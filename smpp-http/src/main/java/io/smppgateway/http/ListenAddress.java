package io.smppgateway.http;

import java.util.Objects;

/**
 * An address and port to listen on, written {@code host:port} ({@code [v6]:port} for an IPv6
 * address), as {@code SMPP_METRICS_ADDRESS} takes it.
 *
 * @param host a host name or address; {@code 0.0.0.0} for every IPv4 address
 * @param port 0 to 65535; 0 picks a free one
 */
public record ListenAddress(String host, int port) {

    public ListenAddress {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("the host must not be empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port must be 0 to 65535, got " + port);
        }
    }

    /**
     * Reads {@code host:port}, {@code [v6]:port} or {@code :port} (every IPv4 address).
     *
     * @throws IllegalArgumentException saying what is missing or wrong
     */
    public static ListenAddress parse(String text) {
        String value = text.strip();
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("expected host:port, got \"" + value + "\"");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException("write an IPv6 address in brackets, [" + host + "]:port");
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the port of \"" + value + "\" is not a number");
        }
        return new ListenAddress(host.isEmpty() ? "0.0.0.0" : host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
