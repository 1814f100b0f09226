package io.github.ucmaworkbench.tutorial;

import java.time.Duration;
import java.util.Objects;

/** How the server answers invites: the classroom's accept/reject demo. */
public sealed interface AcceptPolicy {
    /** Accept every invite, as the tutorial's server does. */
    record AcceptAll() implements AcceptPolicy {
    }

    /** Reject every invite with this code and reason, so students see the failure path. */
    record Reject(int code, String reason) implements AcceptPolicy {
        public Reject {
            if (code < 300 || code > 699) {
                throw new IllegalArgumentException("a rejection code must be 300-699, not " + code);
            }
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Ask a person, who has {@code timeout} to decide (a dialog counts this down and declines with
     * 603 at its end); should nobody answer at all, the server declines with 480 a little later.
     */
    record Ask(IncomingCallDecider decider, Duration timeout) implements AcceptPolicy {
        public Ask {
            Objects.requireNonNull(decider, "decider");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** Never answer: the caller's operation times out. */
    record DontAnswer() implements AcceptPolicy {
    }

    /** Accept only an invite carrying the header {@code name}; reject others with 403. */
    record RequireHeader(String name) implements AcceptPolicy {
        public RequireHeader {
            Objects.requireNonNull(name, "name");
        }
    }
}
