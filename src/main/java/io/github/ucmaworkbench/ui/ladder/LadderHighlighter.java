package io.github.ucmaworkbench.ui.ladder;

import io.github.ucmaworkbench.trace.ladder.LadderArrow;
import io.github.ucmaworkbench.trace.ladder.LadderModel;
import java.util.Collection;
import java.util.function.IntPredicate;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * What the ladder lights up for a lesson: the arrows a step caused, whole calls, single messages.
 * The rest of the ladder dims while something is lit. Event thread only, like the view; the view
 * hands it out with {@link LadderView#highlights()}.
 */
public final class LadderHighlighter {
    private final LongSupplier newestSequence;
    private final Supplier<LadderModel> model;
    private final Runnable repaint;
    private LadderHighlight highlight = LadderHighlight.NONE;

    LadderHighlighter(LongSupplier newestSequence, Supplier<LadderModel> model, Runnable repaint) {
        this.newestSequence = newestSequence;
        this.model = model;
        this.repaint = repaint;
    }

    /**
     * Lights every message traced from now on, until {@link #untilNow()} or {@link #clear()}:
     * call it before a lesson step runs to show the arrows the step caused.
     */
    public void fromNow() {
        after(newestSequence.getAsLong());
    }

    /**
     * Like {@link #fromNow()}, from a {@link LadderView#tracedSequence()} taken earlier on another
     * thread: a step's first message may be traced before the event thread gets to light it.
     */
    public void after(long sequence) {
        set(highlight.after(sequence));
    }

    /**
     * Ends what {@link #fromNow()} started: messages traced from now on are not lit, those traced
     * since stay lit. Call it when the lesson step ends.
     */
    public void untilNow() {
        set(highlight.until(newestSequence.getAsLong()));
    }

    /** Lights every message of these calls (Call-IDs). */
    public void callIds(Collection<String> callIds) {
        set(highlight.calls(callIds));
    }

    /** Lights the messages with these trace sequence numbers (either record of a message counts). */
    public void sequences(Collection<Long> sequences) {
        set(highlight.messages(sequences));
    }

    /** Ends every highlight. */
    public void clear() {
        set(LadderHighlight.NONE);
    }

    /** Whether the arrow is lit now. */
    public boolean isLit(LadderArrow arrow) {
        IntPredicate lit = predicate(model.get());
        return lit != null && lit.test(arrow.index());
    }

    /** Tests arrow indexes of {@code current}; null when nothing is lit (nothing dims). */
    IntPredicate predicate(LadderModel current) {
        return highlight.predicate(current);
    }

    private void set(LadderHighlight next) {
        highlight = next;
        repaint.run();
    }
}
