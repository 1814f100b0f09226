package io.github.ucmaworkbench.trace;

import io.github.ucmaworkbench.trace.ladder.LadderModel;

/** Deliberately wrong, for ArchitectureGuardTest only: trace importing trace.ladder, which imports trace. */
final class LoopsFixture {
    LadderModel model;
}
