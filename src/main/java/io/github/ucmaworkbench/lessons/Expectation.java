package io.github.ucmaworkbench.lessons;

import io.github.ucmaworkbench.trace.Direction;
import io.github.ucmaworkbench.tutorial.ProgressLevel;
import java.util.Locale;

/**
 * One thing a step waits to see: a progress line on a side, or a state of a side. Written in
 * lesson files as {@code server info "Invite arrived"}, {@code client error "refused with 486"},
 * {@code client log "..."} (either level), or {@code client registration=REGISTERED},
 * {@code client session=CONNECTED}, {@code server listening=true}; or a message on the wire,
 * {@code server sent 403 INVITE reason "X-Student-Id"}, {@code client sent MESSAGE header "Content-Type: text/plain; charset=utf-8"};
 * or {@code not} one of these (it must not happen during the step).
 */
public sealed interface Expectation {
    Side side();

    /** A progress line on {@code side} whose text contains {@code text}; {@code level} null = either level. */
    record Line(Side side, ProgressLevel level, String text) implements Expectation {
        @Override
        public String toString() {
            String kind = level == null ? "log" : level.name().toLowerCase(Locale.ROOT);
            return side.id() + " " + kind + " \"" + text + "\"";
        }
    }

    /** A state of {@code side}: registration, session (NONE = no session), listening or timeout (e.g. 1500ms). */
    record State(Side side, StateKind kind, String value) implements Expectation {
        @Override
        public String toString() {
            return side.id() + " " + kind.id() + "=" + value;
        }
    }

    /** The states a step can wait for. */
    enum StateKind {
        REGISTRATION, SESSION, LISTENING,
        /** The side's operation timeout, in milliseconds (the time a begin/end operation may take). */
        TIMEOUT,
        /** The client's ring timeout, in milliseconds, or {@code default} (its settings' value). */
        RING_TIMEOUT;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A SIP message that {@code side}'s endpoint sent or received during the step.
     *
     * @param status 0 for a request, else the response code
     * @param method the request's method, or for a response the method it answers (null = any)
     * @param header {@code Name} (present) or {@code Name: part} (its value contains part); null = no condition
     * @param body   text the body contains; null = no condition
     * @param reason text a response's reason phrase contains; null = no condition
     */
    record Wire(Side side, Direction direction, int status, String method, String header, String body, String reason)
            implements Expectation {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(side.id()).append(direction == Direction.SENT ? " sent" : " received");
            if (status > 0) {
                text.append(' ').append(status);
            }
            if (method != null) {
                text.append(' ').append(method);
            }
            if (header != null) {
                text.append(" header \"").append(header).append('"');
            }
            if (body != null) {
                text.append(" body \"").append(body).append('"');
            }
            if (reason != null) {
                text.append(" reason \"").append(reason).append('"');
            }
            return text.toString();
        }
    }

    /** {@code expectation} must not be seen during the step (checked again once the others hold). */
    record Not(Expectation expectation) implements Expectation {
        @Override
        public Side side() {
            return expectation.side();
        }

        @Override
        public String toString() {
            return "not " + expectation;
        }
    }
}
