package io.github.ucmaworkbench.peers;

import io.github.ucmaworkbench.trace.SipTrace;
import io.github.ucmaworkbench.trace.SipTraceEvent;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Our side of an interop run, for failure messages: the SIP messages this process's stacks
 * (registrar, endpoints) sent and received since {@link #mark()}, one line each, so a failing
 * test shows both ladders — SIPp's or Kamailio's log, and ours.
 */
final class InProcessTrace {
    private final long after;

    private InProcessTrace(long after) {
        this.after = after;
    }

    static InProcessTrace mark() {
        List<SipTraceEvent> seen = SipTrace.global().snapshot();
        return new InProcessTrace(seen.isEmpty() ? 0 : seen.get(seen.size() - 1).sequence());
    }

    String ladder() {
        return SipTrace.global().snapshot().stream()
                .filter(e -> e.sequence() > after)
                .map(e -> String.format("%s %-8s %-28s %-4s %s %s %s", e.time(), e.direction(), e.party(),
                        e.transport(), e.local(), e.remote(), e.firstLine()))
                .collect(Collectors.joining("\n", "---- in-process SIP trace\n", "\n"));
    }
}
