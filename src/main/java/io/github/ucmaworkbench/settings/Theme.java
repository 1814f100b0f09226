package io.github.ucmaworkbench.settings;

/** The window's colours; dark suits a dim classroom, light a bright one. */
public enum Theme { LIGHT, DARK }
