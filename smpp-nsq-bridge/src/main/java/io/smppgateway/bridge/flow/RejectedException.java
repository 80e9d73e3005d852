package io.smppgateway.bridge.flow;

/** An SMS_OUT that cannot be sent as it is, with the {@link Rejection} to report. */
final class RejectedException extends RuntimeException {

    private final Rejection rejection;

    RejectedException(Rejection rejection) {
        super(rejection.reason(), null, false, false);
        this.rejection = rejection;
    }

    Rejection rejection() {
        return rejection;
    }
}
