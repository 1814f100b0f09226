package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.trace.ladder.LadderArrow;
import io.github.ucmaworkbench.trace.ladder.LadderModel;
import java.util.Collection;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Which arrows a lesson step lit up: everything traced in a range of sequence numbers (from the
 * step's start to its end, or still open while it runs), whole calls, or single messages (either
 * record of a message counts). Immutable; the view swaps it whole.
 */
record LadderHighlight(long afterSequence, long untilSequence, Set<String> callIds, Set<Long> sequences) {
    static final LadderHighlight NONE = new LadderHighlight(Long.MAX_VALUE, Long.MAX_VALUE, Set.of(), Set.of());

    /** Everything traced after {@code sequence}, until {@link #until(long)}. */
    LadderHighlight after(long sequence) {
        return new LadderHighlight(sequence, Long.MAX_VALUE, callIds, sequences);
    }

    /**
     * Closes the open range at {@code sequence}: what is traced later is not lit. A range that
     * caught nothing goes, or every arrow would stay dimmed for nothing.
     */
    LadderHighlight until(long sequence) {
        if (afterSequence == Long.MAX_VALUE || untilSequence != Long.MAX_VALUE) {
            return this;
        }
        if (sequence > afterSequence) {
            return new LadderHighlight(afterSequence, sequence, callIds, sequences);
        }
        return new LadderHighlight(Long.MAX_VALUE, Long.MAX_VALUE, callIds, sequences);
    }

    LadderHighlight calls(Collection<String> ids) {
        return new LadderHighlight(afterSequence, untilSequence, Set.copyOf(ids), sequences);
    }

    LadderHighlight messages(Collection<Long> messageSequences) {
        return new LadderHighlight(afterSequence, untilSequence, callIds, Set.copyOf(messageSequences));
    }

    /** Tests arrow indexes of {@code model}; null when nothing is highlighted (nothing dims). */
    IntPredicate predicate(LadderModel model) {
        if (afterSequence == Long.MAX_VALUE && callIds.isEmpty() && sequences.isEmpty()) {
            return null;
        }
        return index -> {
            LadderArrow arrow = model.arrow(index);
            long first = arrow.firstSequence();
            return (first > afterSequence && first <= untilSequence)
                    || callIds.contains(arrow.callId())
                    || (arrow.sent() != null && sequences.contains(arrow.sent().sequence()))
                    || (arrow.received() != null && sequences.contains(arrow.received().sequence()));
        };
    }
}
