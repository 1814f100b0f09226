package io.github.ucmaworkbench.lessons;

import io.github.ucmaworkbench.rtc.SipEndpoint;
import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.tutorial.AcceptPolicy;
import io.github.ucmaworkbench.tutorial.ClientManager;
import io.github.ucmaworkbench.tutorial.ServerManager;
import io.github.ucmaworkbench.tutorial.TutorialManager;
import java.time.Duration;
import java.util.Objects;

/**
 * The two tutorial managers a lesson drives. Asked again before every step, so a window that
 * rebuilds a manager (new settings) keeps working with its lessons.
 *
 * <p>Settings a step changes go through {@link #applyAcceptPolicy} and {@link #applyOperationTimeout},
 * which a window overrides to apply them the way its own controls do (so its policy picker shows
 * the new policy and a rebuilt manager keeps it). Called on the engine's thread, never the UI's.
 */
public interface LessonSides {
    ClientManager client();

    ServerManager server();

    /** Two fixed managers, applying a step's settings the default way (a headless run, a test). */
    static LessonSides of(ClientManager client, ServerManager server) {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        return new LessonSides() {
            @Override
            public ClientManager client() {
                return client;
            }

            @Override
            public ServerManager server() {
                return server;
            }
        };
    }

    /** A {@code set-policy} step: by default straight to the server manager. */
    default void applyAcceptPolicy(AcceptPolicy policy) {
        server().setAcceptPolicy(policy);
    }

    /** A {@code set-ring-timeout} step: the client manager and its signed-in endpoint; null = the client's setting. */
    default void applyRingTimeout(Duration timeout) {
        client().setRingTimeout(timeout);
    }

    /** A {@code set-timeout} step: by default the manager (later sign-ins) and its signed-in endpoint. */
    default void applyOperationTimeout(Side side, Duration timeout) {
        TutorialManager manager = side == Side.CLIENT ? client() : server();
        manager.setOperationTimeout(timeout);
        SipEndpoint endpoint = manager.getEndpoint();
        if (endpoint != null) {
            endpoint.setOperationTimeout(timeout);
        }
    }

    /** Where wire expectations look: by default the process-wide trace every stack feeds. Asked once, when the engine is made. */
    default SipTrace trace() {
        return SipTrace.global();
    }
}
