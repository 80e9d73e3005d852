package io.smppgateway.runner.tools.soak;

/**
 * What one phase of the soak did and what survived it.
 *
 * @param phase          the phase's name, as the table prints it
 * @param sent           what it sent: PDUs, connections or binds, as {@code detail} says
 * @param closedByServer connections the gateway closed (or reset) on the peer
 * @param errors         failures on our side: connections refused or timed out, unexpected answers
 * @param detail         one line of what the phase measured
 * @param health         the well-behaved ESME's check that followed it (or ran while it held its connections)
 */
record PhaseResult(String phase, long sent, long closedByServer, long errors, String detail,
                   HealthyEsme.Check health) {
}
