package io.smppgateway.runner.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;

/**
 * An ESME ({@link JsmppEsme}, a transmitter) that submits at a steady pace until stopped and, as an
 * ESME configured with several gateway addresses does, binds again to the first of its ports that
 * takes the bind when its session dies. Each submit_sm answered OK is recorded by the message_id of
 * its submit_sm_resp (the SMS_IN event's {@code msg_id}) and the port it went to: from then on it
 * must not be lost. Submits that failed or went unanswered were never acknowledged.
 */
final class RebindingEsme implements AutoCloseable {

    /**
     * How long a submit waits for its answer. jsmpp 3.0.1 does not fail a submit waiting for its
     * answer when the connection closes, so this is also how long the ESME takes to notice a dead gateway.
     */
    private static final long RESPONSE_TIMEOUT_MILLIS = 10_000;
    private static final long REBIND_PAUSE_MILLIS = 100;

    private final List<Integer> ports;
    private final String systemId;
    private final String password;
    private final String textPrefix;
    private final long paceMillis;
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<Integer, AtomicInteger> acknowledgedByPort = new ConcurrentHashMap<>();
    private final List<Bind> binds = new CopyOnWriteArrayList<>();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicInteger bindsRefused = new AtomicInteger();
    private final Thread submitter;
    private volatile boolean running = true;
    private volatile JsmppEsme esme;

    /**
     * @param ports      the gateway's SMPP ports in the order tried; the first is where it binds at first
     * @param textPrefix what each short message starts with (then {@code -<n>})
     * @param paceMillis the pause after each submit
     */
    RebindingEsme(List<Integer> ports, String systemId, String password, String textPrefix, long paceMillis) {
        this.ports = List.copyOf(ports);
        this.systemId = systemId;
        this.password = password;
        this.textPrefix = textPrefix;
        this.paceMillis = paceMillis;
        this.submitter = new Thread(this::submit, "esme-" + textPrefix);
    }

    /** Binds to the first port (failing if it refuses), then submits on a thread of its own. */
    void start() throws IOException {
        esme = JsmppEsme.bind(ports.get(0), BindType.BIND_TX, systemId, password, "", RESPONSE_TIMEOUT_MILLIS);
        binds.add(new Bind(ports.get(0), System.nanoTime()));
        submitter.start();
    }

    private void submit() {
        int port = ports.get(0);
        for (int i = 0; running; i++) {
            try {
                String id = esme.submit(new ESMClass(), new GeneralDataCoding(Alphabet.ALPHA_DEFAULT),
                        (textPrefix + "-" + i).getBytes(StandardCharsets.US_ASCII));
                acknowledged.add(id);
                acknowledgedByPort.computeIfAbsent(port, p -> new AtomicInteger()).incrementAndGet();
            } catch (Exception e) {
                failed.incrementAndGet();
                if (!esme.state().isBound()) {
                    esme.close();
                    port = rebind();
                    if (port < 0) {
                        return;
                    }
                }
            }
            try {
                Thread.sleep(paceMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Binds to the first port that takes it, trying them in turn until one does; -1 once stopped. */
    private int rebind() {
        while (running) {
            for (int port : ports) {
                try {
                    esme = JsmppEsme.bind(port, BindType.BIND_TX, systemId, password, "", RESPONSE_TIMEOUT_MILLIS);
                    binds.add(new Bind(port, System.nanoTime()));
                    return port;
                } catch (IOException | RuntimeException refused) {
                    // that gateway is down or refused the bind: the next one
                    bindsRefused.incrementAndGet();
                }
            }
            try {
                Thread.sleep(REBIND_PAUSE_MILLIS);
            } catch (InterruptedException e) {
                return -1;
            }
        }
        return -1;
    }

    /** The message_ids of the submits answered OK so far. */
    Set<String> acknowledged() {
        return Set.copyOf(acknowledged);
    }

    /** Submits answered OK on {@code port}. */
    int acknowledgedOn(int port) {
        AtomicInteger count = acknowledgedByPort.get(port);
        return count == null ? 0 : count.get();
    }

    /**
     * One bind that the gateway took.
     *
     * @param port     the gateway's SMPP port
     * @param nanoTime {@link System#nanoTime()} when bind_resp came
     */
    record Bind(int port, long nanoTime) {
    }

    /** Each bind, in order: the first, then one per rebind. */
    List<Bind> binds() {
        return List.copyOf(binds);
    }

    /** The port of each bind, in order. */
    List<Integer> bindPorts() {
        return binds.stream().map(Bind::port).toList();
    }

    /** Binds refused or not answered while rebinding (a gateway down, the client's cap reached). */
    int bindsRefused() {
        return bindsRefused.get();
    }

    /** Submits that failed, were refused or went unanswered (on a dead session, after the response timeout). */
    int failed() {
        return failed.get();
    }

    /** Stops submitting, waits for the submit under way, and unbinds. */
    void stop() throws InterruptedException {
        running = false;
        submitter.join(TimeUnit.SECONDS.toMillis(60));
        JsmppEsme last = esme;
        if (last != null) {
            last.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
