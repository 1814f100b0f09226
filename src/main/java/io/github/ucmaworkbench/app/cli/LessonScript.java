package io.github.ucmaworkbench.app.cli;

import io.github.ucmaworkbench.rtc.SignalingHeader;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ServerManager;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The SIP steps of each part of the series, as the window's "run step" plays them: what each
 * step does, and the progress line on which side shows it worked. Parts 1 and 2 have no SIP
 * steps (overview, project set-up).
 */
final class LessonScript {
    /** Whose log shows the step's outcome. */
    enum Side { CLIENT, SERVER }

    /** The two managers a step acts on. */
    record Cast(ClientManager client, ServerManager server) {
    }

    /** One step: a description, an action, and the line that shows it worked. */
    record Step(String description, Consumer<Cast> action, Side side, String expected) {
    }

    static final int FIRST = 1;
    static final int LAST = 11;

    private static final String[] TITLES = {
        "API overview", "project set-up", "signing in", "signing out", "the signaling session",
        "accepting the INVITE", "unregister, revisited", "breaking the connection",
        "detecting the closed session", "SDP offer/answer", "sending a message",
    };

    private LessonScript() {
    }

    static String title(int part) {
        return TITLES[part - 1];
    }

    static List<Step> steps(int part) {
        List<Step> steps = new ArrayList<>();
        if (part < 3) {
            return steps;
        }
        boolean needsServer = part >= 5;
        if (needsServer) {
            steps.add(new Step("The server signs in", c -> c.server().signIn(), Side.SERVER, "Signed in successfully"));
            steps.add(new Step("The server listens", c -> c.server().startListening(), Side.SERVER, "Listening on "));
        }
        steps.add(new Step("The client signs in", c -> c.client().signIn(), Side.CLIENT, "Signed in successfully"));
        if (part == 4) {
            steps.add(new Step("The client signs out", c -> c.client().signOut(), Side.CLIENT, "Signed out successfully"));
        }
        if (!needsServer) {
            return steps;
        }
        List<SignalingHeader> headers = part == 5 ? List.of(new SignalingHeader("X-Lesson", "5")) : List.of();
        steps.add(new Step("The client sends the INVITE" + (part == 5 ? " with a custom header" : ""),
                c -> c.client().sendInvite(headers, false), Side.CLIENT, "The invite was accepted successfully"));
        steps.add(new Step("The server accepted it and the ACK arrived", c -> { }, Side.SERVER,
                "The invite was accepted successfully"));
        switch (part) {
            case 7 -> steps.add(new Step("The client signs out with the session open",
                    c -> c.client().signOut(), Side.CLIENT, "Signed out successfully"));
            case 9 -> steps.add(new Step("The server hangs up; the client sees the session close",
                    c -> c.server().hangUp(), Side.CLIENT, "The session was closed"));
            case 11 -> {
                steps.add(new Step("The client sends a message",
                        c -> c.client().sendMessage("Hello from lesson 11"), Side.CLIENT, "The message was delivered"));
                steps.add(new Step("The server shows the message", c -> { }, Side.SERVER,
                        "Message received: Hello from lesson 11"));
            }
            default -> { }
        }
        if (part == 7) {
            steps.add(new Step("The server sees the session close", c -> { }, Side.SERVER, "The session was closed"));
        } else if (part != 9) {
            steps.add(new Step("The client hangs up (BYE)", c -> c.client().hangUp(), Side.CLIENT, "The session was ended"));
            steps.add(new Step("The server sees the session close", c -> { }, Side.SERVER, "The session was closed"));
            steps.add(new Step("The client signs out", c -> c.client().signOut(), Side.CLIENT, "Signed out successfully"));
        } else {
            steps.add(new Step("The client signs out", c -> c.client().signOut(), Side.CLIENT, "Signed out successfully"));
        }
        steps.add(new Step("The server signs out", c -> c.server().signOut(), Side.SERVER, "Signed out successfully"));
        return steps;
    }
}
