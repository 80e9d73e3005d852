package io.smppgateway.bridge.flow;

/** The scenarios on the in-process bus and the embedded database: the runner's first-run defaults. */
class InProcessEmbeddedFlowTest extends FlowScenarios {

    @Override
    TestBus.Kind busKind() {
        return TestBus.Kind.IN_PROCESS;
    }

    @Override
    TestDatabase.Kind databaseKind() {
        return TestDatabase.Kind.EMBEDDED;
    }
}
