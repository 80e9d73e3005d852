package io.smppgateway.runner.tools.soak;

/** One hostile case of the soak, run for a bounded time against the gateway. */
interface SoakPhase {

    /**
     * Runs the phase until its work is done or {@code deadlineNanos} (of {@link System#nanoTime})
     * passes, then has {@code esme} check the gateway: after the phase, or while the phase still
     * holds its connections open when holding them is the attack.
     */
    PhaseResult run(long deadlineNanos, HealthyEsme esme);
}
