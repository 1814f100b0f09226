package io.github.ucmaworkbench.lessons;

import io.github.ucmaworkbench.tutorial.ProgressLevel;
import java.util.Locale;

/**
 * One thing a step waits to see: a progress line on a side, or a state of a side. Written in
 * lesson files as {@code server info "An invite was received"}, {@code client error "Error Code=486"},
 * {@code client log "..."} (either level), or {@code client registration=REGISTERED},
 * {@code client session=CONNECTED}, {@code server listening=true}.
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

    /** A state of {@code side}: registration, session (NONE = no session) or listening. */
    record State(Side side, StateKind kind, String value) implements Expectation {
        @Override
        public String toString() {
            return side.id() + " " + kind.id() + "=" + value;
        }
    }

    /** The states a step can wait for. */
    enum StateKind {
        REGISTRATION, SESSION, LISTENING;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
