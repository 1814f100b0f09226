package io.github.ucmaworkbench.lessons.exercise;

import io.github.ucmaworkbench.lessons.Side;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which method of the homework class an exercise plugs into the live client or server. */
public enum Seam {
    SIGN_IN("signIn", "TutorialManager#sign-in"),
    SEND_INVITE("sendInvite", "ClientManager#send-invite"),
    SESSION_RECEIVED("sessionReceived", "ServerManager#accept"),
    HANG_UP("hangUp", "TutorialManager#terminate"),
    STATE_CHANGED("sessionStateChanged", "TutorialManager#session-state"),
    SEND_MESSAGE("sendMessage", "ClientManager#send-message");

    private final String method;
    private final String region;

    Seam(String method, String region) {
        this.method = method;
        this.region = region;
    }

    /** The homework method the student writes. */
    public String method() {
        return method;
    }

    /** The tutorial region it replaces, {@code File#region}. */
    public String region() {
        return region;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Whether {@code side}'s homework class has this method. */
    public boolean allows(Side side) {
        return switch (this) {
            case SESSION_RECEIVED -> side == Side.SERVER;
            case STATE_CHANGED -> true;
            default -> side == Side.CLIENT;
        };
    }

    public static Seam byId(String id) {
        for (Seam seam : values()) {
            if (seam.id().equals(id)) {
                return seam;
            }
        }
        return null;
    }

    public static String ids() {
        return Arrays.stream(values()).map(Seam::id).collect(Collectors.joining(", "));
    }
}
