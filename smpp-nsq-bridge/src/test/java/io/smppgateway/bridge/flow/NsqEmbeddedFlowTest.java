package io.smppgateway.bridge.flow;

/** The scenarios on the real nsqd (SMPP_TEST_NSQD_*) and the embedded database. */
class NsqEmbeddedFlowTest extends FlowScenarios {

    @Override
    TestBus.Kind busKind() {
        return TestBus.Kind.NSQ;
    }

    @Override
    TestDatabase.Kind databaseKind() {
        return TestDatabase.Kind.EMBEDDED;
    }
}
