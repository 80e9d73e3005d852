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
import io.smppgateway.smpp.log.PeerText;
import io.smppgateway.smpp.log.RepeatedLines;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides an ESME's bind against its account: unknown system_id (ESME_RINVSYSID), wrong password
 * (ESME_RINVPASWD), disabled account, address outside the allow list, or no bind left (all
 * ESME_RBINDFAIL, the status SMPP gives for a bind refused for any other reason).
 *
 * <p>A disabled account and an address outside the allow list are refused before the password is
 * compared, with the same status whatever the password: the allow list shields the password, and
 * a refusal never says whether the password was right. Failed binds slow later attempts from the
 * same address and for the same system_id ({@link BindThrottle}); the wait comes before the
 * decision, so the time to answer says nothing about the password either.
 */
final class EsmeBinder implements BindHandler {

    private static final Logger log = LoggerFactory.getLogger(EsmeBinder.class);

    private final EsmeAccounts accounts;
    private final EsmeSessions sessions;
    private final String ourSystemId;
    private final BindThrottle throttle;
    private final ScheduledExecutorService timer;
    private final RepeatedLines lines;
    private final EsmeBindListener bindListener;

    EsmeBinder(EsmeAccounts accounts, EsmeSessions sessions, String ourSystemId, BindThrottle throttle,
               ScheduledExecutorService timer, RepeatedLines lines, EsmeBindListener bindListener) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.ourSystemId = ourSystemId;
        this.throttle = throttle;
        this.timer = timer;
        this.lines = lines;
        this.bindListener = bindListener;
    }

    @Override
    public void onBound(SmppSession session) {
        BoundEsme bound = sessions.ofSession(session.id());
        if (bound != null) {
            bindListener.onBound(bound);
        }
    }

    @Override
    public CompletableFuture<BindOutcome> onBind(SmppSession session, BindRequest request) {
        InetAddress address = addressOf(session);
        Duration addressTurn = throttle.reserveForAddress(address);
        if (addressTurn.isNegative()) {
            return CompletableFuture.completedFuture(busy(session, request));
        }
        return after(addressTurn)
                .thenCompose(ready -> accounts.findBySystemId(request.systemId()))
                .thenCompose(found -> {
                    if (found.isEmpty()) {
                        throttle.failed(address, null);
                        return CompletableFuture.completedFuture(
                                refuse(session, request, CommandStatus.ESME_RINVSYSID, "unknown system_id"));
                    }
                    EsmeAccount account = found.get();
                    // An allow list already keeps guessers from other addresses away from the password.
                    Duration accountTurn = account.allowedAddresses().isEmpty()
                            ? throttle.reserveForSystemId(account.systemId(), address) : Duration.ZERO;
                    if (accountTurn.isNegative()) {
                        return CompletableFuture.completedFuture(busy(session, request));
                    }
                    return after(accountTurn).thenCompose(ready -> decide(session, request, account, address));
                });
    }

    private CompletableFuture<BindOutcome> decide(SmppSession session, BindRequest request, EsmeAccount account,
                                                  InetAddress address) {
        if (!account.enabled()) {
            throttle.failed(address, null);
            return done(refuse(session, request, CommandStatus.ESME_RBINDFAIL, "account disabled"));
        }
        if (!addressAllowed(account, session.remoteAddress())) {
            throttle.failed(address, null);
            return done(refuse(session, request, CommandStatus.ESME_RBINDFAIL, "address not in allow_ip"));
        }
        if (!passwordMatches(account.password(), request.password())) {
            throttle.failed(address, account.systemId());
            return done(refuse(session, request, CommandStatus.ESME_RINVPASWD, "wrong password"));
        }
        if (sessions.ofAccount(account.id()).size() >= account.maxBinds()) {
            return done(allInUse(session, request, account));
        }
        return accounts.reserveBind(account, session).handle((reserved, failure) -> {
            if (failure != null) {
                log.warn("[{}] bind of '{}' refused: its binds across the gateway cannot be counted now ({})",
                        session.id(), PeerText.of(request.systemId()), failure.toString());
                return BindOutcome.refused(CommandStatus.ESME_RBINDFAIL);
            }
            if (!reserved) {
                return allInUse(session, request, account);
            }
            if (!sessions.tryAdd(account, session)) {
                accounts.releaseBind(account, session);
                return allInUse(session, request, account);
            }
            session.closeFuture().whenComplete((ignored, closed) -> accounts.releaseBind(account, session));
            throttle.succeeded(address, account.systemId());
            log.info("[{}] {} bound as {} from {}", session.id(), PeerText.of(request.systemId()),
                    request.bindType().label(), session.remoteAddress());
            return BindOutcome.accepted(ourSystemId, account.throughputPerMinute());
        });
    }

    private BindOutcome allInUse(SmppSession session, BindRequest request, EsmeAccount account) {
        return refuse(session, request, CommandStatus.ESME_RBINDFAIL, "all " + account.maxBinds() + " binds in use");
    }

    private static CompletableFuture<BindOutcome> done(BindOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    private CompletableFuture<Void> after(Duration wait) {
        if (wait.isZero()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        timer.schedule(() -> ready.complete(null), wait.toNanos(), TimeUnit.NANOSECONDS);
        return ready;
    }

    private BindOutcome busy(SmppSession session, BindRequest request) {
        return refuse(session, request, CommandStatus.ESME_RBINDFAIL,
                "too many failed binds from this address or for this system_id; try again later");
    }

    private BindOutcome refuse(SmppSession session, BindRequest request, CommandStatus status, String why) {
        long skipped = lines.take("refused binds from " + BindThrottle.keyOf(addressOf(session)));
        if (skipped >= 0) {
            log.info("[{}] bind of '{}' from {} refused ({}): {}{}", session.id(), PeerText.of(request.systemId()),
                    session.remoteAddress(), status.name(), why, RepeatedLines.suffix(skipped));
        }
        return BindOutcome.refused(status);
    }

    private static InetAddress addressOf(SmppSession session) {
        InetSocketAddress remote = session.remoteAddress();
        return remote == null ? null : remote.getAddress();
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
