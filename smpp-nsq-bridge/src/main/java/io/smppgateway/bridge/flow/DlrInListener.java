package io.smppgateway.bridge.flow;

import io.smppgateway.bridge.message.DlrIn;

/**
 * Sees every DLR_IN event once the bus has accepted it (for NSQ: nsqd's OK), so that a host can
 * count statuses per SMSC without reading the topic back. It runs on the thread that completed the
 * publish: it must only count or hand over, never block. What it throws is logged and ignored; it
 * never makes a published event count as failed.
 */
@FunctionalInterface
public interface DlrInListener {

    DlrInListener NONE = event -> { };

    void published(DlrIn event);
}
