package io.github.ucmaworkbench.ui;

import io.github.ucmaworkbench.rtc.RegistrationState;
import io.github.ucmaworkbench.rtc.SignalingState;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which lesson actions are legal in which state, in one place so the buttons, the menus and the
 * tests agree. No Swing here.
 */
public final class SideActions {
    /** States in which a session holds resources and can be ended with Hang up. */
    static final Set<SignalingState> LIVE = EnumSet.of(SignalingState.INCOMING, SignalingState.CONNECTING,
            SignalingState.ALERTED, SignalingState.CONNECTED, SignalingState.REDIRECTING);

    /** The client's buttons. */
    public record Client(boolean signIn, boolean signOut, boolean sendInvite, boolean hangUp, boolean sendMessage) {
    }

    /** The server's buttons. */
    public record Server(boolean signIn, boolean signOut, boolean listen, boolean stopListening, boolean hangUp) {
    }

    private SideActions() {
    }

    public static boolean isLive(SignalingState session) {
        return session != null && LIVE.contains(session);
    }

    public static Client client(RegistrationState registration, SignalingState session) {
        boolean registered = registration == RegistrationState.REGISTERED;
        boolean live = isLive(session);
        return new Client(
                registration == RegistrationState.UNREGISTERED,
                registered,
                registered && !live,
                live,
                session == SignalingState.CONNECTED);
    }

    public static Server server(RegistrationState registration, SignalingState session, boolean listening) {
        // The tutorial's server listens once signed in: its Contact is the listening address.
        boolean registered = registration == RegistrationState.REGISTERED;
        return new Server(
                registration == RegistrationState.UNREGISTERED,
                registered,
                registered && !listening,
                listening,
                isLive(session));
    }

    /** The panel's state line, e.g. "Signed in · listening · session connected". */
    public static String describe(RegistrationState registration, SignalingState session, boolean listening) {
        StringBuilder text = new StringBuilder(switch (registration == null ? RegistrationState.UNREGISTERED : registration) {
            case UNREGISTERED -> "Signed out";
            case REGISTERING -> "Signing in…";
            case REGISTERED -> "Signed in";
            case UNREGISTERING -> "Signing out…";
        });
        if (listening) {
            text.append(" · listening");
        }
        if (session != null) {
            text.append(" · ").append(switch (session) {
                case IDLE -> "session not started";
                case INCOMING -> "incoming call";
                case CONNECTING -> "calling…";
                case ALERTED -> "ringing…";
                case CONNECTED -> "in a session";
                case REDIRECTING -> "redirected…";
                case DISCONNECTED -> "session ended";
            });
        }
        return text.toString();
    }
}
