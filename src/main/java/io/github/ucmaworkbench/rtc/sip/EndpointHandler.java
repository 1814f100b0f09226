package io.github.ucmaworkbench.rtc.sip;

/**
 * What a {@link SipUserAgent} needs from an endpoint attached to it: who it is, how it talks,
 * and where out-of-dialog requests addressed to it go. Called on a stack thread: never block.
 */
public interface EndpointHandler {
    /** The endpoint's address of record, e.g. {@code sip:server@example.com}. */
    String userUri();

    /** {@code TCP}, {@code UDP} or {@code TLS}. */
    String transport();

    /** The server requests are routed through: host name or address. */
    String serverHost();

    int serverPort();

    /** The user name and password for {@code realm}, or null when there are none. */
    Credentials credentialsFor(String realm);

    /** A new INVITE for this endpoint arrived and was answered 180 Ringing. */
    void incomingInvite(IncomingInvite invite);

    /** An out-of-dialog MESSAGE, INFO, OPTIONS... arrived; it is answered when {@code request} is. */
    void incomingRequest(IncomingRequest request);

    /** We answered a request with an error of our own making; {@code why} says why, for the user's log. */
    void requestRefused(MessageView request, int code, String why);

    /** A user name and password for digest authentication. */
    record Credentials(String userName, String password) {
    }
}
