package io.github.ucmaworkbench.app.settings;

/** The window's colours; dark suits a dim classroom, light a bright one. */
public enum Theme { LIGHT, DARK }
