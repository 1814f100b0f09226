package io.github.ucmaworkbench.tutorial;

import io.github.ucmaworkbench.ui.WorkbenchFrame;

/** Deliberately wrong, for ArchitectureGuardTest only: the tutorial layer importing the window. */
final class ReachesUpFixture {
    WorkbenchFrame frame;
}
