package io.smppgateway.smpp.server;

import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.session.BindHandler;
import io.smppgateway.smpp.session.BindOutcome;
import io.smppgateway.smpp.session.SmppSession;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides an ESME's bind against its account: unknown system_id (ESME_RINVSYSID), wrong password
 * (ESME_RINVPASWD), disabled account, address outside the allow list, or no bind left (all
 * ESME_RBINDFAIL, the status SMPP gives for a bind refused for any other reason).
 */
final class EsmeBinder implements BindHandler {

    private static final Logger log = LoggerFactory.getLogger(EsmeBinder.class);

    private final EsmeAccounts accounts;
    private final EsmeSessions sessions;
    private final String ourSystemId;

    EsmeBinder(EsmeAccounts accounts, EsmeSessions sessions, String ourSystemId) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.ourSystemId = ourSystemId;
    }

    @Override
    public CompletableFuture<BindOutcome> onBind(SmppSession session, BindRequest request) {
        return accounts.findBySystemId(request.systemId()).thenApply(found -> {
            if (found.isEmpty()) {
                return refuse(session, request, CommandStatus.ESME_RINVSYSID, "unknown system_id");
            }
            EsmeAccount account = found.get();
            if (!passwordMatches(account.password(), request.password())) {
                return refuse(session, request, CommandStatus.ESME_RINVPASWD, "wrong password");
            }
            if (!account.enabled()) {
                return refuse(session, request, CommandStatus.ESME_RBINDFAIL, "account disabled");
            }
            if (!addressAllowed(account, session.remoteAddress())) {
                return refuse(session, request, CommandStatus.ESME_RBINDFAIL, "address not in allow_ip");
            }
            if (!sessions.tryAdd(account, session)) {
                return refuse(session, request, CommandStatus.ESME_RBINDFAIL,
                        "all " + account.maxBinds() + " binds in use");
            }
            log.info("[{}] {} bound as {} from {}", session.id(), request.systemId(), request.bindType().label(),
                    session.remoteAddress());
            return BindOutcome.accepted(ourSystemId, account.throughputPerMinute());
        });
    }

    private static BindOutcome refuse(SmppSession session, BindRequest request, CommandStatus status, String why) {
        log.info("[{}] bind of '{}' from {} refused ({}): {}", session.id(), request.systemId(),
                session.remoteAddress(), status.name(), why);
        return BindOutcome.refused(status);
    }

    private static boolean passwordMatches(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    static boolean addressAllowed(EsmeAccount account, InetSocketAddress remote) {
        if (account.allowedAddresses().isEmpty()) {
            return true;
        }
        if (remote == null || remote.getAddress() == null) {
            return false;
        }
        InetAddress address = remote.getAddress();
        for (String allowed : account.allowedAddresses()) {
            String candidate = allowed.trim();
            if (candidate.isEmpty()) {
                continue;
            }
            if (candidate.equals(address.getHostAddress()) || sameAddress(candidate, address)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameAddress(String literal, InetAddress address) {
        // Literal IP addresses only: never resolve host names while deciding a bind.
        if (!literal.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        try {
            return InetAddress.getByName(literal).equals(address);
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
