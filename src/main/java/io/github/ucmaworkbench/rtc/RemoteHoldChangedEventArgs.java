package io.github.ucmaworkbench.rtc;

/**
 * Arguments of {@link SignalingSession#remoteHoldChanged()}: the other party put the call on
 * hold or resumed it with a re-INVITE (RFC 3264 §8.4), which was answered 200 OK; the session
 * stays CONNECTED either way. A workbench addition: UCMA 1.0 leaves re-INVITE offers to the
 * application's offer/answer object.
 */
public final class RemoteHoldChangedEventArgs {
    private final boolean onHold;
    private final String reason;

    RemoteHoldChangedEventArgs(boolean onHold, String reason) {
        this.onHold = onHold;
        this.reason = reason;
    }

    /** True when the other party put the call on hold, false when it resumed it. */
    public boolean isOnHold() {
        return onHold;
    }

    /** What the offer said, e.g. "a=sendonly"; never null. */
    public String getReason() {
        return reason == null ? "" : reason;
    }
}
