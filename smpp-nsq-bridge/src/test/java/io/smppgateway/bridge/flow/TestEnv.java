package io.smppgateway.bridge.flow;

/** The test services' variables; a missing one fails the test with its name. */
final class TestEnv {

    private TestEnv() {
    }

    static String get(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set: run the tests with"
                    + " scripts/test.sh, or source the test services' variables (see README.md)");
        }
        return value;
    }
}
