package io.smppgateway.store.client;

import io.smppgateway.store.FieldErrors;
import io.smppgateway.store.ValidationException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An ESME allowed to bind to our SMPP server, with every field of the manual's "Manage ESME" and
 * "Retrieving the list of ESME". Always valid: the constructor refuses bad values with a
 * {@link ValidationException} naming every bad field by its JSON name.
 *
 * <p>{@code allowIp} is a comma-separated list of IPv4 addresses; empty admits any address.
 * {@code throughput} is SMS per minute per bind, 0 for no limit. {@code created}/{@code updated}
 * are Unix seconds, 0 until stored.
 */
public record Client(long id, String username, String password, String allowIp, int throughput, int binds,
                     boolean enabled, long created, long updated) {

    public static final int MAX_USERNAME = 16;
    public static final int MAX_PASSWORD = 9;
    public static final int MAX_ALLOW_IP = 255;
    public static final int MAX_THROUGHPUT = 3000;
    public static final int MAX_BINDS = 30;

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    public Client {
        password = password == null ? "" : password;
        allowIp = allowIp == null ? "" : allowIp.strip();
        FieldErrors errors = new FieldErrors();
        check(errors, id, username, password, allowIp, throughput, binds, created, updated);
        errors.throwIfAny("client");
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().id(id).username(username).password(password).allowIp(allowIp).throughput(throughput)
                .binds(binds).enabled(enabled).created(created).updated(updated);
    }

    /** The same client as stored under {@code id} at the given times. */
    public Client stored(long newId, long newCreated, long newUpdated) {
        return new Client(newId, username, password, allowIp, throughput, binds, enabled, newCreated, newUpdated);
    }

    /** The addresses of {@code allow_ip}; empty when any address is admitted. */
    public List<String> allowedAddresses() {
        if (allowIp.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(allowIp.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Whether a connection from {@code address} (dotted IPv4) may bind as this client. */
    public boolean admits(String address) {
        List<String> allowed = allowedAddresses();
        return allowed.isEmpty() || allowed.contains(address);
    }

    private static void check(FieldErrors errors, long id, String username, String password, String allowIp,
                              int throughput, int binds, long created, long updated) {
        errors.range("id", id, 0, Long.MAX_VALUE)
                .requiredText("username", username, MAX_USERNAME)
                .optionalText("password", password, MAX_PASSWORD)
                .optionalText("allow_ip", allowIp, MAX_ALLOW_IP)
                .range("throughput", throughput, 0, MAX_THROUGHPUT)
                .range("binds", binds, 0, MAX_BINDS)
                .range("created", created, 0, Long.MAX_VALUE)
                .range("updated", updated, 0, Long.MAX_VALUE);
        if (username != null && !username.isBlank() && !username.strip().equals(username)) {
            errors.add("username", "must not start or end with spaces");
        }
        if (allowIp != null && !errors.has("allow_ip")) {
            for (String address : allowIp.split(",")) {
                String trimmed = address.strip();
                if (!trimmed.isEmpty() && !isIpv4(trimmed)) {
                    errors.add("allow_ip", "not an IPv4 address: '" + trimmed + "'");
                    break;
                }
            }
        }
    }

    private static boolean isIpv4(String text) {
        var matcher = IPV4.matcher(text);
        if (!matcher.matches()) {
            return false;
        }
        for (int group = 1; group <= 4; group++) {
            if (Integer.parseInt(matcher.group(group)) > 255) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        // never print the password
        return "Client[id=" + id + ", username=" + username + ", allow_ip=" + allowIp + ", throughput=" + throughput
                + ", binds=" + binds + ", enabled=" + enabled + "]";
    }

    /**
     * Collects a client field by field, as a JSON body gives it; {@link #build()} reports a field
     * that is missing as {@code "required"} together with every invalid one.
     */
    public static final class Builder {
        private long id;
        private String username;
        private String password = "";
        private String allowIp = "";
        private int throughput;
        private Integer binds;
        private Boolean enabled;
        private long created;
        private long updated;

        private Builder() {
        }

        public Builder id(long value) { id = value; return this; }
        public Builder username(String value) { username = value; return this; }
        public Builder password(String value) { password = value; return this; }
        public Builder allowIp(String value) { allowIp = value; return this; }
        public Builder throughput(int value) { throughput = value; return this; }
        public Builder binds(Integer value) { binds = value; return this; }
        public Builder enabled(Boolean value) { enabled = value; return this; }
        public Builder created(long value) { created = value; return this; }
        public Builder updated(long value) { updated = value; return this; }

        /** The client, or a {@link ValidationException} listing every missing and invalid field. */
        public Client build() {
            FieldErrors errors = new FieldErrors();
            if (binds == null) {
                errors.add("binds", "required");
            }
            if (enabled == null) {
                errors.add("enabled", "required");
            }
            check(errors, id, username, password, allowIp == null ? "" : allowIp.strip(), throughput,
                    binds == null ? 0 : binds, created, updated);
            errors.throwIfAny("client");
            return new Client(id, username, password, allowIp, throughput, binds, enabled, created, updated);
        }
    }
}
