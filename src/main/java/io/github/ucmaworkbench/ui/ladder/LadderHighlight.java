package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.trace.ladder.LadderArrow;
import io.github.ucmaworkbench.trace.ladder.LadderModel;
import java.util.Collection;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Which arrows a lesson step lit up: everything traced after a sequence number, whole calls, or
 * single messages (either record of a message counts). Immutable; the view swaps it whole.
 */
record LadderHighlight(long afterSequence, Set<String> callIds, Set<Long> sequences) {
    static final LadderHighlight NONE = new LadderHighlight(Long.MAX_VALUE, Set.of(), Set.of());

    LadderHighlight after(long sequence) {
        return new LadderHighlight(sequence, callIds, sequences);
    }

    LadderHighlight calls(Collection<String> ids) {
        return new LadderHighlight(afterSequence, Set.copyOf(ids), sequences);
    }

    LadderHighlight messages(Collection<Long> messageSequences) {
        return new LadderHighlight(afterSequence, callIds, Set.copyOf(messageSequences));
    }

    /** Tests arrow indexes of {@code model}; null when nothing is highlighted (nothing dims). */
    IntPredicate predicate(LadderModel model) {
        if (afterSequence == Long.MAX_VALUE && callIds.isEmpty() && sequences.isEmpty()) {
            return null;
        }
        return index -> {
            LadderArrow arrow = model.arrow(index);
            return arrow.firstSequence() > afterSequence
                    || callIds.contains(arrow.callId())
                    || (arrow.sent() != null && sequences.contains(arrow.sent().sequence()))
                    || (arrow.received() != null && sequences.contains(arrow.received().sequence()));
        };
    }
}
