package io.github.ucmaworkbench.ui;

/** Which pane has the window's centre: every pane, or the ladder or the lesson alone (for the projector). */
public enum PaneFocus { ALL, LADDER, LESSON }
