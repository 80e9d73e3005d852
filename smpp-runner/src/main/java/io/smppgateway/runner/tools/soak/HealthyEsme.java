package io.smppgateway.runner.tools.soak;

import io.smppgateway.smpp.client.BindRefusedException;
import io.smppgateway.smpp.client.SmppConnector;
import io.smppgateway.smpp.netty.ChannelSession;
import io.smppgateway.smpp.pdu.Address;
import io.smppgateway.smpp.pdu.BindRequest;
import io.smppgateway.smpp.pdu.BindType;
import io.smppgateway.smpp.pdu.CommandStatus;
import io.smppgateway.smpp.pdu.DataSm;
import io.smppgateway.smpp.pdu.DeliverSm;
import io.smppgateway.smpp.pdu.InterfaceVersion;
import io.smppgateway.smpp.pdu.PduRequest;
import io.smppgateway.smpp.pdu.PduResponse;
import io.smppgateway.smpp.pdu.SubmitSm;
import io.smppgateway.smpp.pdu.SubmitSmResp;
import io.smppgateway.smpp.session.PduListener;
import io.smppgateway.smpp.session.SessionConfig;
import io.smppgateway.smpp.session.SmppSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The well-behaved ESME of the soak: after (or during) each hostile phase it binds as the given
 * account with our own client, submits one message and unbinds, and says how long each step took.
 * A gateway that answers both the bind and the submit (whatever the submit's status: a full queue
 * is an answer, reported as such rather than retried as our client otherwise does) is alive; one that refuses the bind or does not answer within the timeout is not.
 */
final class HealthyEsme implements AutoCloseable {

    /** What one check found. */
    record Check(boolean alive, String summary) {
    }

    private final SoakTarget target;
    private final Duration timeout;
    private final SmppConnector connector = new SmppConnector();

    HealthyEsme(SoakTarget target, Duration timeout) {
        this.target = target;
        this.timeout = timeout;
    }

    Check check() {
        long started = System.nanoTime();
        BindRequest bind = BindRequest.of(BindType.TRANSCEIVER, 1, target.systemId(), target.password(), "",
                InterfaceVersion.SMPP_3_4, Address.EMPTY);
        ChannelSession session;
        try {
            session = connector.connectAndBind(target.host(), target.port(), null, timeout,
                    SessionConfig.defaults().withResponseTimeout(timeout), bind,
                    HealthyEsme::answerDeliveries, PduListener.NONE)
                    .get(timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            return new Check(false, "bind failed after " + millis(started) + ": " + describe(e));
        }
        String bindTook = millis(started);
        // our client retries ESME_RMSGQFUL by default; here a full queue is the answer to report
        session.retryThrottled(false);
        long submitted = System.nanoTime();
        try {
            SubmitSm submit = SubmitSm.builder().source(5, 0, "SoakCheck").destination(1, 1, "380990000000")
                    .shortMessage("soak health check".getBytes(StandardCharsets.ISO_8859_1)).build();
            SubmitSmResp response = session.send(submit).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            String status = CommandStatus.nameOf(response.commandStatus());
            session.unbind();
            session.closeFuture().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionally(e -> null).join();
            return new Check(true, "bind " + bindTook + ", submit " + millis(submitted) + " (" + status + ")");
        } catch (Exception e) {
            // an unbind would wait for the answer the gateway owes: just go
            session.close();
            return new Check(false, "bound in " + bindTook + ", submit failed after " + millis(submitted) + ": "
                    + describe(e));
        }
    }

    /** Receipts and MO messages queued for the account come to whoever binds: answer them. */
    private static CompletableFuture<? extends PduResponse> answerDeliveries(SmppSession session,
                                                                             PduRequest<?> request) {
        if (request instanceof DeliverSm deliver) {
            return CompletableFuture.completedFuture(deliver.response(""));
        }
        if (request instanceof DataSm data) {
            return CompletableFuture.completedFuture(data.response(""));
        }
        return null;
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && (cause instanceof ExecutionException
                || cause instanceof CompletionException)) {
            cause = cause.getCause();
        }
        if (cause instanceof BindRefusedException refused) {
            return "refused with " + CommandStatus.nameOf(refused.commandStatus());
        }
        if (cause instanceof TimeoutException) {
            return "no answer";
        }
        return cause.toString();
    }

    private static String millis(long startedNanos) {
        return String.format(Locale.ROOT, "%.1f ms", (System.nanoTime() - startedNanos) / 1e6);
    }

    @Override
    public void close() {
        connector.close();
    }
}
