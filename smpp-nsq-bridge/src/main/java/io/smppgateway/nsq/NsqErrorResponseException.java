package io.smppgateway.nsq;

/**
 * nsqd answered a command with an error frame ({@code E_BAD_TOPIC}, {@code E_BAD_MESSAGE},
 * {@code E_PUB_FAILED}, ...). The command was not carried out: a refused publish stored nothing.
 */
public final class NsqErrorResponseException extends NsqException {

    private final String code;
    private final String description;

    public NsqErrorResponseException(String code, String description) {
        super(code + (description.isEmpty() ? "" : " " + description), null);
        this.code = code;
        this.description = description;
    }

    /** The {@code E_...} code as nsqd sent it. */
    public String code() {
        return code;
    }

    /** nsqd's text after the code. */
    public String description() {
        return description;
    }
}
