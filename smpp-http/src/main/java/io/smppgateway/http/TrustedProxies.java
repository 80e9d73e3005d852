package io.smppgateway.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The reverse proxies ({@code HTTP_TRUSTED_PROXIES}) whose word on how the browser reached them is
 * taken: only a request whose socket comes from one of these addresses may say, in
 * {@code X-Forwarded-Proto}, that it came over HTTPS. Anyone else could just claim it.
 * Addresses and CIDR blocks, IPv4 or IPv6; host names are refused (no DNS lookup decides trust).
 */
public final class TrustedProxies {

    /** No proxy is trusted: {@code X-Forwarded-Proto} is ignored (the default). */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Reads a comma-separated list such as {@code 127.0.0.1, 10.0.0.0/8, ::1, fd00::/8}; empty or
     * {@code null} is {@link #NONE}.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or CIDR block
     */
    public static TrustedProxies parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Block> blocks = new ArrayList<>();
        for (String entry : list.split(",")) {
            String text = entry.strip();
            if (!text.isEmpty()) {
                blocks.add(Block.parse(text));
            }
        }
        return new TrustedProxies(blocks);
    }

    /** Whether a request whose socket comes from {@code peer} is from a trusted proxy. */
    public boolean trusts(InetAddress peer) {
        if (peer == null) {
            return false;
        }
        byte[] address = peer.getAddress();
        for (Block block : blocks) {
            if (block.contains(address)) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    @Override
    public String toString() {
        return blocks.isEmpty() ? "none" : blocks.stream().map(Block::text).toList().toString();
    }

    private record Block(String text, byte[] network, int prefixBits) {

        static Block parse(String text) {
            int slash = text.indexOf('/');
            String addressText = slash < 0 ? text : text.substring(0, slash);
            byte[] address = literal(addressText, text);
            int bits = address.length * 8;
            if (slash >= 0) {
                String prefix = text.substring(slash + 1);
                int parsed;
                try {
                    parsed = Integer.parseInt(prefix);
                } catch (NumberFormatException e) {
                    parsed = -1;
                }
                if (parsed < 0 || parsed > bits) {
                    throw new IllegalArgumentException("'" + text + "': the prefix length must be 0 to " + bits);
                }
                bits = parsed;
            }
            return new Block(text, address, bits);
        }

        private static byte[] literal(String address, String entry) {
            if (!IPV4.matcher(address).matches() && !IPV6.matcher(address).matches()) {
                throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block"
                        + " (host names are not accepted)");
            }
            try {
                // a literal: no name lookup happens
                return InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block", e);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefixBits / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixBits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
