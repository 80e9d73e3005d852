package io.smppgateway.nsq;

/**
 * Why an NSQ operation failed. The subclass says what the caller may conclude: nsqd refused it
 * ({@link NsqErrorResponseException}), it surely never reached nsqd ({@link NsqNotSentException},
 * safe to retry), or nobody can know ({@link NsqOutcomeUnknownException}).
 */
public abstract sealed class NsqException extends RuntimeException
        permits NsqErrorResponseException, NsqNotSentException, NsqOutcomeUnknownException, NsqProtocolException {

    NsqException(String message, Throwable cause) {
        super(message, cause);
    }
}
