package io.smppgateway.runner.tools.soak;

import java.net.InetAddress;

/**
 * The gateway under the soak and where its hostile peers come from.
 *
 * @param host        the gateway's host
 * @param port        its SMPP port
 * @param peerAddress the local address hostile connections come from (null: the system's choice);
 *                    a different one from the well-behaved ESME's, so that the gateway's
 *                    per-address limits and bind throttle fall on the attackers, as they would
 * @param systemId    the account the well-behaved ESME binds as (bound fuzzers and non-reading
 *                    peers bind as it too)
 * @param password    its password
 */
record SoakTarget(String host, int port, InetAddress peerAddress, String systemId, String password) {
}
