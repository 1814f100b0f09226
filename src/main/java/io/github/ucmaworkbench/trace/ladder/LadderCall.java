package io.github.ucmaworkbench.trace.ladder;

/**
 * What the ladder knows of one Call-ID, shared by all its arrows: its colour index, and its caller,
 * learnt from the first record that carries a From (a response of ours may come first in the trace).
 */
final class LadderCall {
    private final int index;
    private String caller = "";

    LadderCall(int index) {
        this.index = index;
    }

    int index() {
        return index;
    }

    String caller() {
        return caller;
    }

    /** Records the caller once; returns true when this made it known. */
    boolean learnCaller(String addressOfRecord) {
        if (!caller.isEmpty() || addressOfRecord.isEmpty()) {
            return false;
        }
        caller = addressOfRecord;
        return true;
    }
}
