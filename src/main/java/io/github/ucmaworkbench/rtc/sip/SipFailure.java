package io.github.ucmaworkbench.rtc.sip;

/**
 * Why a SIP operation did not succeed, in terms the rtc layer maps onto UCMA's exception family.
 */
public final class SipFailure extends Exception {
    /** The kinds of failure, one per UCMA exception the rtc layer throws. */
    public enum Kind {
        /** No final response within the operation timeout, or the stack's own timer fired. */
        TIMEOUT,
        /** The transport could not reach the peer, or a port could not be bound. */
        CONNECTION,
        /** A final non-2xx response; {@link #getResponse()} has it. */
        RESPONSE,
        /** A challenge we could not answer, or credentials that were refused. */
        AUTHENTICATION,
        /** Anything else: the session was ended locally, a message could not be built. */
        OTHER
    }

    private final Kind kind;
    private final transient MessageView response;

    public SipFailure(Kind kind, String message, MessageView response, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.response = response;
    }

    public SipFailure(Kind kind, String message) {
        this(kind, message, null, null);
    }

    public static SipFailure response(MessageView response) {
        return new SipFailure(Kind.RESPONSE,
                "the request failed with " + response.getStatusCode() + " " + response.getReasonPhrase(), response, null);
    }

    public Kind getKind() {
        return kind;
    }

    /** The failure response, or null when none came. */
    public MessageView getResponse() {
        return response;
    }
}
