package io.smppgateway.smpp.server;

import java.util.List;

/**
 * What the server needs to know of an ESME's account to decide its binds, as the host keeps it (the
 * gateway's {@code clients} table).
 *
 * @param id                  the account's id (the REST API's client id)
 * @param systemId            the login (the client's {@code username})
 * @param password            the password, compared in constant time; empty admits an empty password only
 * @param enabled             a disabled account cannot bind
 * @param allowedAddresses    IPv4/IPv6 addresses the ESME may connect from; empty admits any
 * @param maxBinds            most simultaneous binds
 * @param throughputPerMinute most messages per minute on one bind; 0 means no limit
 */
public record EsmeAccount(long id, String systemId, String password, boolean enabled, List<String> allowedAddresses,
                          int maxBinds, int throughputPerMinute) {

    public EsmeAccount {
        password = password == null ? "" : password;
        allowedAddresses = List.copyOf(allowedAddresses);
    }
}
