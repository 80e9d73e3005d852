package io.smppgateway.runner.tools.soak;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Phase (d): wrong passwords for one system_id from one address, over several connections in
 * parallel, as a guesser would. Counts the binds the gateway answered and how long each answer
 * took: its bind throttle should space them further and further apart (and refuse at once those
 * whose turn is too far ahead), so the mean delay says how many guesses an hour it lets through.
 */
final class PasswordGuessingPhase implements SoakPhase {

    private final SoakTarget target;
    private final String systemId;
    private final int guesses;
    private final int parallel;
    private final AtomicLong next = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong closed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong delayMicros = new AtomicLong();
    private final AtomicLong maxDelayMicros = new AtomicLong();

    /**
     * @param systemId the account guessed at
     * @param guesses  how many wrong passwords to try in all
     * @param parallel over how many connections at once
     */
    PasswordGuessingPhase(SoakTarget target, String systemId, int guesses, int parallel) {
        this.target = target;
        this.systemId = systemId;
        this.guesses = guesses;
        this.parallel = parallel;
    }

    @Override
    public PhaseResult run(long deadlineNanos, HealthyEsme esme) {
        List<Thread> guessers = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            Thread guesser = new Thread(() -> guess(deadlineNanos), "soak-guess-" + i);
            guesser.setDaemon(true);
            guesser.start();
            guessers.add(guesser);
        }
        for (Thread guesser : guessers) {
            try {
                guesser.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        long answers = answered.get();
        String detail = String.format(Locale.ROOT, "wrong passwords for '%s' over %d connections at once:"
                        + " %d answered, mean delay %.0f ms, max %.0f ms, %d closed unanswered, %d accepted"
                        + " (expected 0)", systemId, parallel, answers,
                answers == 0 ? 0.0 : delayMicros.get() / 1000.0 / answers, maxDelayMicros.get() / 1000.0,
                closed.get(), accepted.get());
        long sent = Math.min(next.get(), guesses);
        return new PhaseResult("password guessing", sent, closed.get(), errors.get() + accepted.get(), detail,
                esme.check());
    }

    private void guess(long deadlineNanos) {
        while (System.nanoTime() < deadlineNanos) {
            long attempt = next.getAndIncrement();
            if (attempt >= guesses) {
                return;
            }
            byte[] password = ("guess" + attempt).getBytes(StandardCharsets.US_ASCII);
            try (PeerSocket peer = PeerSocket.connect(target, target.peerAddress(), Duration.ofSeconds(30))) {
                long started = System.nanoTime();
                peer.send(LogForgingPhase.bindTransceiver(1, systemId.getBytes(StandardCharsets.US_ASCII),
                        password));
                PeerSocket.Answer answer = peer.read();
                long micros = (System.nanoTime() - started) / 1000;
                if (answer == null) {
                    closed.incrementAndGet();
                } else {
                    answered.incrementAndGet();
                    delayMicros.addAndGet(micros);
                    maxDelayMicros.accumulateAndGet(micros, Math::max);
                    if (answer.commandStatus() == 0) {
                        accepted.incrementAndGet();
                    }
                }
            } catch (SocketTimeoutException e) {
                errors.incrementAndGet();
            } catch (IOException e) {
                if (PeerSocket.isReset(e)) {
                    closed.incrementAndGet();
                } else {
                    errors.incrementAndGet();
                }
            }
        }
    }
}
