package io.smppgateway.bridge.flow;

/** The scenarios as in production: the real nsqd and MariaDB (SMPP_TEST_NSQD_*, SMPP_TEST_MYSQL_*). */
class NsqMariaDbFlowTest extends FlowScenarios {

    @Override
    TestBus.Kind busKind() {
        return TestBus.Kind.NSQ;
    }

    @Override
    TestDatabase.Kind databaseKind() {
        return TestDatabase.Kind.MARIADB;
    }
}
