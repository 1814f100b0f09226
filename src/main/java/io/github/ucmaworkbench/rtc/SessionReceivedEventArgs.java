package io.github.ucmaworkbench.rtc;

/** Arguments of {@link RealTimeEndpoint#sessionReceived()}; mirrors UCMA's class of the same name. */
public final class SessionReceivedEventArgs {
    private final SignalingSession session;
    private final SipMessageData requestData;

    SessionReceivedEventArgs(SignalingSession session, SipMessageData requestData) {
        this.session = session;
        this.requestData = requestData;
    }

    /** The new incoming session, in state INCOMING ({@code Session}). */
    public SignalingSession getSession() {
        return session;
    }

    /** The INVITE itself ({@code RequestData}). */
    public SipMessageData getRequestData() {
        return requestData;
    }
}
