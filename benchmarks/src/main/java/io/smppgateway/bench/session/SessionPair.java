package io.smppgateway.bench.session;

/**
 * One library's SMPP server and its client binds to it over loopback, as the load driver uses
 * them: the server answers every submit_sm at once with a new message id.
 */
interface SessionPair extends AutoCloseable {

    /** What the driver is told when a submit_sm is answered: its command_status, or -1 on failure. */
    @FunctionalInterface
    interface Answer {
        void answered(int commandStatus);
    }

    /**
     * Sends one submit_sm on bind {@code bind} and returns at once (or as soon as the library's
     * API lets it); {@code answer} is called, on any thread, when the response comes.
     */
    void submit(int bind, Answer answer) throws Exception;

    @Override
    void close() throws Exception;
}
