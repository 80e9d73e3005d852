package io.smppgateway.runner.tools.soak;

import java.net.InetAddress;

/**
 * The gateway under the soak and where its hostile peers come from.
 *
 * @param host        the gateway's host
 * @param port        its SMPP port
 * @param peerAddress      the local address unbound hostile connections come from (null: the
 *                         system's choice); another than the well-behaved ESME's, so that the
 *                         gateway's per-address limits and bind throttle fall on the attackers,
 *                         as they would
 * @param boundPeerAddress the local address of the hostile peers that bind first as the account
 *                         (bound fuzzers, non-reading peers); another again, or the bind throttle
 *                         the unbound ones provoke would keep them from binding (null: the
 *                         system's choice)
 * @param systemId         the account the well-behaved ESME binds as (bound fuzzers and
 *                         non-reading peers bind as it too)
 * @param password         its password
 */
record SoakTarget(String host, int port, InetAddress peerAddress, InetAddress boundPeerAddress, String systemId,
                  String password) {
}
