package io.github.ucmaworkbench.rtc;

/** One end of a signaling session; mirrors UCMA's {@code SignalingParticipant}. */
public final class SignalingParticipant {
    private final String uri;
    private final String name;

    SignalingParticipant(String uri, String name) {
        this.uri = uri;
        this.name = name;
    }

    /** The participant's SIP URI ({@code Uri}). */
    public String getUri() {
        return uri;
    }

    /** The display name, or empty ({@code Name}). */
    public String getName() {
        return name == null ? "" : name;
    }

    @Override
    public String toString() {
        return uri;
    }
}
