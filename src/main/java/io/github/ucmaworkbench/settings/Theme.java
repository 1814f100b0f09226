package io.github.ucmaworkbench.settings;

/**
 * The window's colours; dark suits a dim classroom, light a bright one, high contrast (white and
 * yellow on black) a washed-out projector or a student who needs it.
 */
public enum Theme { LIGHT, DARK, HIGH_CONTRAST }
